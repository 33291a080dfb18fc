/** Loads what the queue rules need for one branch, and turns it into the figures screens show. */
import type { QueueSummary, Ticket } from '../../../protocol/schemas.js';
import type { WaitingTicket } from '../domain/call-order.js';
import { positionsAndEstimates, queueSummaries, type QueueService } from '../domain/queue-position.js';
import { listServices } from '../repositories/branch-repository.js';
import { listCounters } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { toService, toTicket } from '../repositories/mappers.js';
import { listActiveTickets } from '../repositories/ticket-repository.js';

export type QueueState = Awaited<ReturnType<typeof loadQueueState>>;

export async function loadQueueState(db: Db, branchId: string) {
  const [serviceRows, counters, activeRows] = await Promise.all([
    listServices(db, branchId),
    listCounters(db, branchId),
    listActiveTickets(db, branchId),
  ]);
  const services = serviceRows.map(toService);
  const tickets = activeRows.map(toTicket);
  const waiting: WaitingTicket[] = tickets.filter((t) => t.status === 'waiting');
  const queueServices: QueueService[] = services.map((s) => ({ id: s.id, meanServiceSeconds: s.defaultServiceSeconds }));
  return { services, counters, tickets, waiting, queueServices };
}

/** Queue figures per service and each waiting ticket with its position and estimate. */
export function describeQueues(state: QueueState, now: Date): { queues: QueueSummary[]; tickets: Ticket[] } {
  const estimates = positionsAndEstimates(state.waiting, state.queueServices, state.counters);
  return {
    queues: queueSummaries(state.waiting, state.queueServices, state.counters, now),
    tickets: state.tickets.map((t) => ({ ...t, ...estimates.get(t.id) })),
  };
}
