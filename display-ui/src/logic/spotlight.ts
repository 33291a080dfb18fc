/**
 * The big area of the wall display: the newest call, with the other counters' calls of the last
 * seconds beside it, so that four counters calling in the same second are all seen at once. The
 * picture never waits for the sound: calls show as they arrive, and only the announcements queue.
 */
import type { RecentCall } from '../../../protocol/index.js';
import { callKey, latestCallPerCounter } from './recent-calls.js';

/** How long a new call (or a recall) flashes. */
export const FLASH_MS = 6_000;
/** Calls this recent stay in the big area beside the newest: long enough to look up and find one's number. */
export const BESIDE_WITHIN_MS = 30_000;
/** How many calls fit beside the newest at a size read from the back of the hall. */
export const BESIDE_MAX = 5;

/** What the big area shows: the newest call and the other calls of the last seconds, newest first. */
export interface SpotlightGroup {
  newest: RecentCall | null;
  beside: RecentCall[];
}

/**
 * The big area's calls at `now` (server time, ms) from today's calls (newest first): the newest
 * call, and beside it each other counter's latest call of the last `withinMs` whose ticket is still
 * at the counter (`atCounter`: ticket ids called or serving). One per counter: a counter's earlier
 * number is finished once it calls the next, and a served customer is no longer being called.
 */
export function spotlightGroup(
  todaysCalls: readonly RecentCall[],
  atCounter: ReadonlySet<string>,
  now: number,
  withinMs = BESIDE_WITHIN_MS,
  max = BESIDE_MAX,
): SpotlightGroup {
  const [newest, ...rest] = latestCallPerCounter(todaysCalls, Number.MAX_SAFE_INTEGER);
  if (!newest) return { newest: null, beside: [] };
  const beside = rest.filter((c) => c.ticketId !== newest.ticketId && atCounter.has(c.ticketId) && now - Date.parse(c.at) <= withinMs);
  return { newest, beside: beside.slice(0, max) };
}

/**
 * Which calls flash: each call flashes for a few seconds from the moment it arrives, so a
 * recall of the same ticket (a new call key) flashes again.
 */
export class Spotlight {
  private readonly flashUntil = new Map<string, number>();

  constructor(private readonly flashMs = FLASH_MS) {}

  /** A call arrived at `now` (local ms): it starts flashing. */
  arrived(call: RecentCall, now: number): void {
    for (const [key, until] of this.flashUntil) if (until <= now) this.flashUntil.delete(key);
    this.flashUntil.set(callKey(call), now + this.flashMs);
  }

  /** Whether `call` flashes at `now`. */
  isFlashing(call: RecentCall | null, now: number): boolean {
    return call !== null && (this.flashUntil.get(callKey(call)) ?? 0) > now;
  }

  /** Whether any call flashes at `now` (a counter's own screen shows one call at a time). */
  anyFlashing(now: number): boolean {
    for (const until of this.flashUntil.values()) if (until > now) return true;
    return false;
  }
}
