/**
 * The customer's ticket on their phone, without sign-in (the ticket's random id is the key): its
 * live channel, "I am on my way" and "cancel my ticket". The plain GET of the ticket stays in
 * public.ts, for the first paint and for phones without sockets.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { publicTicketRoutes as routes } from '../../../protocol/public-ticket-routes.js';
import { TicketParams } from '../../../protocol/schemas.js';
import { SOCKETS_PER_TICKET, TICKET_LIVE_CLOSE, TICKET_SOCKETS_PER_ADDRESS, ticketLivePath } from '../../../protocol/ticket-live.js';
import { AppError } from '../errors.js';
import { serveTicketSocket } from '../realtime/ticket-socket.js';
import { createTicketWatch } from '../realtime/ticket-watch.js';
import { createPublicTicketService } from '../services/public-ticket-service.js';
import { serveRoute } from './serve-route.js';

export interface PublicTicketRouteOptions {
  pingIntervalMs?: number;
}

/** Presses of "on my way" and "cancel" one ticket may make per minute: a customer, not a script. */
export const TICKET_ACTIONS_PER_MINUTE = 10;

/** Counts open sockets by key; `take` refuses past `limit`. */
function socketCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    take(key: string): boolean {
      const count = open.get(key) ?? 0;
      if (count >= limit) return false;
      open.set(key, count + 1);
      return true;
    },
    release(key: string): void {
      const count = (open.get(key) ?? 1) - 1;
      if (count <= 0) open.delete(key);
      else open.set(key, count);
    },
  };
}

const publicTicket: FastifyPluginAsyncTypebox<PublicTicketRouteOptions> = async (app, { pingIntervalMs = 30_000 }) => {
  const { bus, engine, queue, db } = app.lobby;
  const actions = createPublicTicketService({ db, engine, queue });
  const watch = createTicketWatch({
    bus,
    engine,
    storedView: (ticketId) => queue.publicTicket(ticketId).catch((err: unknown) => (err instanceof AppError && err.code === 'NOT_FOUND' ? undefined : Promise.reject(err))),
    onError: (err) => app.log.error({ err }, 'ticket watch failed'),
  });
  const perTicket = socketCounter(SOCKETS_PER_TICKET);
  const perAddress = socketCounter(TICKET_SOCKETS_PER_ADDRESS);

  const perTicketLimit = {
    max: TICKET_ACTIONS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `ticket:${(request.params as { ticketId: string }).ticketId}`,
    errorResponseBuilder: (_request: FastifyRequest, { after }: { after: string }) =>
      new AppError('RATE_LIMITED', `too many requests for this ticket; try again in ${after}`),
  };
  serveRoute(app, routes.onMyWay, (request) => actions.onMyWay(request.params.ticketId), { config: { rateLimit: perTicketLimit } });
  serveRoute(app, routes.cancel, (request) => actions.cancel(request.params.ticketId), { config: { rateLimit: perTicketLimit } });

  app.get(
    ticketLivePath,
    {
      websocket: true,
      schema: {
        tags: ['public'],
        summary: "WebSocket: the customer's own ticket as the phone shows it, at connect and after every change that moves it (protocol/ticket-live.ts)",
        params: TicketParams,
      },
    },
    async (socket, request) => {
      const { ticketId } = request.params;
      if (!perAddress.take(request.ip)) return socket.close(TICKET_LIVE_CLOSE.TOO_MANY, 'too many ticket sockets from this address');
      if (!perTicket.take(ticketId)) {
        perAddress.release(request.ip);
        return socket.close(TICKET_LIVE_CLOSE.TOO_MANY, 'too many sockets for this ticket');
      }
      socket.on('close', () => {
        perTicket.release(ticketId);
        perAddress.release(request.ip);
      });
      try {
        const initial = await queue.publicTicket(ticketId);
        serveTicketSocket({ socket, initial, watch, pingIntervalMs });
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return socket.close(TICKET_LIVE_CLOSE.NOT_FOUND, 'no such ticket');
        request.log.error({ err }, 'ticket socket failed');
        socket.close(1011, 'could not read the ticket; reconnect');
      }
    },
  );
};
export default publicTicket;
