/** The services a branch offers (現金存取 A, 轉賬匯款 B, …): created, edited and deactivated, never deleted. */
import { ACTIVE_STATUSES } from '../../domain/branch-state.js';
import { newId } from '../../lib/ids.js';
import type { ServiceRow } from '../../../../db/schema.js';
import type { AdminService, CreateServiceBody, UpdateServiceBody } from '../../../../protocol/admin-schemas.js';
import { notFound } from '../../errors.js';
import type { Db } from '../../repositories/db.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, localizedName, onDuplicate, requireChanges, type AdminDeps } from './access.js';
import { toAdminService } from './rows.js';


export function createServiceAdmin({ db, runInBranch }: AdminDeps) {
  async function requireService(d: Db, branchId: string, serviceId: string): Promise<ServiceRow> {
    const row = await d.selectFrom('services').selectAll().where('id', '=', serviceId).where('branch_id', '=', branchId).executeTakeFirst();
    if (!row) throw notFound('service', serviceId);
    return row;
  }

  /** Prefixes are unique in a branch among inactive services too: old tickets still carry them. */
  async function assertPrefixFree(d: Db, branchId: string, prefix: string, exceptId?: string) {
    const holder = await d
      .selectFrom('services')
      .select(['id', 'name_en', 'active'])
      .where('branch_id', '=', branchId)
      .where('prefix', '=', prefix)
      .executeTakeFirst();
    if (holder && holder.id !== exceptId) {
      const state = holder.active ? '' : ' (inactive)';
      throw conflict(`prefix ${prefix} is already used by ${holder.name_en}${state}`);
    }
  }

  return {
    /** Every service of the branch, inactive ones included, in kiosk order. */
    async list(actor: Actor, branchId: string): Promise<AdminService[]> {
      await branchAdmin(db, actor, branchId);
      const rows = await db.selectFrom('services').selectAll().where('branch_id', '=', branchId).orderBy('sort_order').orderBy('prefix').execute();
      return rows.map(toAdminService);
    },

    async create(actor: Actor, branchId: string, body: CreateServiceBody): Promise<AdminService> {
      const staff = await branchAdmin(db, actor, branchId);
      const name = localizedName('name', body.name);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        await assertPrefixFree(trx, branchId, body.prefix);
        const last = await trx.selectFrom('services').select((eb) => eb.fn.max('sort_order').as('max')).where('branch_id', '=', branchId).executeTakeFirst();
        const id = newId();
        await trx
          .insertInto('services')
          .values({
            id,
            branch_id: branchId,
            prefix: body.prefix,
            name_en: name.en,
            name_zh_hant: name.zhHant,
            name_zh_hans: name.zhHans,
            self_service_kind: body.selfServiceKind,
            target_wait_seconds: body.targetWaitSeconds,
            default_service_seconds: body.defaultServiceSeconds,
            icon: body.icon?.trim() ?? '',
            sort_order: body.sortOrder ?? (last?.max ?? -1) + 1,
            active: 1,
          })
          .execute();
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
          const { count } = await trx
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .where('service_id', '=', serviceId)
            .where('status', 'in', ACTIVE_STATUSES)
            .executeTakeFirstOrThrow();
          if (Number(count) > 0) {
            throw conflict(`${service.name_en} still has ${count} customer(s) in its queue: serve or transfer them first`);
          }
          // Counters stop calling it; they are reassigned by hand if it comes back.
          await trx.deleteFrom('counter_services').where('service_id', '=', serviceId).execute();
        }
        await trx
          .updateTable('services')
          .set({
            prefix: body.prefix,
            name_en: name?.en,
            name_zh_hant: name?.zhHant,
            name_zh_hans: name?.zhHans,
            self_service_kind: body.selfServiceKind,
            target_wait_seconds: body.targetWaitSeconds,
            default_service_seconds: body.defaultServiceSeconds,
            icon: body.icon?.trim(),
            sort_order: body.sortOrder,
            active: body.active === undefined ? undefined : body.active ? 1 : 0,
          })
          .where('id', '=', serviceId)
          .execute();
        emit({ type: 'branch.configured' });
        return requireService(trx, branchId, serviceId);
      }).catch(onDuplicate(`prefix ${body.prefix} is already used in this branch`));
      return toAdminService(result);
    },
  };
}
