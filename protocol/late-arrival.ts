/**
 * 過號重排, written once: where a ticket stands in the queue, and whether a no-show's late customer
 * may still be re-queued. The server refuses what these say no to (REQUEUE_NOT_ALLOWED,
 * REQUEUE_EXPIRED), and the staff screens offer "Re-queue" from the same rule.
 */
import type { BranchSettings, Ticket } from './schemas.js';

/** How many of today's no-shows the staff snapshot carries, newest first. */
export const NO_SHOWS_KEPT = 50;

/**
 * A ticket's place in the queue: when it joined the line it waits in. A re-queue moves it
 * (`queuedAt`); otherwise it is the issue time, which a transfer keeps.
 */
export const queuePlace = (ticket: Pick<Ticket, 'issuedAt' | 'queuedAt'>): string => ticket.queuedAt ?? ticket.issuedAt;

/** Orders tickets by their place in the queue, ties by id: the lists' order within a lane. */
export const byQueuePlace = (a: Pick<Ticket, 'id' | 'issuedAt' | 'queuedAt'>, b: Pick<Ticket, 'id' | 'issuedAt' | 'queuedAt'>): number =>
  queuePlace(a).localeCompare(queuePlace(b)) || a.id.localeCompare(b.id);

/** Why a no-show cannot be re-queued, or null when it can. */
export type RequeueBlock = 'not_allowed' | 'expired' | null;

/**
 * Whether the no-show `ticket` (ended at `endedAt`) may be re-queued at `nowMs`: the branch must
 * re-queue late customers at all, and the no-show must be within its window.
 */
export function requeueBlock(
  ticket: Pick<Ticket, 'endedAt'>,
  settings: Pick<BranchSettings, 'lateArrival' | 'lateArrivalWithinMinutes'>,
  nowMs: number,
): RequeueBlock {
  if (settings.lateArrival === 'not_allowed') return 'not_allowed';
  if (!ticket.endedAt || nowMs - Date.parse(ticket.endedAt) > settings.lateArrivalWithinMinutes * 60_000) return 'expired';
  return null;
}
