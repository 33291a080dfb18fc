import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PublicTicket, TicketParams } from '../../../protocol/schemas.js';

/** Routes without sign-in. The ticket id is a random UUID printed only on the customer's ticket. */
const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/tickets/:ticketId',
    {
      schema: {
        tags: ['public'],
        summary: "The customer's own ticket, for the mobile page behind the ticket's QR code",
        params: TicketParams,
        response: { 200: PublicTicket },
      },
    },
    async (request) => app.lobby.queue.publicTicket(request.params.ticketId),
  );
};
export default publicRoutes;
