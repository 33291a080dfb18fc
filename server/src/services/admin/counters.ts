/** The branch's counters (窗口): their numbers, the services each one calls, VIP and low counters. */
import { newId } from '../../lib/ids.js';
import type { AdminCounter, CreateCounterBody, UpdateCounterBody } from '../../../../protocol/admin-schemas.js';
import type { Counter } from '../../../../protocol/schemas.js';
import { notFound } from '../../errors.js';
import { findCounter, listCounters } from '../../repositories/counter-repository.js';
import type { Db } from '../../repositories/db.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, invalid, onDuplicate, requireChanges, type AdminDeps } from './access.js';

export function createCounterAdmin({ db, runInBranch }: AdminDeps) {
  async function requireCounter(d: Db, branchId: string, counterId: string): Promise<Counter> {
    const counter = await findCounter(d, counterId);
    if (!counter || counter.branchId !== branchId) throw notFound('counter', counterId);
    return counter;
  }

  /** Counters that ever served a ticket or were ever opened: their history must keep pointing at them. */
  async function countersWithHistory(d: Db, branchId: string): Promise<Set<string>> {
    const fromTickets = d.selectFrom('tickets').select('counter_id').where('branch_id', '=', branchId).where('counter_id', 'is not', null);
    const fromEvents = d.selectFrom('events').select('counter_id').where('branch_id', '=', branchId).where('counter_id', 'is not', null);
    const rows = await fromTickets.union(fromEvents).execute();
    return new Set(rows.map((r) => r.counter_id!));
  }

  function withDeletable(counter: Counter, history: Set<string>): AdminCounter {
    const deletable = !history.has(counter.id) && counter.status === 'closed' && counter.tellerId === null;
    return { ...counter, deletable };
  }

  async function adminCounter(d: Db, branchId: string, counterId: string): Promise<AdminCounter> {
    return withDeletable(await requireCounter(d, branchId, counterId), await countersWithHistory(d, branchId));
  }

  /** Every id must be an active service of this branch. */
  async function assertServices(d: Db, branchId: string, serviceIds: string[]) {
    const rows = await d.selectFrom('services').select('id').where('branch_id', '=', branchId).where('active', '=', 1).where('id', 'in', serviceIds).execute();
    const known = new Set(rows.map((r) => r.id));
    const unknown = serviceIds.find((id) => !known.has(id));
    if (unknown) throw invalid('serviceIds', `${unknown} is not an active service of this branch`);
  }

  async function linkServices(d: Db, branchId: string, counterId: string, serviceIds: string[]) {
    await d.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
    await d
      .insertInto('counter_services')
      .values(serviceIds.map((serviceId) => ({ branch_id: branchId, counter_id: counterId, service_id: serviceId })))
      .execute();
  }

  return {
    async list(actor: Actor, branchId: string): Promise<AdminCounter[]> {
      await branchAdmin(db, actor, branchId);
      const history = await countersWithHistory(db, branchId);
      return (await listCounters(db, branchId)).map((c) => withDeletable(c, history));
    },

    /** A new counter starts closed; a teller opens it. */
    async create(actor: Actor, branchId: string, body: CreateCounterBody): Promise<AdminCounter> {
      const staff = await branchAdmin(db, actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit, now) => {
        const taken = await trx.selectFrom('counters').select('id').where('branch_id', '=', branchId).where('number', '=', body.number).executeTakeFirst();
        if (taken) throw conflict(`counter ${body.number} already exists`);
        await assertServices(trx, branchId, body.serviceIds);
        const id = newId();
        await trx
          .insertInto('counters')
          .values({
            id,
            branch_id: branchId,
            number: body.number,
            vip: body.vip ? 1 : 0,
            low_counter: body.lowCounter ? 1 : 0,
            status: 'closed',
            teller_id: null,
            current_ticket_id: null,
            status_changed_at: now.toISOString(),
          })
          .execute();
        await linkServices(trx, branchId, id, body.serviceIds);
        emit({ type: 'branch.configured' });
        return adminCounter(trx, branchId, id);
      }).catch(onDuplicate(`counter ${body.number} already exists`));
      return result;
    },

    /** Changes what a counter calls; takes effect from its next call. */
    async update(actor: Actor, branchId: string, counterId: string, body: UpdateCounterBody): Promise<AdminCounter> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        await requireCounter(trx, branchId, counterId);
        if (body.serviceIds) {
          await assertServices(trx, branchId, body.serviceIds);
          await linkServices(trx, branchId, counterId, body.serviceIds);
        }
        if (body.vip !== undefined || body.lowCounter !== undefined) {
          await trx
            .updateTable('counters')
            .set({
              vip: body.vip === undefined ? undefined : body.vip ? 1 : 0,
              low_counter: body.lowCounter === undefined ? undefined : body.lowCounter ? 1 : 0,
            })
            .where('id', '=', counterId)
            .execute();
        }
        emit({ type: 'branch.configured' });
        return adminCounter(trx, branchId, counterId);
      });
      return result;
    },

    /** Only a counter set up by mistake can go: one with history stays, so reports still name it. */
    async remove(actor: Actor, branchId: string, counterId: string): Promise<void> {
      const staff = await branchAdmin(db, actor, branchId);
      await runInBranch(branchId, staff.id, async (trx, emit) => {
        const counter = await adminCounter(trx, branchId, counterId);
        if (!counter.deletable) {
          throw conflict(`counter ${counter.number} has been used, so it stays for the records; it cannot be deleted`);
        }
        await trx.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
        await trx.deleteFrom('counters').where('id', '=', counterId).execute();
        emit({ type: 'branch.configured' });
      });
    },
  };
}
