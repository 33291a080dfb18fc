/** Opening, pausing and closing counters: commands of the branch engine. */
import { isCounterEvent } from '../../../protocol/messages.js';
import type { Counter, PauseReason } from '../../../protocol/schemas.js';
import { actorId, type Actor } from '../domain/actor.js';
import type { Command, TellerInfo } from '../domain/commands.js';
import { notFound } from '../errors.js';
import { findCounterBranch } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { findUser } from '../repositories/user-repository.js';
import type { BranchEngine } from './branch-engine.js';

export interface CounterServiceDeps {
  db: Db;
  engine: BranchEngine;
}

export function createCounterService({ db, engine }: CounterServiceDeps) {
  async function run(actor: Actor, counterId: string, command: Command): Promise<Counter> {
    const branchId = engine.branchOfCounter(counterId) ?? (await findCounterBranch(db, counterId));
    if (!branchId) throw notFound('counter', counterId);
    const { events } = await engine.run(branchId, command, actorId(actor));
    const event = events.findLast(isCounterEvent);
    if (!event) throw new Error('a counter command produced no counter event');
    return event.counter;
  }

  /** The teller who will staff the counter, as stored: the teller opening it, or the one a manager names. */
  async function tellerInfo(actor: Actor, tellerId: string | undefined): Promise<TellerInfo | null | undefined> {
    const id = actor.kind === 'user' && actor.role === 'teller' ? actor.id : tellerId;
    if (!id) return undefined;
    const row = await findUser(db, id);
    return row ? { id: row.id, displayName: row.display_name, role: row.role, branchId: row.branch_id, active: row.active === 1 } : null;
  }

  return {
    /** Opens (or resumes) a counter; a teller may also take over an open counter nobody staffs. */
    open: async (actor: Actor, counterId: string, tellerId?: string) =>
      run(actor, counterId, { type: 'open_counter', actor, counterId, tellerId, teller: await tellerInfo(actor, tellerId) }),

    /** Stops calling new tickets, for a reason (lunch, training, back-office work, other); the current customer is still served. */
    pause: (actor: Actor, counterId: string, reason?: PauseReason) => run(actor, counterId, { type: 'pause_counter', actor, counterId, reason }),

    /** Closes the counter; refused while a customer is still called to it or being served. */
    close: (actor: Actor, counterId: string) => run(actor, counterId, { type: 'close_counter', actor, counterId }),
  };
}
