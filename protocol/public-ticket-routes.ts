/**
 * What a customer does to their own ticket on their phone, without signing in: the ticket's random
 * id (printed only in its QR code) is the key. Each answers with the ticket as the phone shows it.
 */
import { defineRoute } from './route-kit.js';
import { PublicTicket, TicketParams } from './schemas.js';

const tags = ['public'];

export const publicTicketRoutes = {
  onMyWay: defineRoute({
    method: 'POST',
    path: '/api/public/tickets/:ticketId/on-my-way',
    summary: 'The customer says they are on their way: staff see it on the ticket (waiting or called tickets; pressing again changes nothing until the next call)',
    tags,
    public: true,
    params: TicketParams,
    response: { 200: PublicTicket },
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/public/tickets/:ticketId/cancel',
    summary: "The customer cancels their own waiting ticket (409 once it is called; cancelling again changes nothing)",
    tags,
    public: true,
    params: TicketParams,
    response: { 200: PublicTicket },
  }),
} as const;
