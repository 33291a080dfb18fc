/** Which calls the hall display shows and announces, from the snapshot's `recentCalls` (newest first). */
import type { RecentCall } from '../../../protocol/index.js';

/** A call or recall is one moment: the same ticket called again is a new call. */
export const callKey = (call: Pick<RecentCall, 'ticketId' | 'at'>) => `${call.ticketId}@${call.at}`;

/** Calls older than this when first seen are history (e.g. after a long outage), not news. */
export const ANNOUNCE_WITHIN_MS = 60_000;

/**
 * Remembers which calls were already seen and hands out the new ones, oldest first.
 * Comparing lists rather than listening to events also catches calls that arrive in a fresh
 * snapshot after a reconnect or a sequence gap.
 */
export class CallTracker {
  private seen: Set<string> | null = null;

  /** New calls in `calls` since the last look; the first look only remembers (no replay on start-up). */
  newCalls(calls: readonly RecentCall[], now: string): RecentCall[] {
    const first = this.seen === null;
    const seen = this.seen ?? new Set<string>();
    const nowMs = Date.parse(now);
    const fresh = calls.filter((c) => !seen.has(callKey(c)) && nowMs - Date.parse(c.at) <= ANNOUNCE_WITHIN_MS);
    // Keep only what can still appear: the server's list only grows at the front.
    this.seen = new Set(calls.map(callKey));
    return first ? [] : fresh.reverse();
  }
}

/** The calendar day of `at` in the branch's time zone, e.g. "2026-11-23". */
export function businessDayOf(at: string | Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** Today's calls only: yesterday's last numbers must not greet the morning's customers. */
export function callsOfToday(calls: readonly RecentCall[], now: Date, timeZone: string): RecentCall[] {
  const today = businessDayOf(now, timeZone);
  return calls.filter((c) => businessDayOf(c.at, timeZone) === today);
}

/** How many calls the wall display lists: the last few minutes of a busy hall, at a size read from afar. */
export const RECENT_LIST_SIZE = 8;

/**
 * The last `limit` calls, newest first, each ticket once (at its newest call, so a recall moves it
 * up): the history a customer who looked away scans for their number, whichever counter called it.
 */
export function latestCalls(calls: readonly RecentCall[], limit = RECENT_LIST_SIZE): RecentCall[] {
  const tickets = new Set<string>();
  const latest: RecentCall[] = [];
  for (const call of calls) {
    if (tickets.has(call.ticketId)) continue;
    tickets.add(call.ticketId);
    latest.push(call);
    if (latest.length === limit) break;
  }
  return latest;
}

/** Each counter's latest call, newest first: what every window is calling now. */
export function latestCallPerCounter(calls: readonly RecentCall[], limit: number): RecentCall[] {
  const counters = new Set<string>();
  const latest: RecentCall[] = [];
  for (const call of calls) {
    if (counters.has(call.counterId)) continue;
    counters.add(call.counterId);
    latest.push(call);
  }
  return latest.slice(0, limit);
}
