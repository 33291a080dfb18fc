/** The ticket actions (protocol queueRoutes): tellers at the ticket's counter, managers and admins. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const tickets: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { queue } = app.lobby;

  serveRoute(app, routes.ticket, (request) => queue.getTicket(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.recall, (request) => queue.recall(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.start, (request) => queue.start(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.complete, (request) => queue.complete(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.noShow, (request) => queue.noShow(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.undoNoShow, (request) => queue.undoNoShow(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.requeue, (request) => queue.requeue(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.cancel, (request) => queue.cancel(actorOf(request), request.params.ticketId));
  serveRoute(app, routes.transfer, (request) => queue.transfer(actorOf(request), request.params.ticketId, request.body.serviceId));
  serveRoute(app, routes.divert, (request) => queue.divert(actorOf(request), request.params.ticketId, request.body.machineKind));
  serveRoute(app, routes.changeTier, (request) => queue.changeTier(actorOf(request), request.params.ticketId, request.body.tier));
  serveRoute(app, routes.undoTriage, (request) => queue.undoTriage(actorOf(request), request.params.ticketId));
};
export default tickets;
