/** The services a branch offers (現金存取 A, 轉賬匯款 B, …): created, edited and deactivated, never deleted. */
import { newId } from '../../lib/ids.js';
import type { ServiceRow } from '../../../../db/schema.js';
import type { AdminService, CreateServiceBody, UpdateServiceBody } from '../../../../protocol/admin-schemas.js';
import { notFound } from '../../errors.js';
import { counterRepository } from '../../repositories/counter-repository.js';
import type { Db } from '../../repositories/db.js';
import { serviceRepository } from '../../repositories/service-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, localizedName, onDuplicate, requireChanges, type AdminDeps } from './access.js';
import { toAdminService } from './rows.js';

export function createServiceAdmin({ db, runInBranch }: AdminDeps) {
  async function requireService(d: Db, branchId: string, serviceId: string): Promise<ServiceRow> {
    const row = await serviceRepository.findInBranch(d, branchId, serviceId);
    if (!row) throw notFound('service', serviceId);
    return row;
  }

  /** Prefixes are unique in a branch among inactive services too: old tickets still carry them. */
  async function assertPrefixFree(d: Db, branchId: string, prefix: string, exceptId?: string) {
    const holder = await serviceRepository.findByPrefix(d, branchId, prefix);
    if (holder && holder.id !== exceptId) {
      const state = holder.active ? '' : ' (inactive)';
      throw conflict(`prefix ${prefix} is already used by ${holder.name_en}${state}`);
    }
  }

  return {
    /** Every service of the branch, inactive ones included, in kiosk order. */
    async list(actor: Actor, branchId: string): Promise<AdminService[]> {
      await branchAdmin(db, actor, branchId);
      return (await serviceRepository.listAll(db, branchId)).map(toAdminService);
    },

    async create(actor: Actor, branchId: string, body: CreateServiceBody): Promise<AdminService> {
      const staff = await branchAdmin(db, actor, branchId);
      const name = localizedName('name', body.name);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        await assertPrefixFree(trx, branchId, body.prefix);
        const lastSortOrder = await serviceRepository.maxSortOrder(trx, branchId);
        const id = newId();
        await serviceRepository.insert(trx, {
          id,
          branchId,
          prefix: body.prefix,
          name,
          selfServiceKind: body.selfServiceKind,
          targetWaitSeconds: body.targetWaitSeconds,
          defaultServiceSeconds: body.defaultServiceSeconds,
          icon: body.icon?.trim() ?? '',
          sortOrder: body.sortOrder ?? (lastSortOrder ?? -1) + 1,
          active: true,
        });
        emit({ type: 'branch.configured' });
        return requireService(trx, branchId, id);
      }).catch(onDuplicate(`prefix ${body.prefix} is already used in this branch`));
      return toAdminService(result);
    },

    /**
     * Edits a service; `active: false` deactivates it. A service with customers still waiting,
     * called or served cannot be deactivated: they would be stranded.
     */
    async update(actor: Actor, branchId: string, serviceId: string, body: UpdateServiceBody): Promise<AdminService> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const name = body.name && localizedName('name', body.name);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const service = await requireService(trx, branchId, serviceId);
        if (body.prefix !== undefined) await assertPrefixFree(trx, branchId, body.prefix, serviceId);
        if (body.active === false && service.active === 1) {
          const count = await serviceRepository.countActiveTickets(trx, serviceId);
          if (count > 0) {
            throw conflict(`${service.name_en} still has ${count} customer(s) in its queue: serve or transfer them first`);
          }
          // Counters stop calling it; they are reassigned by hand if it comes back.
          await counterRepository.unlinkService(trx, serviceId);
        }
        await serviceRepository.update(trx, serviceId, {
          prefix: body.prefix,
          name,
          selfServiceKind: body.selfServiceKind,
          targetWaitSeconds: body.targetWaitSeconds,
          defaultServiceSeconds: body.defaultServiceSeconds,
          icon: body.icon?.trim(),
          sortOrder: body.sortOrder,
          active: body.active,
        });
        emit({ type: 'branch.configured' });
        return requireService(trx, branchId, serviceId);
      }).catch(onDuplicate(`prefix ${body.prefix} is already used in this branch`));
      return toAdminService(result);
    },
  };
}
