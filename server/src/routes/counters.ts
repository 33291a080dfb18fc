/** Opening, pausing and closing counters, and calling tickets to them (protocol queueRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const counters: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { counters: service, queue } = app.lobby;

  serveRoute(app, routes.openCounter, (request) => service.open(actorOf(request), request.params.counterId, request.body?.tellerId), {
    preValidation: emptyBodyIsEmptyObject,
  });
  serveRoute(app, routes.pauseCounter, (request) => service.pause(actorOf(request), request.params.counterId, request.body?.reason), {
    preValidation: emptyBodyIsEmptyObject,
  });
  serveRoute(app, routes.closeCounter, (request) => service.close(actorOf(request), request.params.counterId));
  // null: nobody waits for this counter's services (204).
  serveRoute(app, routes.callNext, (request) => queue.callNext(actorOf(request), request.params.counterId));
  serveRoute(app, routes.callTicket, (request) => queue.callTicket(actorOf(request), request.params.counterId, request.body.ticketId));
  serveRoute(app, routes.completeAndCallNext, (request) => queue.completeAndCallNext(actorOf(request), request.params.counterId));
};

/** An empty POST is the common case for opening and pausing: treat it as {}. */
async function emptyBodyIsEmptyObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
export default counters;
