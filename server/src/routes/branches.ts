/** A branch's services, counters, machines and snapshot, and issuing tickets (protocol queueRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const branches: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { snapshots, queue } = app.lobby;

  serveRoute(app, routes.services, (request) => snapshots.services(actorOf(request), request.params.branchId));
  serveRoute(app, routes.counters, (request) => snapshots.counters(actorOf(request), request.params.branchId));
  serveRoute(app, routes.machines, (request) => snapshots.machines(actorOf(request), request.params.branchId));
  serveRoute(app, routes.snapshot, async (request, reply) => {
    const shared = await snapshots.snapshot(actorOf(request), request.params.branchId);
    // Serialised once per sequence number and audience, for every screen that asks.
    reply.type('application/json; charset=utf-8').serializer(() => shared.json);
    return shared.snapshot;
  });
  serveRoute(app, routes.issueTicket, (request) => queue.issueTicket(actorOf(request), request.params.branchId, request.body));
  serveRoute(app, routes.recordDiversion, async (request) => {
    const { serviceId, machineKind } = request.body;
    await queue.recordDiversion(actorOf(request), request.params.branchId, serviceId, machineKind);
    return null;
  });
};
export default branches;
