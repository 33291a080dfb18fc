/**
 * The monthly report's stored part (the manager's words, its status and author), the month's
 * complaints as the report lists them, and the target the suggested staffing meets. The figures
 * themselves come from the report-figures repository, through its service.
 */
import type { Selectable } from 'kysely';
import type { MonthlyReportTable } from '../../../db/schema.js';
import type { MonthlyReportText } from '../../../protocol/monthly-report-routes.js';
import type { ComplaintCategory, ComplaintStatus } from '../../../protocol/record-kinds.js';
import type { Db } from './db.js';

/** A report as stored, with its author's display name. */
export interface StoredMonthlyReport extends MonthlyReportText {
  id: string;
  branchId: string;
  month: string;
  authorId: string;
  authorName: string;
  status: 'draft' | 'submitted';
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

const toReport = (row: Selectable<MonthlyReportTable> & { author_name: string | null }): StoredMonthlyReport => ({
  id: row.id,
  branchId: row.branch_id,
  month: row.month,
  authorId: row.author_id,
  // An author removed from the users table still wrote the report.
  authorName: row.author_name ?? row.author_id,
  status: row.status,
  customerNeeds: row.customer_needs,
  opinions: row.opinions,
  marketInfo: row.market_info,
  proposals: row.proposals,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  submittedAt: row.submitted_at,
});

const withAuthor = (db: Db) =>
  db
    .selectFrom('monthly_reports')
    .leftJoin('users', 'users.id', 'monthly_reports.author_id')
    .selectAll('monthly_reports')
    .select('users.display_name as author_name');

/** The branch's report of `month`, if one was saved. */
async function find(db: Db, branchId: string, month: string): Promise<StoredMonthlyReport | undefined> {
  const row = await withAuthor(db).where('monthly_reports.branch_id', '=', branchId).where('monthly_reports.month', '=', month).executeTakeFirst();
  return row && toReport(row);
}

/** Every saved report of the branch, newest month first. */
async function list(db: Db, branchId: string): Promise<StoredMonthlyReport[]> {
  const rows = await withAuthor(db).where('monthly_reports.branch_id', '=', branchId).orderBy('monthly_reports.month', 'desc').execute();
  return rows.map(toReport);
}

async function insert(db: Db, report: { id: string; branchId: string; month: string; authorId: string; at: string } & MonthlyReportText): Promise<void> {
  await db
    .insertInto('monthly_reports')
    .values({
      id: report.id,
      branch_id: report.branchId,
      month: report.month,
      author_id: report.authorId,
      status: 'draft',
      customer_needs: report.customerNeeds,
      opinions: report.opinions,
      market_info: report.marketInfo,
      proposals: report.proposals,
      created_at: report.at,
      updated_at: report.at,
      submitted_at: null,
    })
    .execute();
}

/** Replaces a draft's text; false when it is no longer a draft (submitted meanwhile). */
async function updateDraft(db: Db, id: string, text: MonthlyReportText, authorId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('monthly_reports')
    .set({
      customer_needs: text.customerNeeds,
      opinions: text.opinions,
      market_info: text.marketInfo,
      proposals: text.proposals,
      author_id: authorId,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a draft submitted; false when it was not a draft. */
async function submit(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('monthly_reports')
    .set({ status: 'submitted', submitted_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MonthComplaintRow {
  id: string;
  category: ComplaintCategory;
  receivedAt: string;
  status: ComplaintStatus;
  outcome: string | null;
  repliedAt: string | null;
  replyDueAt: string;
}

/** Complaints received from `startsAt` (included) to `endsAt` (excluded), UTC instants; oldest first. */
async function complaintsReceived(db: Db, branchId: string, startsAt: string, endsAt: string): Promise<MonthComplaintRow[]> {
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'category', 'received_at', 'status', 'outcome', 'replied_at', 'reply_due_at'])
    .where('branch_id', '=', branchId)
    .where('received_at', '>=', startsAt)
    .where('received_at', '<', endsAt)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    receivedAt: r.received_at,
    status: r.status,
    outcome: r.outcome,
    repliedAt: r.replied_at,
    replyDueAt: r.reply_due_at,
  }));
}

/** The strictest target wait of the branch's services, in seconds (null: no services). */
async function strictestTargetSeconds(db: Db, branchId: string): Promise<number | null> {
  const row = await db
    .selectFrom('services')
    .select((eb) => eb.fn.min('target_wait_seconds').as('target'))
    .where('branch_id', '=', branchId)
    .executeTakeFirst();
  return row?.target === null || row?.target === undefined ? null : Number(row.target);
}

export const monthlyReportRepository = Object.freeze({ find, list, insert, updateDraft, submit, complaintsReceived, strictestTargetSeconds });
