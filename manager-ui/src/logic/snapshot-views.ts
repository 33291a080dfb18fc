/** Read-only views of a live snapshot that the pages share. They select and sort; they never decide queue rules. */
import { queuePlace } from '../../../protocol/late-arrival.js';
import type { Counter, QueueSummary, Service, Snapshot, Ticket } from '../../../protocol/schemas.js';

const byArrival = (a: Ticket, b: Ticket) => a.issuedAt.localeCompare(b.issuedAt) || a.number.localeCompare(b.number);
/** By place in the queue: a re-queued no-show (過號重排) stands where it was put, not where it was issued. */
const byPlace = (a: Ticket, b: Ticket) => queuePlace(a).localeCompare(queuePlace(b)) || a.number.localeCompare(b.number);

const TIER_FIRST: Readonly<Record<Ticket['tier'], number>> = { vip: 0, priority: 1, regular: 2 };

/**
 * The server's call order: `position` counts the people ahead in the ticket's lane (the VIP lane and the
 * counters' lane each start at 0), so equal positions are called side by side, VIP before priority before regular.
 * A ticket without a position (not yet replayed) goes after those with one.
 */
const byTierThenArrival = (a: Ticket, b: Ticket) => TIER_FIRST[a.tier] - TIER_FIRST[b.tier] || byPlace(a, b);
const byPosition = (a: Ticket, b: Ticket) => (a.position ?? Infinity) - (b.position ?? Infinity) || byTierThenArrival(a, b);

/** The waiting tickets of one service, the one who has waited longest first. */
export function waitingTicketsOf(snapshot: Pick<Snapshot, 'tickets'>, serviceId: string): Ticket[] {
  return snapshot.tickets.filter((t) => t.status === 'waiting' && t.serviceId === serviceId).sort(byArrival);
}

/** The waiting tickets of one service in the order the counters will call them, as the server placed them. */
export function ticketsInCallOrder(snapshot: Pick<Snapshot, 'tickets'>, serviceId: string): Ticket[] {
  return snapshot.tickets.filter((t) => t.status === 'waiting' && t.serviceId === serviceId).sort(byPosition);
}

/**
 * The service a ticket was transferred from: its number keeps the prefix of the service that issued it,
 * so a number whose prefix is not its present service's tells where it began. Null when it was not transferred.
 */
export function transferredFrom<T extends Pick<Service, 'id' | 'prefix'>>(ticket: Pick<Ticket, 'number' | 'serviceId'>, services: readonly T[]): T | null {
  const issuer = services.find((s) => ticket.number.startsWith(s.prefix));
  return issuer && issuer.id !== ticket.serviceId ? issuer : null;
}

/**
 * The waiting tickets of a counter's services in the order its calls take them: VIP, then
 * priority, then regular, each by arrival (the server's call order, server/src/domain/call-order.ts;
 * its fairness rule may still bring forward a regular customer who waited past the target).
 */
export function waitingForCounter(snapshot: Pick<Snapshot, 'tickets'>, counter: Pick<Counter, 'serviceIds'>): Ticket[] {
  return snapshot.tickets.filter((t) => t.status === 'waiting' && counter.serviceIds.includes(t.serviceId)).sort(byTierThenArrival);
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
