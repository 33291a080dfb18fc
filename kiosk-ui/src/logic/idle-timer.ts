/**
 * Returns the kiosk to its start screen after a time without a touch, so the next customer
 * never finds the previous customer's ticket or half-made choice on the screen.
 */

export interface TimerFunctions {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerFunctions = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  private handle: unknown = null;
  private timeoutMs: number | null = null;

  constructor(
    private readonly onIdle: () => void,
    private readonly timers: TimerFunctions = realTimers,
  ) {}

  /** Starts counting `timeoutMs` from now; null stops counting (e.g. on the start screen). */
  arm(timeoutMs: number | null): void {
    this.timeoutMs = timeoutMs;
    this.restart();
  }

  /** A touch: start counting again from now. */
  poke(): void {
    this.restart();
  }

  stop(): void {
    this.arm(null);
  }

  get armed(): boolean {
    return this.handle !== null;
  }

  private restart(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    if (this.timeoutMs === null) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.timeoutMs = null;
      this.onIdle();
    }, this.timeoutMs);
  }
}
