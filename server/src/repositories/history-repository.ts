/** What already happened in a branch: the evidence behind wait estimates, forecasts and reports. */
import type { FinishedTicket } from '../domain/service-time.js';
import type { Db } from './db.js';

/** The business day of the branch's newest ticket (YYYY-MM-DD), or null before its first ticket. */
export async function latestBusinessDay(db: Db, branchId: string): Promise<string | null> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('business_day').as('day'))
    .where('branch_id', '=', branchId)
    .executeTakeFirst();
  return row?.day ?? null;
}

/** Tickets served or marked no-show from business day `fromDay` to `toDay` (inclusive), with their times. */
export async function finishedTickets(db: Db, branchId: string, fromDay: string, toDay: string): Promise<FinishedTicket[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['service_id', 'business_day', 'status', 'called_at', 'started_at', 'ended_at'])
    .where('branch_id', '=', branchId)
    .where('business_day', '>=', fromDay)
    .where('business_day', '<=', toDay)
    .where('status', 'in', ['done', 'no_show'])
    .where('ended_at', 'is not', null)
    .execute();
  return rows.map((r) => ({
    serviceId: r.service_id,
    businessDay: r.business_day,
    status: r.status as FinishedTicket['status'],
    calledAt: r.called_at,
    startedAt: r.started_at,
    endedAt: r.ended_at!,
  }));
}

/** Tickets issued from business day `fromDay` to `toDay` (inclusive), with what was promised and when they were called. */
export const issuedTickets = (db: Db, branchId: string, fromDay: string, toDay: string) =>
  db
    .selectFrom('tickets')
    .select(['service_id', 'tier', 'status', 'business_day', 'issued_at', 'called_at', 'issue_estimate_seconds'])
    .where('branch_id', '=', branchId)
    .where('business_day', '>=', fromDay)
    .where('business_day', '<=', toDay)
    .execute();
