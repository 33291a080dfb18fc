/** Reports for managers: the accuracy of promised waits, and arrivals by hour for staffing (protocol planningRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { planningRoutes as routes } from '../../../protocol/planning-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const reports: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.reports;

  serveRoute(app, routes.estimateAccuracy, (request) => service.estimateAccuracy(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.arrivalsByHour, (request) => service.arrivalsByHour(actorOf(request), request.params.branchId, request.query));
};
export default reports;
