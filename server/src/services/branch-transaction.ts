/**
 * The unit of work for configuration changes (services, counters, machines, staff, notices,
 * settings): run the change in one transaction, append its `branch.configured` events with the
 * branch's next sequence numbers, then have the branch engine read the branch again and publish
 * them. Queue changes do not come here: they are commands of the branch engine.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { BranchConfiguredEvent } from '../../../protocol/messages.js';
import type { Clock } from '../lib/clock.js';
import { appendEvents } from '../repositories/branch-state-repository.js';
import { reserveEventSeq } from '../repositories/branch-repository.js';
import { inTransaction, type Db } from '../repositories/db.js';
import type { BranchEngine } from './branch-engine.js';

export interface BranchTransactionDeps {
  db: Kysely<Database>;
  clock: Clock;
  engine: BranchEngine;
}

/** Screens take a fresh snapshot on `branch.configured`: configuration is not carried by events. */
export type Emit = (event: { type: 'branch.configured' }) => void;

export type RunInBranch = <T>(
  branchId: string,
  actorId: string | null,
  work: (trx: Db, emit: Emit, now: Date) => Promise<T>,
) => Promise<{ result: T; events: BranchConfiguredEvent[] }>;

export function createBranchTransaction({ db, clock, engine }: BranchTransactionDeps): RunInBranch {
  return async (branchId, actorId, work) => {
    const committed = await inTransaction(db, async (trx) => {
      const now = clock.now();
      let emitted = 0;
      const result = await work(trx, () => emitted++, now);
      if (emitted === 0) return { result, events: [] as BranchConfiguredEvent[] };
      const firstSeq = await reserveEventSeq(trx, branchId, emitted);
      const events = Array.from({ length: emitted }, (_, i): BranchConfiguredEvent => ({
        type: 'branch.configured',
        branchId,
        seq: firstSeq + i,
        at: now.toISOString(),
        actorId,
        queues: [],
      }));
      await appendEvents(trx, events);
      return { result, events };
    });
    // Whatever changed (a teller's name, a service's times, a notice), the branch is read again.
    await engine.reload(branchId, committed.events);
    return committed;
  };
}
