/** How far a customer's ticket has got, as the mobile page explains it. Pure. */
import type { TicketStatus } from '../../../protocol/index.js';

/** Statuses after which nothing more happens to the ticket, so the page stops asking. */
const FINAL: ReadonlySet<TicketStatus> = new Set(['done', 'no_show', 'cancelled', 'diverted']);

/** Whether the ticket can still change. */
export function isFinalStatus(status: TicketStatus): boolean {
  return FINAL.has(status);
}

/** Whether the page should make the phone vibrate: the ticket has just been called (or called again). */
export function justCalled(
  before: { status: TicketStatus; callCount: number } | null,
  after: { status: TicketStatus; callCount: number },
): boolean {
  if (after.status !== 'called') return false;
  return before === null ? false : before.status !== 'called' || after.callCount > before.callCount;
}
