/**
 * The customer resource sheet (客戶資源信息表): one row per customer of a branch, the number kept as
 * its HMAC (`number_hash`) and last digits (`number_hint`), never in clear.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { CustomerTable } from '../../../db/schema.js';
import type { Customer, CustomerManager } from '../../../protocol/customer-routes.js';
import type { CustomerTier } from '../../../protocol/record-kinds.js';
import type { Db } from './db.js';

export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerChanges = Updateable<Pick<CustomerTable, 'name' | 'tier' | 'phone' | 'needs' | 'notes' | 'manager_id'>>;

export interface CustomerFilter {
  /** Part of the name (case-insensitive). */
  nameLike?: string;
  /** The HMAC of a whole number. */
  numberHash?: string;
  tier?: CustomerTier;
  limit: number;
}

const selectCustomers = (db: Db, branchId: string) =>
  db
    .selectFrom('customers as c')
    .leftJoin('users as m', 'm.id', 'c.manager_id')
    .select([
      'c.id',
      'c.branch_id',
      'c.name',
      'c.number_hint',
      'c.tier',
      'c.phone',
      'c.needs',
      'c.notes',
      'c.manager_id',
      'm.display_name as manager_name',
      'c.source',
      'c.last_visit_at',
      'c.created_at',
      'c.updated_at',
    ])
    .where('c.branch_id', '=', branchId);

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectCustomers>['executeTakeFirstOrThrow']>>;

const toCustomer = (row: SelectedRow): Customer => ({
  id: row.id,
  branchId: row.branch_id,
  name: row.name,
  numberHint: row.number_hint,
  tier: row.tier,
  phone: row.phone,
  needs: row.needs,
  notes: row.notes,
  managerId: row.manager_id,
  managerName: row.manager_name,
  source: row.source,
  lastVisitAt: row.last_visit_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The customer a number's HMAC belongs to, as the issue rule needs them (no name): one indexed lookup. */
const findByHash = (db: Db, branchId: string, numberHash: string): Promise<{ id: string; tier: CustomerTier } | undefined> =>
  db.selectFrom('customers').select(['id', 'tier']).where('branch_id', '=', branchId).where('number_hash', '=', numberHash).executeTakeFirst();

/** Customers matching the filter, by name; one more than `limit` tells the caller the list was cut. */
async function list(db: Db, branchId: string, filter: CustomerFilter): Promise<Customer[]> {
  let query = selectCustomers(db, branchId);
  if (filter.numberHash !== undefined) query = query.where('c.number_hash', '=', filter.numberHash);
  if (filter.nameLike !== undefined) {
    // SQLite's LIKE ignores ASCII case; the name's own % and _ are matched literally.
    const pattern = `%${filter.nameLike.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`c.name like ${pattern} escape '\\'`);
  }
  if (filter.tier !== undefined) query = query.where('c.tier', '=', filter.tier);
  const rows = await query.orderBy('c.name').orderBy('c.id').limit(filter.limit).execute();
  return rows.map(toCustomer);
}

const find = async (db: Db, branchId: string, customerId: string): Promise<Customer | undefined> => {
  const row = await selectCustomers(db, branchId).where('c.id', '=', customerId).executeTakeFirst();
  return row && toCustomer(row);
};

/** Whether the branch's sheet holds a number's HMAC already. */
const hasNumber = async (db: Db, branchId: string, numberHash: string): Promise<boolean> => (await findByHash(db, branchId, numberHash)) !== undefined;

/** Which of `numberHashes` the branch's sheet holds already. */
async function numbersOnSheet(db: Db, branchId: string, numberHashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // SQLite takes at most 32,766 parameters per statement.
  for (let i = 0; i < numberHashes.length; i += 500) {
    const rows = await db
      .selectFrom('customers')
      .select('number_hash')
      .where('branch_id', '=', branchId)
      .where('number_hash', 'in', numberHashes.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.number_hash);
  }
  return found;
}

async function insert(db: Db, rows: readonly NewCustomerRow[]): Promise<void> {
  // 15 columns a row: well under SQLite's parameter limit at 500 rows a statement.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('customers').values(rows.slice(i, i + 500)).execute();
}

async function update(db: Db, branchId: string, customerId: string, changes: CustomerChanges, updatedAt: string): Promise<void> {
  await db.updateTable('customers').set({ ...changes, updated_at: updatedAt }).where('branch_id', '=', branchId).where('id', '=', customerId).execute();
}

async function remove(db: Db, branchId: string, customerId: string): Promise<boolean> {
  const result = await db.deleteFrom('customers').where('branch_id', '=', branchId).where('id', '=', customerId).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** The branch's active account managers and managers, by name: who may look after a customer. */
const managers = (db: Db, branchId: string): Promise<CustomerManager[]> =>
  db
    .selectFrom('users')
    .select(['id', 'display_name as displayName', 'role'])
    .where('branch_id', '=', branchId)
    .where('active', '=', 1)
    .where('role', 'in', ['account_manager', 'manager'])
    .orderBy('display_name')
    .execute();

/** The branch's active account managers and managers by username (an import names them so). */
async function managersByUsername(db: Db, branchId: string): Promise<Map<string, CustomerManager>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name as displayName', 'role'])
    .where('branch_id', '=', branchId)
    .where('active', '=', 1)
    .where('role', 'in', ['account_manager', 'manager'])
    .execute();
  return new Map(rows.map(({ username, ...manager }) => [username.toLowerCase(), manager]));
}

/**
 * Links a ticket to the customer noted from it. Only the stored row: no screen reads the link from
 * the engine's held state, and the engine never writes this column after the issue.
 */
async function linkTicket(db: Db, branchId: string, ticketId: string, customerId: string): Promise<void> {
  await db.updateTable('tickets').set({ customer_id: customerId }).where('branch_id', '=', branchId).where('id', '=', ticketId).where('customer_id', 'is', null).execute();
}

export const customerRepository = Object.freeze({
  findByHash,
  list,
  find,
  hasNumber,
  numbersOnSheet,
  insert,
  update,
  remove,
  managers,
  managersByUsername,
  linkTicket,
});
