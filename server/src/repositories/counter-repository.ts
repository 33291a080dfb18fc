/** The branch's counters with the services each one calls and the teller who staffs it. */
import type { Counter } from '../../../protocol/schemas.js';
import type { Db } from './db.js';
import { toCounter } from './mappers.js';

/** A counter as it is first written: it has no services and no teller's name yet. */
export type NewCounter = Omit<Counter, 'serviceIds' | 'tellerName'>;

/** What an admin may change about a counter besides its services; undefined stays as it is. */
export type CounterChanges = Partial<Pick<Counter, 'vip' | 'lowCounter'>>;

function baseQuery(db: Db) {
  return db
    .selectFrom('counters')
    .leftJoin('users', 'users.id', 'counters.teller_id')
    .selectAll('counters')
    .select('users.display_name as teller_name');
}

async function withServices(db: Db, rows: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>): Promise<Counter[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('counter_services')
    .innerJoin('services', 'services.id', 'counter_services.service_id')
    .select(['counter_services.counter_id', 'counter_services.service_id'])
    .where(
      'counter_services.counter_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('services.sort_order')
    .execute();
  return rows.map(({ teller_name, ...row }) =>
    toCounter(
      row,
      links.filter((l) => l.counter_id === row.id).map((l) => l.service_id),
      teller_name ?? null,
    ),
  );
}

export async function listCounters(db: Db, branchId: string): Promise<Counter[]> {
  return withServices(db, await baseQuery(db).where('counters.branch_id', '=', branchId).orderBy('counters.number').execute());
}

export async function findCounter(db: Db, counterId: string): Promise<Counter | undefined> {
  const [counter] = await withServices(db, await baseQuery(db).where('counters.id', '=', counterId).execute());
  return counter;
}

/** The branch a counter belongs to. */
export async function findCounterBranch(db: Db, counterId: string): Promise<string | undefined> {
  const row = await db.selectFrom('counters').select('branch_id').where('id', '=', counterId).executeTakeFirst();
  return row?.branch_id;
}

/** The id of the branch's counter with this number, if there is one. */
async function findIdByNumber(db: Db, branchId: string, number: number): Promise<string | undefined> {
  const row = await db.selectFrom('counters').select('id').where('branch_id', '=', branchId).where('number', '=', number).executeTakeFirst();
  return row?.id;
}

/** The number of the open or paused counter this user staffs, if any. */
async function findNumberStaffedBy(db: Db, userId: string): Promise<number | undefined> {
  const row = await db.selectFrom('counters').select('number').where('teller_id', '=', userId).where('status', '!=', 'closed').executeTakeFirst();
  return row?.number;
}

/** Counters that ever served a ticket or were ever opened: their history must keep pointing at them. */
async function idsWithHistory(db: Db, branchId: string): Promise<Set<string>> {
  const fromTickets = db.selectFrom('tickets').select('counter_id').where('branch_id', '=', branchId).where('counter_id', 'is not', null);
  const fromEvents = db.selectFrom('events').select('counter_id').where('branch_id', '=', branchId).where('counter_id', 'is not', null);
  const rows = await fromTickets.union(fromEvents).execute();
  return new Set(rows.map((r) => r.counter_id!));
}

async function insert(db: Db, counter: NewCounter): Promise<void> {
  await db
    .insertInto('counters')
    .values({
      id: counter.id,
      branch_id: counter.branchId,
      number: counter.number,
      vip: counter.vip ? 1 : 0,
      low_counter: counter.lowCounter ? 1 : 0,
      status: counter.status,
      teller_id: counter.tellerId,
      current_ticket_id: counter.currentTicketId,
      status_changed_at: counter.statusChangedAt,
    })
    .execute();
}

async function update(db: Db, counterId: string, changes: CounterChanges): Promise<void> {
  await db
    .updateTable('counters')
    .set({
      vip: changes.vip === undefined ? undefined : changes.vip ? 1 : 0,
      low_counter: changes.lowCounter === undefined ? undefined : changes.lowCounter ? 1 : 0,
    })
    .where('id', '=', counterId)
    .execute();
}

/** The counter calls exactly these services from now on. */
async function replaceServices(db: Db, branchId: string, counterId: string, serviceIds: string[]): Promise<void> {
  await db.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
  await db
    .insertInto('counter_services')
    .values(serviceIds.map((serviceId) => ({ branch_id: branchId, counter_id: counterId, service_id: serviceId })))
    .execute();
}

/** No counter calls the service any more. */
async function unlinkService(db: Db, serviceId: string): Promise<void> {
  await db.deleteFrom('counter_services').where('service_id', '=', serviceId).execute();
}

/** Deletes the counter and its service links. */
async function remove(db: Db, counterId: string): Promise<void> {
  await db.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
  await db.deleteFrom('counters').where('id', '=', counterId).execute();
}

export const counterRepository = Object.freeze({
  findById: findCounter,
  findBranchId: findCounterBranch,
  findIdByNumber,
  findNumberStaffedBy,
  listByBranch: listCounters,
  idsWithHistory,
  insert,
  update,
  replaceServices,
  unlinkService,
  remove,
});
