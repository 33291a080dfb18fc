/**
 * The audit log for admins (protocol auditRoutes): a page of rows, or the same filter as CSV.
 * Only GET routes: no route of lobbyflow changes or removes an audit row.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditRoutes as routes } from '../../../../protocol/audit-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.auditLog;

  serveRoute(app, routes.list, (request) => service.list(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.csv, async (request, reply) => {
    const csv = await service.exportCsv(actorOf(request), request.params.branchId, request.query);
    // A text content type keeps the reply out of the JSON serializer; the file name carries the branch and day.
    const day = app.lobby.clock.now().toISOString().slice(0, 10);
    const branch = request.params.branchId.replace(/[^A-Za-z0-9_-]/g, '_');
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="audit-log-${branch}-${day}.csv"`);
    reply.header('cache-control', 'no-store');
    return csv;
  });
};
export default audit;
