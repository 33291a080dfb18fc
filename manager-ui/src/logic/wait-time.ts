/** Waits as people read them: whole minutes, computed from the server's timestamps. */
import type { QueueSummary } from '../../../protocol/schemas.js';

/** Seconds from an ISO timestamp until `nowMs`; never negative (clocks drift). */
export function elapsedSeconds(sinceIso: string, nowMs: number): number {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return 0;
  return Math.max(0, Math.floor((nowMs - since) / 1000));
}

/** Whole minutes in a number of seconds, rounded down. */
export function wholeMinutes(seconds: number): number {
  return Math.max(0, Math.floor(seconds / 60));
}

/** Whole minutes a customer has waited so far (rounded down: "4′" until the fifth minute is full). */
export function elapsedMinutes(sinceIso: string, nowMs: number): number {
  return wholeMinutes(elapsedSeconds(sinceIso, nowMs));
}

/** Whole minutes of an estimate (rounded up, so the customer is not promised less than we expect). */
export function estimateMinutes(seconds: number): number {
  return Math.max(0, Math.ceil(seconds / 60));
}

/**
 * The queue's longest wait now: the server's figure at `stateAt`, aged by the time since,
 * so a quiet queue still turns red without waiting for the next event.
 */
export function longestWaitNow(queue: Pick<QueueSummary, 'waitingCount' | 'longestWaitSeconds'>, stateAt: string, nowMs: number): number {
  if (queue.waitingCount === 0) return 0;
  return queue.longestWaitSeconds + elapsedSeconds(stateAt, nowMs);
}

/** The offset to add to the local clock to read the server's clock, from a timestamp just received. */
export function serverClockOffset(serverIso: string, receivedAtMs: number): number {
  const server = Date.parse(serverIso);
  return Number.isNaN(server) ? 0 : server - receivedAtMs;
}

/** "9:00" in the branch's zone, as the calendar's signs write it. */
export function branchClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
