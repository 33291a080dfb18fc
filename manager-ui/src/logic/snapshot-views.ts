/** Read-only views of a live snapshot that the pages share. They select and sort; they never decide queue rules. */
import type { Counter, QueueSummary, Snapshot, Ticket } from '../../../protocol/schemas.js';

const byArrival = (a: Ticket, b: Ticket) => a.issuedAt.localeCompare(b.issuedAt) || a.number.localeCompare(b.number);

/** The waiting tickets of one service, the one who has waited longest first. */
export function waitingTicketsOf(snapshot: Pick<Snapshot, 'tickets'>, serviceId: string): Ticket[] {
  return snapshot.tickets.filter((t) => t.status === 'waiting' && t.serviceId === serviceId).sort(byArrival);
}

/** The counter a member of staff holds (a teller holds at most one). */
export function counterHeldBy(snapshot: Pick<Snapshot, 'counters'>, userId: string): Counter | undefined {
  return snapshot.counters.find((c) => c.tellerId === userId && c.status !== 'closed');
}

/** The ticket a counter has called or is serving. */
export function currentTicketOf(snapshot: Pick<Snapshot, 'tickets'>, counter: Counter): Ticket | undefined {
  return counter.currentTicketId ? snapshot.tickets.find((t) => t.id === counter.currentTicketId) : undefined;
}

export function queueOf(snapshot: Pick<Snapshot, 'queues'>, serviceId: string): QueueSummary | undefined {
  return snapshot.queues.find((q) => q.serviceId === serviceId);
}

/** Counters in their number order, as they stand in the hall. */
export function countersInOrder(snapshot: Pick<Snapshot, 'counters'>): Counter[] {
  return [...snapshot.counters].sort((a, b) => a.number - b.number);
}

/** Services in the branch's order. */
export function servicesInOrder<T extends { sortOrder: number; prefix: string }>(services: readonly T[]): T[] {
  return [...services].sort((a, b) => a.sortOrder - b.sortOrder || a.prefix.localeCompare(b.prefix));
}
