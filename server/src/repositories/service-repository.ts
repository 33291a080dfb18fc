/** The services a branch offers. Rows come back as rows: `toService` and `toAdminService` map them. */
import type { ServiceRow } from '../../../db/schema.js';
import type { AdminService } from '../../../protocol/admin-schemas.js';
import { ACTIVE_STATUSES } from '../../../protocol/actions.js';
import type { Db } from './db.js';

/** What an admin may change about a service; a field left undefined stays as it is. */
export type ServiceChanges = Partial<Omit<AdminService, 'id' | 'branchId'>>;

/** The branch's active services, in kiosk order. */
export const listServices = (db: Db, branchId: string) =>
  db.selectFrom('services').selectAll().where('branch_id', '=', branchId).where('active', '=', 1).orderBy('sort_order').execute();

export const findService = (db: Db, serviceId: string) =>
  db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();

/** Every service of the branch, inactive ones included, in kiosk order. */
const listAll = (db: Db, branchId: string): Promise<ServiceRow[]> =>
  db.selectFrom('services').selectAll().where('branch_id', '=', branchId).orderBy('sort_order').orderBy('prefix').execute();

/** The service if it belongs to the branch. */
const findInBranch = (db: Db, branchId: string, serviceId: string): Promise<ServiceRow | undefined> =>
  db.selectFrom('services').selectAll().where('id', '=', serviceId).where('branch_id', '=', branchId).executeTakeFirst();

/** The service of the branch, active or not, that holds a ticket prefix. */
const findByPrefix = (db: Db, branchId: string, prefix: string): Promise<ServiceRow | undefined> =>
  db.selectFrom('services').selectAll().where('branch_id', '=', branchId).where('prefix', '=', prefix).executeTakeFirst();

/** Which of `serviceIds` are active services of the branch. */
async function findActiveIds(db: Db, branchId: string, serviceIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('services')
    .select('id')
    .where('branch_id', '=', branchId)
    .where('active', '=', 1)
    .where('id', 'in', serviceIds)
    .execute();
  return rows.map((r) => r.id);
}

/** The highest sort order in the branch, or null before its first service. */
async function maxSortOrder(db: Db, branchId: string): Promise<number | null> {
  const row = await db.selectFrom('services').select((eb) => eb.fn.max('sort_order').as('max')).where('branch_id', '=', branchId).executeTakeFirst();
  return row?.max ?? null;
}

/** Tickets of the service still waiting, called or being served: its customers in the hall. */
async function countActiveTickets(db: Db, serviceId: string): Promise<number> {
  const { count } = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('service_id', '=', serviceId)
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(count);
}

async function insert(db: Db, service: AdminService): Promise<void> {
  await db
    .insertInto('services')
    .values({
      id: service.id,
      branch_id: service.branchId,
      prefix: service.prefix,
      name_en: service.name.en,
      name_zh_hant: service.name.zhHant,
      name_zh_hans: service.name.zhHans,
      self_service_kind: service.selfServiceKind,
      target_wait_seconds: service.targetWaitSeconds,
      default_service_seconds: service.defaultServiceSeconds,
      icon: service.icon,
      sort_order: service.sortOrder,
      active: service.active ? 1 : 0,
    })
    .execute();
}

async function update(db: Db, serviceId: string, changes: ServiceChanges): Promise<void> {
  await db
    .updateTable('services')
    .set({
      prefix: changes.prefix,
      name_en: changes.name?.en,
      name_zh_hant: changes.name?.zhHant,
      name_zh_hans: changes.name?.zhHans,
      self_service_kind: changes.selfServiceKind,
      target_wait_seconds: changes.targetWaitSeconds,
      default_service_seconds: changes.defaultServiceSeconds,
      icon: changes.icon,
      sort_order: changes.sortOrder,
      active: changes.active === undefined ? undefined : changes.active ? 1 : 0,
    })
    .where('id', '=', serviceId)
    .execute();
}

export const serviceRepository = Object.freeze({
  findById: findService,
  findInBranch,
  findByPrefix,
  findActiveIds,
  listActive: listServices,
  listAll,
  maxSortOrder,
  countActiveTickets,
  insert,
  update,
});
