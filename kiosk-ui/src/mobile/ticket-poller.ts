/**
 * Polls the public ticket every few seconds for the mobile page. One request at a time (the next is
 * scheduled when the last one answers), and it stops once the ticket is finished or unknown.
 */
import type { PublicTicket } from '../../../protocol/index.js';
import type { TimerFunctions } from '../logic/idle-timer.js';
import { isFinalStatus } from './ticket-progress.js';

export type PollResult =
  | { kind: 'ticket'; ticket: PublicTicket }
  | { kind: 'not-found' }
  | { kind: 'error'; code: string; message: string };

export interface TicketPollerOptions {
  /** GET /api/public/tickets/:id. */
  load: () => Promise<PublicTicket>;
  onResult: (result: PollResult) => void;
  intervalMs?: number;
  timers?: TimerFunctions;
}

export const POLL_INTERVAL_MS = 5000;

export class TicketPoller {
  private handle: unknown = null;
  private running = false;
  private inFlight = false;
  private readonly timers: TimerFunctions;

  constructor(private readonly options: TicketPollerOptions) {
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  /** Asks now, then every interval. */
  start(): void {
    this.running = true;
    void this.poll();
  }

  stop(): void {
    this.running = false;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  /** Asks at once (the phone woke up, or the page became visible again). */
  refreshNow(): void {
    if (!this.running || this.inFlight) return;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    void this.poll();
  }

  private async poll(): Promise<void> {
    this.inFlight = true;
    let result: PollResult;
    try {
      result = { kind: 'ticket', ticket: await this.options.load() };
    } catch (err) {
      const { code, message } = err as { code?: string; message?: string };
      result = code === 'NOT_FOUND' ? { kind: 'not-found' } : { kind: 'error', code: code ?? 'NETWORK', message: message ?? String(err) };
    }
    this.inFlight = false;
    if (!this.running) return;
    this.options.onResult(result);
    const finished = result.kind === 'not-found' || (result.kind === 'ticket' && isFinalStatus(result.ticket.ticket.status));
    if (finished) return this.stop();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      void this.poll();
    }, this.options.intervalMs ?? POLL_INTERVAL_MS);
  }
}
