/**
 * A fixture month for the monthly report (定期報告): October 2026 at the demo branch (Asia/Shanghai),
 * with a few days of tickets, ratings, complaints, referrals and diary notes, and September 2026 as
 * the month before. Written straight into the database; the figures are worked out by hand in
 * test/server/monthly-reports.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { TicketStatus } from '../../protocol/schemas.js';
import { BRANCH, counter, service } from './test-app.js';

export const FIXTURE_MONTH = '2026-10';
export const FIXTURE_PREVIOUS_MONTH = '2026-09';

/** Shanghai wall-clock time on `day`, as the UTC ISO string the database keeps. */
const local = (day: string, hhmm: string, plusSeconds = 0) => new Date(Date.parse(`${day}T${hhmm}:00+08:00`) + plusSeconds * 1000).toISOString();

interface Visit {
  day: string;
  at: string;
  prefix: string;
  status: TicketStatus;
  wait?: number;
  serve?: number;
  score?: number;
}

const visits = (day: string, rows: Omit<Visit, 'day'>[]): Visit[] => rows.map((row) => ({ day, ...row }));

// prettier-ignore
export const FIXTURE_VISITS: Visit[] = [
  // Monday 12 October: a busy 09:00 hour at counter 1.
  ...visits('2026-10-12', [
    { at: '09:00', prefix: 'A', status: 'done', wait: 60, serve: 300, score: 5 },
    { at: '09:10', prefix: 'A', status: 'done', wait: 120, serve: 300, score: 4 },
    { at: '09:20', prefix: 'A', status: 'done', wait: 300, serve: 300, score: 3 },
    { at: '09:30', prefix: 'A', status: 'done', wait: 600, serve: 300, score: 5 },
    { at: '09:40', prefix: 'A', status: 'done', wait: 900, serve: 300 },
    { at: '09:50', prefix: 'A', status: 'done', wait: 1200, serve: 300, score: 2 },
    { at: '10:00', prefix: 'A', status: 'done', wait: 100, serve: 200, score: 4 },
    { at: '10:20', prefix: 'A', status: 'done', wait: 100, serve: 200, score: 4 },
    { at: '11:00', prefix: 'A', status: 'no_show', wait: 300 },
    { at: '11:30', prefix: 'A', status: 'diverted' },
  ]),
  // Tuesday 13 October.
  ...visits('2026-10-13', [
    { at: '09:10', prefix: 'A', status: 'done', wait: 200, serve: 240, score: 5 },
    { at: '09:20', prefix: 'A', status: 'done', wait: 200, serve: 240, score: 5 },
    { at: '09:30', prefix: 'A', status: 'done', wait: 200, serve: 240, score: 5 },
    { at: '14:00', prefix: 'B', status: 'done', wait: 700, serve: 400 },
    { at: '14:30', prefix: 'A', status: 'cancelled' },
  ]),
  // Tuesday 15 September: the month before.
  ...visits('2026-09-15', [
    { at: '09:00', prefix: 'A', status: 'done', wait: 60, serve: 300, score: 3 },
    { at: '09:30', prefix: 'A', status: 'done', wait: 60, serve: 300, score: 3 },
    { at: '10:00', prefix: 'A', status: 'done', wait: 900, serve: 300, score: 3 },
  ]),
];

export const FIXTURE_COMPLAINT_OUTCOME = 'Apologised; a third counter now opens at 09:00 on Mondays';
export const FIXTURE_DIARY = {
  conversations: 'Pensioners ask for larger print on the forms',
  potentialCustomers: 'A shop owner asks about payroll services',
  problems: 'The queue at 09:00 is too long',
};

/** Writes the fixture month into the demo branch. */
export async function writeMonthlyFixture(db: Kysely<Database>): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'username']).execute();
  const userId = (username: string) => users.find((u) => u.username === username)!.id;
  const numbers = new Map<string, number>();
  for (const visit of FIXTURE_VISITS) {
    const id = randomUUID();
    const key = `${visit.day}${visit.prefix}`;
    numbers.set(key, (numbers.get(key) ?? 0) + 1);
    const issuedAt = local(visit.day, visit.at);
    const calledAt = visit.wait === undefined ? null : local(visit.day, visit.at, visit.wait);
    const endedAt =
      visit.status === 'done' ? new Date(Date.parse(calledAt!) + visit.serve! * 1000).toISOString() : local(visit.day, visit.at, (visit.wait ?? 0) + 120);
    const counterId = calledAt ? counter(visit.prefix === 'A' ? 1 : 2) : null;
    await db
      .insertInto('tickets')
      .values({
        id,
        branch_id: BRANCH,
        service_id: service(visit.prefix),
        number: `${visit.prefix}${String(numbers.get(key)).padStart(3, '0')}`,
        business_day: visit.day,
        tier: 'regular',
        status: visit.status,
        customer_ref: null,
        issued_at: issuedAt,
        called_at: calledAt,
        started_at: visit.status === 'done' ? calledAt : null,
        ended_at: endedAt,
        counter_id: counterId,
        call_count: calledAt ? 1 : 0,
        diverted_to: visit.status === 'diverted' ? 'atm' : null,
        issued_by: null,
        issue_estimate_seconds: null,
      })
      .execute();
    if (visit.score !== undefined) {
      await db
        .insertInto('ratings')
        .values({
          ticket_id: id,
          branch_id: BRANCH,
          business_day: visit.day,
          service_id: service(visit.prefix),
          counter_id: counterId,
          teller_id: userId('teller1'),
          score: visit.score,
          reason: null,
          comment: null,
          source: 'counter',
          at: endedAt,
        })
        .execute();
    }
  }

  const complaint = (receivedAt: string, category: 'waiting_time' | 'equipment', status: 'closed' | 'open', repliedAt: string | null, outcome: string | null) => ({
    id: randomUUID(),
    branch_id: BRANCH,
    received_at: receivedAt,
    channel: 'hall' as const,
    category,
    content: 'Fixture complaint',
    customer_name: 'Fixture customer',
    customer_phone: null,
    ticket_id: null,
    ticket_number: null,
    counter_id: null,
    teller_id: null,
    received_by: userId('manager'),
    handler_id: userId('manager'),
    status,
    reply_due_at: new Date(Date.parse(receivedAt) + 3 * 86_400_000).toISOString(),
    reply: repliedAt ? 'We are sorry' : null,
    replied_at: repliedAt,
    outcome,
    root_cause: null,
    fix: null,
    closed_at: status === 'closed' ? repliedAt : null,
    updated_at: repliedAt ?? receivedAt,
  });
  await db
    .insertInto('complaints')
    .values([
      complaint(local('2026-10-12', '10:30'), 'waiting_time', 'closed', local('2026-10-13', '11:00'), FIXTURE_COMPLAINT_OUTCOME),
      complaint(local('2026-10-13', '15:00'), 'equipment', 'open', null, null),
      complaint(local('2026-09-15', '10:00'), 'waiting_time', 'closed', local('2026-09-16', '10:00'), 'Apologised'),
    ])
    .execute();

  const referral = (createdAt: string, status: 'converted' | 'referred') => ({
    id: randomUUID(),
    branch_id: BRANCH,
    customer_id: null,
    ticket_id: null,
    ticket_number: null,
    customer_name: 'Fixture customer',
    customer_phone: null,
    need: 'Wealth management',
    product_interest: null,
    urgency: 'today' as const,
    referred_to: userId('wealth1'),
    referred_by: userId('manager'),
    status,
    note: null,
    created_at: createdAt,
    updated_at: createdAt,
  });
  await db.insertInto('referrals').values([referral(local('2026-10-12', '10:00'), 'converted'), referral(local('2026-10-13', '10:00'), 'referred')]).execute();

  const at = local('2026-10-13', '18:00');
  await db
    .insertInto('diary_entries')
    .values([
      { id: randomUUID(), branch_id: BRANCH, business_day: '2026-10-12', author_id: userId('manager'), focus: 'Monday rush', potential_customers: FIXTURE_DIARY.potentialCustomers, conversations: FIXTURE_DIARY.conversations, problems: FIXTURE_DIARY.problems, created_at: at, updated_at: at },
      { id: randomUUID(), branch_id: BRANCH, business_day: '2026-10-13', author_id: userId('manager'), focus: '', potential_customers: '', conversations: 'Two customers asked about FX rates', problems: '', created_at: at, updated_at: at },
    ])
    .execute();
}
