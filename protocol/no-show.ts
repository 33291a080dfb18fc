/**
 * When a called customer may be marked no-show, and for how long that can be undone, written once:
 * the server refuses an early no-show (NO_SHOW_TOO_SOON) and the teller's page disables the button
 * and says what is still needed from the same rule.
 */
import type { BranchSettings, Ticket } from './schemas.js';

/** How long (seconds) a no-show can be undone after it was marked. */
export const NO_SHOW_UNDO_SECONDS = 120;

/** What a called ticket still needs before it may be marked no-show; `ready` when nothing. */
export interface NoShowWait {
  ready: boolean;
  /** Recalls still needed (0 when enough were made). */
  recallsNeeded: number;
  /** Seconds until the time since the last call allows it; null when the branch does not use the time. */
  secondsLeft: number | null;
}

/**
 * Whether `ticket` (called) may be marked no-show at `nowMs`: once it was recalled
 * `noShowAfterRecalls` times, or, when `noShowAfterSeconds` is set, that long after its last call.
 */
export function noShowWait(
  ticket: Pick<Ticket, 'callCount' | 'calledAt'>,
  settings: Pick<BranchSettings, 'noShowAfterRecalls' | 'noShowAfterSeconds'>,
  nowMs: number,
): NoShowWait {
  const recalls = Math.max(0, ticket.callCount - 1);
  const recallsNeeded = Math.max(0, settings.noShowAfterRecalls - recalls);
  let secondsLeft: number | null = null;
  if (settings.noShowAfterSeconds > 0 && ticket.calledAt) {
    const since = (nowMs - Date.parse(ticket.calledAt)) / 1000;
    secondsLeft = Math.max(0, Math.ceil(settings.noShowAfterSeconds - since));
  }
  return { ready: recallsNeeded === 0 || secondsLeft === 0, recallsNeeded, secondsLeft };
}

/** Whether a no-show marked at `endedAt` can still be undone at `nowMs`. */
export function canUndoNoShow(endedAt: string | null, nowMs: number): boolean {
  return endedAt !== null && nowMs - Date.parse(endedAt) < NO_SHOW_UNDO_SECONDS * 1000;
}
