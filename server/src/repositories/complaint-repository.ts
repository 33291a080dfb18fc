/** The complaint log (客戶投訴記錄表): one row per complaint, read with the names of the people and counter it names. */
import type { Complaint } from '../../../protocol/complaint-routes.js';
import type { ComplaintCategory, ComplaintStatus } from '../../../protocol/record-kinds.js';
import type { Db } from './db.js';

/** A complaint as first written: the names are joined when it is read. */
export type NewComplaint = Omit<Complaint, 'counterNumber' | 'tellerName' | 'receivedByName' | 'handlerName'>;

/** What may change after a complaint is logged; undefined stays as it is. */
export type ComplaintChanges = Partial<
  Pick<
    Complaint,
    | 'channel'
    | 'category'
    | 'content'
    | 'customerName'
    | 'customerPhone'
    | 'handlerId'
    | 'status'
    | 'replyDueAt'
    | 'reply'
    | 'repliedAt'
    | 'outcome'
    | 'rootCause'
    | 'fix'
    | 'closedAt'
  >
> & { updatedAt: string };

export interface ComplaintFilter {
  status?: ComplaintStatus;
  category?: ComplaintCategory;
  /** Received from (inclusive) and before (exclusive), ISO instants. */
  receivedFrom?: string;
  receivedBefore?: string;
  /** Only those waiting for a reply whose deadline is before this instant. */
  overdueAt?: string;
  limit: number;
}

const AWAITING_REPLY: ComplaintStatus[] = ['open', 'reopened'];

function baseQuery(db: Db) {
  return db
    .selectFrom('complaints')
    .leftJoin('counters', 'counters.id', 'complaints.counter_id')
    .leftJoin('users as teller', 'teller.id', 'complaints.teller_id')
    .leftJoin('users as receiver', 'receiver.id', 'complaints.received_by')
    .leftJoin('users as handler', 'handler.id', 'complaints.handler_id')
    .selectAll('complaints')
    .select([
      'counters.number as counter_number',
      'teller.display_name as teller_name',
      'receiver.display_name as received_by_name',
      'handler.display_name as handler_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toComplaint = (row: Row): Complaint => ({
  id: row.id,
  branchId: row.branch_id,
  receivedAt: row.received_at,
  channel: row.channel,
  category: row.category,
  content: row.content,
  customerName: row.customer_name,
  customerPhone: row.customer_phone,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  counterId: row.counter_id,
  counterNumber: row.counter_number ?? null,
  tellerId: row.teller_id,
  tellerName: row.teller_name ?? null,
  receivedBy: row.received_by,
  receivedByName: row.received_by_name ?? row.received_by,
  handlerId: row.handler_id,
  handlerName: row.handler_name ?? null,
  status: row.status,
  replyDueAt: row.reply_due_at,
  reply: row.reply,
  repliedAt: row.replied_at,
  outcome: row.outcome,
  rootCause: row.root_cause,
  fix: row.fix,
  closedAt: row.closed_at,
  updatedAt: row.updated_at,
});

async function insert(db: Db, c: NewComplaint): Promise<void> {
  await db
    .insertInto('complaints')
    .values({
      id: c.id,
      branch_id: c.branchId,
      received_at: c.receivedAt,
      channel: c.channel,
      category: c.category,
      content: c.content,
      customer_name: c.customerName,
      customer_phone: c.customerPhone,
      ticket_id: c.ticketId,
      ticket_number: c.ticketNumber,
      counter_id: c.counterId,
      teller_id: c.tellerId,
      received_by: c.receivedBy,
      handler_id: c.handlerId,
      status: c.status,
      reply_due_at: c.replyDueAt,
      reply: c.reply,
      replied_at: c.repliedAt,
      outcome: c.outcome,
      root_cause: c.rootCause,
      fix: c.fix,
      closed_at: c.closedAt,
      updated_at: c.updatedAt,
    })
    .execute();
}

/** One complaint of the branch, or undefined (another branch's is not found). */
async function findById(db: Db, branchId: string, complaintId: string): Promise<Complaint | undefined> {
  const row = await baseQuery(db).where('complaints.id', '=', complaintId).where('complaints.branch_id', '=', branchId).executeTakeFirst();
  return row && toComplaint(row);
}

/** The branch's complaints, newest first. */
async function list(db: Db, branchId: string, filter: ComplaintFilter): Promise<Complaint[]> {
  let query = baseQuery(db).where('complaints.branch_id', '=', branchId);
  if (filter.status) query = query.where('complaints.status', '=', filter.status);
  if (filter.category) query = query.where('complaints.category', '=', filter.category);
  if (filter.receivedFrom) query = query.where('complaints.received_at', '>=', filter.receivedFrom);
  if (filter.receivedBefore) query = query.where('complaints.received_at', '<', filter.receivedBefore);
  if (filter.overdueAt) query = query.where('complaints.status', 'in', AWAITING_REPLY).where('complaints.reply_due_at', '<', filter.overdueAt);
  const rows = await query.orderBy('complaints.received_at', 'desc').orderBy('complaints.id', 'desc').limit(filter.limit).execute();
  return rows.map(toComplaint);
}

async function update(db: Db, complaintId: string, changes: ComplaintChanges): Promise<void> {
  const columns = {
    channel: changes.channel,
    category: changes.category,
    content: changes.content,
    customer_name: changes.customerName,
    customer_phone: changes.customerPhone,
    handler_id: changes.handlerId,
    status: changes.status,
    reply_due_at: changes.replyDueAt,
    reply: changes.reply,
    replied_at: changes.repliedAt,
    outcome: changes.outcome,
    root_cause: changes.rootCause,
    fix: changes.fix,
    closed_at: changes.closedAt,
    updated_at: changes.updatedAt,
  };
  // Undefined leaves a column as it is; null empties it.
  const set = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
  await db.updateTable('complaints').set(set).where('id', '=', complaintId).execute();
}

/** When and in which category each complaint of a period was received: what the summary counts. */
async function receivedBetween(db: Db, branchId: string, from: string, before: string): Promise<{ receivedAt: string; category: ComplaintCategory }[]> {
  const rows = await db
    .selectFrom('complaints')
    .select(['received_at', 'category'])
    .where('branch_id', '=', branchId)
    .where('received_at', '>=', from)
    .where('received_at', '<', before)
    .execute();
  return rows.map((row) => ({ receivedAt: row.received_at, category: row.category }));
}

/** How many of the branch's complaints wait for a reply past their deadline at `now`. */
async function countOverdue(db: Db, branchId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('branch_id', '=', branchId)
    .where('status', 'in', AWAITING_REPLY)
    .where('reply_due_at', '<', now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The staff member who last acted on a ticket at a counter (called, started or completed it): the
 * teller a complaint about that visit names, once the counter has moved on to someone else.
 */
async function lastTellerOfTicket(db: Db, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom('events')
    .select('actor_id')
    .where('ticket_id', '=', ticketId)
    .where('counter_id', 'is not', null)
    .where('actor_id', 'is not', null)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

export const complaintRepository = Object.freeze({ insert, findById, list, update, receivedBetween, countOverdue, lastTellerOfTicket });
