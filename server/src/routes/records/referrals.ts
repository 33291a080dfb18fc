/** Referrals to account managers (protocol referralRoutes): managers refer, account managers move them along. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { referralRoutes as routes } from '../../../../protocol/referral-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute } from '../serve-route.js';

const referrals: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.referrals;

  serveRoute(app, routes.list, (request) => service.list(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.create, (request) => service.create(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.summary, (request) => service.summary(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.one, (request) => service.get(actorOf(request), request.params.branchId, request.params.referralId));
  serveRoute(app, routes.move, (request) =>
    service.move(actorOf(request), request.params.branchId, request.params.referralId, request.body.status, request.body.note),
  );
  serveRoute(app, routes.accountManagers, (request) => service.accountManagers(actorOf(request), request.params.branchId));
};
export default referrals;
