/**
 * The opening and closing checks (hall_checks), the machines' fault columns, and what the hall alerts
 * read from the queue and the complaint log (counts and ticket numbers only, never personal data).
 */
import type { CheckAnswer, HallCheck } from '../../../protocol/check-routes.js';
import type { CheckKind } from '../../../protocol/record-kinds.js';
import type { Db } from './db.js';

export interface HallCheckRecord {
  id: string;
  branchId: string;
  businessDay: string;
  kind: CheckKind;
  items: CheckAnswer[];
  checkedBy: string;
  checkedAt: string;
}

const checksWithNames = (db: Db) =>
  db
    .selectFrom('hall_checks')
    .leftJoin('users', 'users.id', 'hall_checks.checked_by')
    .select([
      'hall_checks.id',
      'hall_checks.branch_id',
      'hall_checks.business_day',
      'hall_checks.kind',
      'hall_checks.items',
      'hall_checks.checked_by',
      'hall_checks.checked_at',
      'users.display_name',
    ]);

type CheckRow = Awaited<ReturnType<ReturnType<typeof checksWithNames>['executeTakeFirstOrThrow']>>;

const toHallCheck = (row: CheckRow): HallCheck => ({
  id: row.id,
  branchId: row.branch_id,
  businessDay: row.business_day,
  kind: row.kind,
  items: JSON.parse(row.items) as CheckAnswer[],
  checkedBy: row.checked_by,
  checkedByName: row.display_name ?? '',
  checkedAt: row.checked_at,
});

/** The day's checks (opening, closing), as far as they are done. */
async function findDay(db: Db, branchId: string, businessDay: string): Promise<HallCheck[]> {
  const rows = await checksWithNames(db).where('hall_checks.branch_id', '=', branchId).where('hall_checks.business_day', '=', businessDay).execute();
  return rows.map(toHallCheck);
}

/** The checks of the days starting with `month` (YYYY-MM), newest day first, opening before closing. */
async function listMonth(db: Db, branchId: string, month: string): Promise<HallCheck[]> {
  const rows = await checksWithNames(db)
    .where('hall_checks.branch_id', '=', branchId)
    .where('hall_checks.business_day', '>=', `${month}-01`)
    .where('hall_checks.business_day', '<=', `${month}-31`)
    .orderBy('hall_checks.business_day', 'desc')
    .orderBy('hall_checks.kind', 'desc')
    .execute();
  return rows.map(toHallCheck);
}

/** Stores the day's check of its kind, replacing an earlier one (the row keeps its id). */
async function save(db: Db, check: HallCheckRecord): Promise<void> {
  const values = {
    id: check.id,
    branch_id: check.branchId,
    business_day: check.businessDay,
    kind: check.kind,
    items: JSON.stringify(check.items),
    checked_by: check.checkedBy,
    checked_at: check.checkedAt,
  };
  await db
    .insertInto('hall_checks')
    .values(values)
    .onConflict((oc) => oc.columns(['branch_id', 'business_day', 'kind']).doUpdateSet({ items: values.items, checked_by: values.checked_by, checked_at: values.checked_at }))
    .execute();
}

/** Out of service at once, saying why, since when and who found it. */
async function markMachineFaulty(db: Db, machineId: string, fault: { note: string | null; at: string; by: string }): Promise<void> {
  await db.updateTable('machines').set({ in_service: 0, fault_note: fault.note, fault_at: fault.at, fault_by: fault.by }).where('id', '=', machineId).execute();
}

/** Back in service; the fault is forgotten. */
async function markMachineFixed(db: Db, machineId: string): Promise<void> {
  await db.updateTable('machines').set({ in_service: 1, fault_note: null, fault_at: null, fault_by: null }).where('id', '=', machineId).execute();
}

/** Complaints open or reopened whose reply was due before `now`. */
async function countOverdueComplaints(db: Db, branchId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('branch_id', '=', branchId)
    .where('status', 'in', ['open', 'reopened'])
    .where('reply_due_at', '<', now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Tickets of the day waiting now that a registered customer took: number and the customer's tier, no name. */
async function valuedCustomersWaiting(db: Db, branchId: string, businessDay: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select(['tickets.id as ticketId', 'tickets.number', 'customers.tier'])
    .where('tickets.branch_id', '=', branchId)
    .where('tickets.business_day', '=', businessDay)
    .where('tickets.status', '=', 'waiting')
    .orderBy('tickets.issued_at')
    .execute();
}

/** The day's first ticket's issue time and how many were issued. */
async function ticketsOfDay(db: Db, branchId: string, businessDay: string): Promise<{ first: string | null; count: number }> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => [eb.fn.min('issued_at').as('first'), eb.fn.countAll<number>().as('count')])
    .where('branch_id', '=', branchId)
    .where('business_day', '=', businessDay)
    .executeTakeFirstOrThrow();
  return { first: (row.first as string | null) ?? null, count: Number(row.count) };
}

export const hallCheckRepository = Object.freeze({
  findDay,
  listMonth,
  save,
  markMachineFaulty,
  markMachineFixed,
  countOverdueComplaints,
  valuedCustomersWaiting,
  ticketsOfDay,
});
