/**
 * Which calls stay on the hall's screens. A call is news for as long as its ticket is at the counter
 * or was served there; a ticket that went back to waiting (transferred, re-queued, restored), was
 * cancelled, diverted or marked no-show leaves the screens, so nobody walks to a counter for it.
 * One rule for the server's snapshot and for a live client applying events, so the two agree.
 */
import type { RecentCall, Ticket, TicketStatus } from './schemas.js';

/** Statuses of a called ticket whose calls stay on the screens. */
export const CALL_SHOWN_STATUSES: readonly TicketStatus[] = ['called', 'serving', 'done'];

/** Whether a ticket's calls stay on the hall's screens in `status`. */
export const keepsItsCalls = (status: TicketStatus): boolean => CALL_SHOWN_STATUSES.includes(status);

/** `calls` after `ticket` changed: without its calls when it left the counter other than by being served. */
export function callsAfterChange(calls: RecentCall[], ticket: Pick<Ticket, 'id' | 'status'>): RecentCall[] {
  if (keepsItsCalls(ticket.status) || !calls.some((c) => c.ticketId === ticket.id)) return calls;
  return calls.filter((c) => c.ticketId !== ticket.id);
}
