/** Referrals to account managers: rows in, camelCase referrals (with the names of the people) out. */
import type { ReferralStatus, ReferralUrgency } from '../../../protocol/record-kinds.js';
import type { Referral } from '../../../protocol/referral-routes.js';
import type { Db } from './db.js';

/** A referral as it is first written. */
export interface NewReferral {
  id: string;
  branchId: string;
  customerId: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  customerName: string | null;
  customerPhone: string | null;
  need: string;
  productInterest: string | null;
  urgency: ReferralUrgency;
  referredTo: string;
  referredBy: string;
  createdAt: string;
}

export interface ReferralFilter {
  /** Only those made to this account manager. */
  referredTo?: string | null;
  status?: ReferralStatus;
  /** UTC instants: created from (inclusive) to (exclusive). */
  createdFrom?: string;
  createdTo?: string;
  limit?: number;
}

function selectReferrals(db: Db) {
  return db
    .selectFrom('referrals as r')
    .leftJoin('users as toUser', 'toUser.id', 'r.referred_to')
    .leftJoin('users as byUser', 'byUser.id', 'r.referred_by')
    .selectAll('r')
    .select(['toUser.display_name as referred_to_name', 'byUser.display_name as referred_by_name']);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['executeTakeFirstOrThrow']>>;

const toReferral = (row: JoinedRow): Referral => ({
  id: row.id,
  branchId: row.branch_id,
  customerId: row.customer_id,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  customerName: row.customer_name,
  customerPhone: row.customer_phone,
  need: row.need,
  productInterest: row.product_interest,
  urgency: row.urgency,
  referredTo: row.referred_to,
  referredToName: row.referred_to_name ?? row.referred_to,
  referredBy: row.referred_by,
  referredByName: row.referred_by_name ?? row.referred_by,
  status: row.status,
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

async function insert(db: Db, referral: NewReferral): Promise<void> {
  await db
    .insertInto('referrals')
    .values({
      id: referral.id,
      branch_id: referral.branchId,
      customer_id: referral.customerId,
      ticket_id: referral.ticketId,
      ticket_number: referral.ticketNumber,
      customer_name: referral.customerName,
      customer_phone: referral.customerPhone,
      need: referral.need,
      product_interest: referral.productInterest,
      urgency: referral.urgency,
      referred_to: referral.referredTo,
      referred_by: referral.referredBy,
      status: 'referred',
      note: null,
      created_at: referral.createdAt,
      updated_at: referral.createdAt,
    })
    .execute();
}

/** One referral of the branch, with the names of the people. */
async function find(db: Db, branchId: string, referralId: string): Promise<Referral | undefined> {
  const row = await selectReferrals(db).where('r.branch_id', '=', branchId).where('r.id', '=', referralId).executeTakeFirst();
  return row && toReferral(row);
}

/** The branch's referrals, newest first. */
async function list(db: Db, branchId: string, filter: ReferralFilter): Promise<Referral[]> {
  let query = selectReferrals(db).where('r.branch_id', '=', branchId);
  if (filter.referredTo) query = query.where('r.referred_to', '=', filter.referredTo);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.createdFrom) query = query.where('r.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('r.created_at', '<', filter.createdTo);
  query = query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(toReferral);
}

/**
 * Moves a referral, guarded by the status it was decided from, so two moves at once cannot both
 * land; false when the referral had moved meanwhile.
 */
async function move(db: Db, referralId: string, from: ReferralStatus, changes: { status: ReferralStatus; note?: string }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('referrals')
    .set({ status: changes.status, ...(changes.note === undefined ? {} : { note: changes.note }), updated_at: at })
    .where('id', '=', referralId)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The branch's active account managers, by name. */
const listAccountManagers = (db: Db, branchId: string): Promise<{ id: string; displayName: string }[]> =>
  db
    .selectFrom('users')
    .select(['id', 'display_name as displayName'])
    .where('branch_id', '=', branchId)
    .where('role', '=', 'account_manager')
    .where('active', '=', 1)
    .orderBy('display_name')
    .orderBy('id')
    .execute();

/** What a referral copies from the customer resource sheet: the customer's name and phone. */
const findCustomerContact = (db: Db, branchId: string, customerId: string): Promise<{ id: string; name: string; phone: string | null } | undefined> =>
  db.selectFrom('customers').select(['id', 'name', 'phone']).where('branch_id', '=', branchId).where('id', '=', customerId).executeTakeFirst();

export const referralRepository = Object.freeze({ insert, find, list, move, listAccountManagers, findCustomerContact });
