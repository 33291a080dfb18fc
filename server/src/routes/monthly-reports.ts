/** The monthly report (定期報告, protocol monthlyReportRoutes): the list, a month's report, its draft and its submission. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { monthlyReportRoutes as routes } from '../../../protocol/monthly-report-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const monthlyReports: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.monthlyReports;

  serveRoute(app, routes.list, (request) => service.list(actorOf(request), request.params.branchId));
  serveRoute(app, routes.report, (request) => service.report(actorOf(request), request.params.branchId, request.params.month));
  serveRoute(app, routes.save, (request) => service.save(actorOf(request), request.params.branchId, request.params.month, request.body));
  serveRoute(app, routes.submit, (request) => service.submit(actorOf(request), request.params.branchId, request.params.month));
};
export default monthlyReports;
