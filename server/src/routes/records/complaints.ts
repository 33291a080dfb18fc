/** The complaint log (protocol complaintRoutes): managers and admins; a teller may log one about their counter's ticket. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { complaintRoutes as routes } from '../../../../protocol/complaint-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const complaints: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.complaints;

  serveRoute(app, routes.list, (request) => service.list(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.summary, (request) => service.summary(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.create, (request) => service.create(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.get, (request) => service.get(actorOf(request), request.params.branchId, request.params.complaintId));
  serveRoute(app, routes.update, (request) =>
    service.update(actorOf(request), request.params.branchId, request.params.complaintId, request.body),
  );
  serveRoute(app, routes.reply, (request) => service.reply(actorOf(request), request.params.branchId, request.params.complaintId, request.body));
  serveRoute(app, routes.close, (request) => service.close(actorOf(request), request.params.branchId, request.params.complaintId, request.body));
  serveRoute(app, routes.reopen, (request) => service.reopen(actorOf(request), request.params.branchId, request.params.complaintId));
};
export default complaints;
