/** Everything a screen needs to draw a branch, consistent with one event sequence number. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { RECENT_CALLS_KEPT } from '../../../protocol/messages.js';
import type { Snapshot } from '../../../protocol/schemas.js';
import { notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { findBranch, listMachines, listServices } from '../repositories/branch-repository.js';
import { listCounters } from '../repositories/counter-repository.js';
import { toBranch, toMachine, toService } from '../repositories/mappers.js';
import { recentCalls } from '../repositories/ticket-repository.js';
import { assertCanRead, type Actor } from './actor.js';
import { describeQueues, loadQueueState } from './queue-state.js';


export function createSnapshotService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  return {
    /** Checks that the actor may read the branch and that it exists. */
    async assertReadable(actor: Actor, branchId: string): Promise<void> {
      assertCanRead(actor, branchId);
      if (!(await findBranch(db, branchId))) throw notFound('branch', branchId);
    },

    /** The branch's active services, for a kiosk or screen that needs only those. */
    async services(actor: Actor, branchId: string) {
      await this.assertReadable(actor, branchId);
      return (await listServices(db, branchId)).map(toService);
    },

    async counters(actor: Actor, branchId: string) {
      await this.assertReadable(actor, branchId);
      return listCounters(db, branchId);
    },

    async machines(actor: Actor, branchId: string) {
      await this.assertReadable(actor, branchId);
      return (await listMachines(db, branchId)).map(toMachine);
    },

    async snapshot(actor: Actor, branchId: string): Promise<Snapshot> {
      assertCanRead(actor, branchId);
      // One transaction: the state and its sequence number are read together.
      return db.transaction().execute(async (trx) => {
        const branchRow = await findBranch(trx, branchId);
        if (!branchRow) throw notFound('branch', branchId);
        const now = clock.now();
        const state = await loadQueueState(trx, branchId);
        const { queues, tickets } = describeQueues(state, now);
        const calls = await recentCalls(trx, branchId, RECENT_CALLS_KEPT);
        const machines = await listMachines(trx, branchId);
        return {
          seq: branchRow.last_seq,
          at: now.toISOString(),
          branch: toBranch(branchRow),
          services: state.services,
          counters: state.counters,
          machines: machines.map(toMachine),
          queues,
          tickets,
          recentCalls: calls.map((c) => ({
            ticketId: c.ticket_id!,
            number: c.number,
            serviceId: c.service_id,
            counterId: c.counter_id,
            counterNumber: c.counter_number,
            at: c.at,
            recall: c.type === 'ticket.recalled',
          })),
        };
      });
    },
  };
}
