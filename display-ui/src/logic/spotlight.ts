/**
 * The call in the big area and whether it flashes. A call flashes for a few seconds when it
 * is announced, then stays steady until the next one takes its place.
 */
import type { RecentCall } from '../../../protocol/index.js';
import { callKey } from './recent-calls.js';

export const FLASH_MS = 6_000;

export class Spotlight {
  private shown: RecentCall | null = null;
  private flashUntil = 0;

  constructor(private readonly flashMs = FLASH_MS) {}

  /** Puts `call` in the spotlight and starts its flash (a recall of the same ticket flashes again). */
  show(call: RecentCall, now: number): void {
    this.shown = call;
    this.flashUntil = now + this.flashMs;
  }

  /** The call to show: the announced one, else the latest of `todaysCalls`, steady. */
  call(todaysCalls: readonly RecentCall[]): RecentCall | null {
    const shownToday = this.shown && todaysCalls.some((c) => callKey(c) === callKey(this.shown!));
    return shownToday ? this.shown : (todaysCalls[0] ?? null);
  }

  /** Whether the spotlight flashes at `now`. */
  isFlashing(now: number): boolean {
    return this.shown !== null && now < this.flashUntil;
  }

  /** Milliseconds until the flash ends (0 when it is not flashing): when to draw again. */
  flashRemaining(now: number): number {
    return Math.max(0, this.flashUntil - now);
  }
}
