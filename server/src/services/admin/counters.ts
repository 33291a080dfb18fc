/** The branch's counters (窗口): their numbers, the services each one calls, VIP and low counters. */
import { newId } from '../../lib/ids.js';
import type { AdminCounter, CreateCounterBody, UpdateCounterBody } from '../../../../protocol/admin-schemas.js';
import type { Counter } from '../../../../protocol/schemas.js';
import { notFound } from '../../errors.js';
import { counterRepository } from '../../repositories/counter-repository.js';
import type { Db } from '../../repositories/db.js';
import { serviceRepository } from '../../repositories/service-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, invalid, onDuplicate, requireChanges, type AdminDeps } from './access.js';

export function createCounterAdmin({ db, runInBranch }: AdminDeps) {
  async function requireCounter(d: Db, branchId: string, counterId: string): Promise<Counter> {
    const counter = await counterRepository.findById(d, counterId);
    if (!counter || counter.branchId !== branchId) throw notFound('counter', counterId);
    return counter;
  }

  /** Counters with history (they served a ticket or were opened) stay, so reports still name them. */
  function withDeletable(counter: Counter, history: Set<string>): AdminCounter {
    const deletable = !history.has(counter.id) && counter.status === 'closed' && counter.tellerId === null;
    return { ...counter, deletable };
  }

  async function adminCounter(d: Db, branchId: string, counterId: string): Promise<AdminCounter> {
    return withDeletable(await requireCounter(d, branchId, counterId), await counterRepository.idsWithHistory(d, branchId));
  }

  /** Every id must be an active service of this branch. */
  async function assertServices(d: Db, branchId: string, serviceIds: string[]) {
    const known = new Set(await serviceRepository.findActiveIds(d, branchId, serviceIds));
    const unknown = serviceIds.find((id) => !known.has(id));
    if (unknown) throw invalid('serviceIds', `${unknown} is not an active service of this branch`);
  }

  return {
    async list(actor: Actor, branchId: string): Promise<AdminCounter[]> {
      await branchAdmin(db, actor, branchId);
      const history = await counterRepository.idsWithHistory(db, branchId);
      return (await counterRepository.listByBranch(db, branchId)).map((c) => withDeletable(c, history));
    },

    /** A new counter starts closed; a teller opens it. */
    async create(actor: Actor, branchId: string, body: CreateCounterBody): Promise<AdminCounter> {
      const staff = await branchAdmin(db, actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit, now) => {
        if ((await counterRepository.findIdByNumber(trx, branchId, body.number)) !== undefined) throw conflict(`counter ${body.number} already exists`);
        await assertServices(trx, branchId, body.serviceIds);
        const id = newId();
        await counterRepository.insert(trx, {
          id,
          branchId,
          number: body.number,
          vip: body.vip ?? false,
          lowCounter: body.lowCounter ?? false,
          status: 'closed',
          tellerId: null,
          currentTicketId: null,
          statusChangedAt: now.toISOString(),
        });
        await counterRepository.replaceServices(trx, branchId, id, body.serviceIds);
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
          await counterRepository.replaceServices(trx, branchId, counterId, body.serviceIds);
        }
        if (body.vip !== undefined || body.lowCounter !== undefined) {
          await counterRepository.update(trx, counterId, { vip: body.vip, lowCounter: body.lowCounter });
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
        await counterRepository.remove(trx, counterId);
        emit({ type: 'branch.configured' });
      });
    },
  };
}
