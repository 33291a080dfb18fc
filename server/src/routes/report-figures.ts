/** The branch head's figures: the queue's, and the period's records in numbers (protocol reportRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { reportRoutes as routes } from '../../../protocol/report-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const reportFigures: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.reportFigures;

  serveRoute(app, routes.figures, (request) => service.figures(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.recordFigures, (request) => service.recordFigures(actorOf(request), request.params.branchId, request.query));
};
export default reportFigures;
