/** The opening and closing checks, machine faults and the triage screen's hall alerts (protocol checkRoutes); managers and admins. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkRoutes as routes } from '../../../../protocol/check-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const checks: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.checks;

  serveRoute(app, routes.today, (request) => service.today(actorOf(request), request.params.branchId));
  serveRoute(app, routes.submit, (request) => service.submit(actorOf(request), request.params.branchId, request.params.kind, request.body.items));
  serveRoute(app, routes.month, (request) => service.month(actorOf(request), request.params.branchId, request.query.month));
  serveRoute(app, routes.machineFault, (request) =>
    service.markFaulty(actorOf(request), request.params.branchId, request.params.machineId, request.body.note),
  );
  serveRoute(app, routes.machineFixed, (request) => service.markFixed(actorOf(request), request.params.branchId, request.params.machineId));
  // Who is connected now lives in the device presence; the alerts read it from there.
  serveRoute(app, routes.hallAlerts, (request) => service.hallAlerts(actorOf(request), request.params.branchId, app.lobby.presence));
};
export default checks;
