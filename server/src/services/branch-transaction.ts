/**
 * The unit of work for every change in a branch: run the change in one transaction, append its
 * events to the log with the branch's next sequence numbers, and publish them once committed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { DomainEvent, DomainEventType } from '../../../protocol/messages.js';
import type { Clock } from '../lib/clock.js';
import type { EventBus } from '../realtime/event-bus.js';
import { reserveEventSeq } from '../repositories/branch-repository.js';
import type { Db } from '../repositories/db.js';
import { findCounter } from '../repositories/counter-repository.js';
import { findTicket } from '../repositories/ticket-repository.js';
import { toTicket } from '../repositories/mappers.js';
import { describeQueues, loadQueueState } from './queue-state.js';

export interface PendingEvent {
  type: DomainEventType;
  ticketId?: string;
  counterId?: string;
  diversion?: DomainEvent['diversion'];
}

export interface BranchTransactionDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
}

export type Emit = (event: PendingEvent) => void;

export type RunInBranch = <T>(
  branchId: string,
  actorId: string | null,
  work: (trx: Db, emit: Emit, now: Date) => Promise<T>,
) => Promise<{ result: T; events: DomainEvent[] }>;

export function createBranchTransaction({ db, clock, events: bus }: BranchTransactionDeps): RunInBranch {
  return async (branchId, actorId, work) => {
    const committed = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const pending: PendingEvent[] = [];
      const result = await work(trx, (event) => pending.push(event), now);
      if (pending.length === 0) return { result, events: [] as DomainEvent[] };

      const at = now.toISOString();
      const { queues, tickets } = describeQueues(await loadQueueState(trx, branchId), now);
      const firstSeq = await reserveEventSeq(trx, branchId, pending.length);
      const events: DomainEvent[] = [];
      for (const [i, p] of pending.entries()) {
        const ticketRow = p.ticketId ? await findTicket(trx, p.ticketId) : undefined;
        const ticket = ticketRow ? (tickets.find((t) => t.id === ticketRow.id) ?? toTicket(ticketRow)) : undefined;
        const counter = p.counterId ? await findCounter(trx, p.counterId) : undefined;
        if (p.type === 'ticket.issued' && ticket?.estimatedWaitSeconds !== undefined) {
          // Record the wait promised to the customer, so the estimate's accuracy can be measured.
          await trx.updateTable('tickets').set({ issue_estimate_seconds: ticket.estimatedWaitSeconds }).where('id', '=', ticket.id).execute();
        }
        const event: DomainEvent = { type: p.type, branchId, seq: firstSeq + i, at, actorId, ticket, counter, diversion: p.diversion, queues };
        await trx
          .insertInto('events')
          .values({
            branch_id: branchId,
            seq: event.seq,
            type: event.type,
            at,
            actor_id: actorId,
            ticket_id: p.ticketId ?? null,
            counter_id: p.counterId ?? null,
            payload: JSON.stringify({ ticket, counter, diversion: p.diversion }),
          })
          .execute();
        events.push(event);
      }
      return { result, events };
    });
    bus.publish(branchId, committed.events);
    return committed;
  };
}
