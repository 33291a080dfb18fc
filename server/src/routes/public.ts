import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { serveRoute } from './serve-route.js';

/** Routes without sign-in. The ticket id is a random UUID printed only on the customer's ticket. */
const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  serveRoute(app, routes.publicTicket, (request) => app.lobby.queue.publicTicket(request.params.ticketId));
};
export default publicRoutes;
