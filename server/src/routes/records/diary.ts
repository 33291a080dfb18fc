/** The work diary (protocol diaryRoutes): a month of entries, the day's figures, and the manager's own entry. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { diaryRoutes as routes } from '../../../../protocol/diary-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const diary: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.diary;

  serveRoute(app, routes.month, (request) => service.month(actorOf(request), request.params.branchId, request.query.month));
  serveRoute(app, routes.figures, (request) => service.figures(actorOf(request), request.params.branchId, request.query.day));
  serveRoute(app, routes.save, (request) => service.save(actorOf(request), request.params.branchId, request.params.day, request.body));
  serveRoute(app, routes.entry, (request) =>
    service.entry(actorOf(request), request.params.branchId, request.params.day, request.params.authorId),
  );
};
export default diary;
