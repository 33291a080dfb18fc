/** Opening, pausing and closing counters. */
import type { Counter } from '../../../protocol/schemas.js';
import { assertCounterAction } from '../domain/ticket-transitions.js';
import { AppError, notFound } from '../errors.js';
import { findCounter, findCounterOfTeller, updateCounter } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { findTicket } from '../repositories/ticket-repository.js';
import { actorId, assertActsOnCounter, assertStaff, type Actor } from './actor.js';
import type { RunInBranch } from './branch-transaction.js';

export interface CounterServiceDeps {
  db: Db;
  runInBranch: RunInBranch;
}

export function createCounterService({ db, runInBranch }: CounterServiceDeps) {
  async function requireCounter(d: Db, counterId: string): Promise<Counter> {
    const counter = await findCounter(d, counterId);
    if (!counter) throw notFound('counter', counterId);
    return counter;
  }

  async function counterAfter(actor: Actor, counterId: string, change: (trx: Db, counter: Counter, now: string) => Promise<'opened' | 'paused' | 'closed'>) {
    const { branchId } = await requireCounter(db, counterId);
    return runInBranch(branchId, actorId(actor), async (trx, emit, now) => {
      const counter = await requireCounter(trx, counterId);
      const type = await change(trx, counter, now.toISOString());
      emit({ type: `counter.${type}`, counterId });
    });
  }

  /** Who will staff the counter: a teller opens for themself, a manager may name a teller. */
  async function tellerFor(trx: Db, actor: Actor, counter: Counter, tellerId: string | undefined): Promise<string | null> {
    assertStaff(actor, counter.branchId, ['admin', 'manager', 'teller']);
    if (actor.role === 'teller') {
      if (tellerId && tellerId !== actor.id) throw new AppError('FORBIDDEN', 'a teller can only open a counter for themself');
      if (counter.tellerId && counter.tellerId !== actor.id && counter.status !== 'closed') {
        throw new AppError('COUNTER_TAKEN', `counter ${counter.number} is staffed by ${counter.tellerName}`);
      }
      return actor.id;
    }
    if (!tellerId) return counter.status === 'closed' ? null : counter.tellerId;
    const teller = await trx.selectFrom('users').selectAll().where('id', '=', tellerId).executeTakeFirst();
    if (!teller || teller.active !== 1) throw notFound('user', tellerId);
    if (teller.role !== 'teller' || teller.branch_id !== counter.branchId) {
      throw new AppError('VALIDATION_FAILED', `body/tellerId: ${teller.username} is not a teller of this branch`);
    }
    return teller.id;
  }

  async function result(counterId: string, run: Promise<{ events: { counter?: Counter }[] }>) {
    const { events } = await run;
    return events.at(-1)?.counter ?? (await requireCounter(db, counterId));
  }

  return {
    /** Opens (or resumes) a counter; a teller may also take over an open counter nobody staffs. */
    open: (actor: Actor, counterId: string, tellerId?: string) =>
      result(
        counterId,
        counterAfter(actor, counterId, async (trx, counter, now) => {
          const teller = await tellerFor(trx, actor, counter, tellerId);
          const takingOver = counter.status === 'open' && counter.tellerId === null && teller !== null;
          if (!takingOver) assertCounterAction('open', counter.status, counter.number);
          if (teller) {
            const held = await findCounterOfTeller(trx, teller);
            if (held && held.id !== counter.id) {
              throw new AppError('TELLER_HAS_COUNTER', `that teller already staffs counter ${held.number}: close it first`);
            }
          }
          await updateCounter(trx, counter.id, { status: 'open', teller_id: teller, status_changed_at: now });
          return 'opened';
        }),
      ),

    /** Stops calling new tickets; the current customer is still served. */
    pause: (actor: Actor, counterId: string) =>
      result(
        counterId,
        counterAfter(actor, counterId, async (trx, counter, now) => {
          assertActsOnCounter(actor, counter);
          assertCounterAction('pause', counter.status, counter.number);
          await updateCounter(trx, counter.id, { status: 'paused', status_changed_at: now });
          return 'paused';
        }),
      ),

    /** Closes the counter; refused while a customer is still called to it or being served. */
    close: (actor: Actor, counterId: string) =>
      result(
        counterId,
        counterAfter(actor, counterId, async (trx, counter, now) => {
          assertActsOnCounter(actor, counter);
          assertCounterAction('close', counter.status, counter.number);
          const current = counter.currentTicketId ? await findTicket(trx, counter.currentTicketId) : undefined;
          if (current && (current.status === 'called' || current.status === 'serving')) {
            throw new AppError('COUNTER_BUSY', `counter ${counter.number} still has ticket ${current.number}: finish it first`);
          }
          await updateCounter(trx, counter.id, {
            status: 'closed',
            teller_id: null,
            current_ticket_id: null,
            status_changed_at: now,
          });
          return 'closed';
        }),
      ),
  };
}
