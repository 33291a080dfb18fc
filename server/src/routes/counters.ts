/** Opening, pausing and closing counters, and calling the next ticket (protocol queueRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const counters: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { counters: service, queue } = app.lobby;

  serveRoute(app, routes.openCounter, (request) => service.open(actorOf(request), request.params.counterId, request.body?.tellerId), {
    // An empty POST is the common case: treat it as {}.
    preValidation: async (request) => {
      request.body ??= {};
    },
  });
  serveRoute(app, routes.pauseCounter, (request) => service.pause(actorOf(request), request.params.counterId));
  serveRoute(app, routes.closeCounter, (request) => service.close(actorOf(request), request.params.counterId));
  // null: nobody waits for this counter's services (204).
  serveRoute(app, routes.callNext, (request) => queue.callNext(actorOf(request), request.params.counterId));
};
export default counters;
