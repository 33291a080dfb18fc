import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicBranchRoutes } from '../../../protocol/public-branch-routes.js';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import publicTicketRoutes from './public-ticket.js';
import { serveRoute } from './serve-route.js';

/**
 * Routes without sign-in. The ticket id is a random UUID printed only on the customer's ticket; a
 * branch's name and language are what its kiosk shows anyone.
 */
const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  serveRoute(app, routes.publicTicket, (request) => app.lobby.queue.publicTicket(request.params.ticketId));
  serveRoute(app, publicBranchRoutes.publicBranch, (request) => app.lobby.queue.publicBranch(request.params.branchId));
  // The phone's live channel of its ticket, and the customer's own actions on it.
  await app.register(publicTicketRoutes);
};
export default publicRoutes;
