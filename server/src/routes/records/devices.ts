/** Device health (protocol deviceHealthRoutes): a kiosk reports a failed print; managers resolve it. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deviceHealthRoutes as routes } from '../../../../protocol/device-health-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const devices: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const presence = app.lobby.presence;

  serveRoute(app, routes.printFailure, (request) => presence.reportPrintFailure(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.resolveFault, (request) => presence.resolveFault(actorOf(request), request.params.branchId, request.params.faultId));
};
export default devices;
