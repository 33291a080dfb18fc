/**
 * Customers called to a counter who have not come: a ticket still 'called' (not yet being served)
 * longer than the branch's `absentAlertSeconds` since its last call. A recall moves `calledAt`, so it
 * starts the time again. Computed in the console from the live snapshot and the server's clock.
 */
import type { BranchSettings, Counter, Snapshot, Ticket } from '../../../protocol/schemas.js';
import { elapsedSeconds } from './wait-time.js';

/** A called customer not at the counter, as the triage alert names them. */
export interface AbsentCustomer {
  ticketId: string;
  number: string;
  counterId: string;
  counterNumber: number;
  /** Calls so far: 1 for the first call, one more for each recall. */
  callCount: number;
  /** Seconds since the last call (the first call or the latest recall). */
  sinceCallSeconds: number;
}

/**
 * Seconds since `ticket` was last called when that is past the branch's threshold (it has not come);
 * null when it is not called, already being served, or still within the threshold.
 */
export function absentForSeconds(
  ticket: Pick<Ticket, 'status' | 'calledAt'>,
  settings: Pick<BranchSettings, 'absentAlertSeconds'>,
  nowMs: number,
): number | null {
  if (ticket.status !== 'called' || !ticket.calledAt) return null;
  const since = elapsedSeconds(ticket.calledAt, nowMs);
  return since >= settings.absentAlertSeconds ? since : null;
}

/** Every called customer not at their counter past the threshold, the longest since their call first. */
export function absentCustomers(
  snapshot: { tickets: readonly Ticket[]; counters: readonly Pick<Counter, 'id' | 'number'>[]; branch: Pick<Snapshot['branch'], 'settings'> },
  nowMs: number,
): AbsentCustomer[] {
  const found: AbsentCustomer[] = [];
  for (const ticket of snapshot.tickets) {
    const since = absentForSeconds(ticket, snapshot.branch.settings, nowMs);
    if (since === null) continue;
    const counter = snapshot.counters.find((c) => c.id === ticket.counterId);
    if (!counter) continue;
    found.push({
      ticketId: ticket.id,
      number: ticket.number,
      counterId: counter.id,
      counterNumber: counter.number,
      callCount: ticket.callCount,
      sinceCallSeconds: since,
    });
  }
  return found.sort((a, b) => b.sinceCallSeconds - a.sinceCallSeconds || a.counterNumber - b.counterNumber);
}
