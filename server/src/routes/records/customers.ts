/** The customer resource sheet (protocol customerRoutes): managers and admins of the branch only. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { customerRoutes as routes } from '../../../../protocol/customer-routes.js';
import { actorOf } from '../../plugins/auth.js';
import { serveRoute, type ExtraRouteOptions } from '../serve-route.js';

/** A core banking export of a few thousand customers: more than the server's 64 KB default. */
const IMPORT_BODY_LIMIT = 2 * 1024 * 1024 + 64 * 1024;

const customers: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const service = app.lobby.customers;

  serveRoute(app, routes.list, (request) => service.list(actorOf(request), request.params.branchId, request.query));
  serveRoute(app, routes.create, (request) => service.create(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.get, (request) => service.get(actorOf(request), request.params.branchId, request.params.customerId));
  serveRoute(app, routes.update, (request) => service.update(actorOf(request), request.params.branchId, request.params.customerId, request.body));
  serveRoute(app, routes.remove, (request) => service.remove(actorOf(request), request.params.branchId, request.params.customerId));
  // serveRoute passes its options on to Fastify's route(), bodyLimit included.
  const importOptions: ExtraRouteOptions & { bodyLimit: number } = { bodyLimit: IMPORT_BODY_LIMIT };
  serveRoute(app, routes.import, (request) => service.importCsv(actorOf(request), request.params.branchId, request.body), importOptions);
  serveRoute(app, routes.managers, (request) => service.managers(actorOf(request), request.params.branchId));
};
export default customers;
