/**
 * The live channel of one ticket (`GET /api/public/tickets/:ticketId/live`, a WebSocket): the
 * customer's phone hears its own ticket, and nothing of anyone else's. The server sends the ticket
 * as the phone shows it at connect and again whenever a change of the branch moves it (its place,
 * its estimate in whole minutes, its call, its end); the client may send `ping`.
 */
import type { ErrorCode } from './errors.js';
import type { PublicTicket } from './schemas.js';

/** The ticket as the phone shows it, after a change. */
export interface TicketLiveUpdate {
  type: 'ticket';
  ticket: PublicTicket;
}

export type TicketLiveMessage = TicketLiveUpdate | { type: 'pong' } | { type: 'error'; code: ErrorCode; message: string };

/**
 * Close codes of the ticket channel. FINISHED and NOT_FOUND mean "stop retrying": the ticket ended
 * (its last state was sent just before) or there is no such ticket. TOO_MANY: this ticket or this
 * address has too many sockets open; retry later. SERVICE_RESTART (1012): reconnect with backoff.
 */
export const TICKET_LIVE_CLOSE = { FINISHED: 4410, NOT_FOUND: 4404, TOO_MANY: 4429, SERVICE_RESTART: 1012 } as const;

/** Whether a close code tells the client to stop reconnecting. */
export const isFinalTicketClose = (code: number): boolean => code === TICKET_LIVE_CLOSE.FINISHED || code === TICKET_LIVE_CLOSE.NOT_FOUND;

/** Sockets one ticket may have open at once (a phone, a second phone, a reloaded tab). */
export const SOCKETS_PER_TICKET = 3;
/** Ticket sockets one address may have open at once: a family on the branch's Wi-Fi, not a crawler. */
export const TICKET_SOCKETS_PER_ADDRESS = 20;

/** The path of a ticket's live channel. */
export const ticketLivePath = '/api/public/tickets/:ticketId/live';

/** ws:// or wss:// URL of a ticket's live channel on `origin` (the page's own by default). */
export function ticketLiveUrl(ticketId: string, origin: string = globalThis.location?.origin ?? ''): string {
  return `${origin.replace(/^http/, 'ws')}/api/public/tickets/${encodeURIComponent(ticketId)}/live`;
}
