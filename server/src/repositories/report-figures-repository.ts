/**
 * The report figures in SQL (definitions: docs/reports.md). The database counts, averages and ranks;
 * nothing here loads a ticket into JavaScript. Medians and 90th percentiles come from window
 * functions (row_number and count over the group), which SQLite (≥ 3.25) and PostgreSQL share.
 * Times are UTC ISO text; the branch's hours come in as UTC offset spans (domain/zone-offsets.ts),
 * so the database needs no time zone support. The two dialect-specific expressions are in report-sql.ts.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { FiguresBreakdown } from '../../../protocol/report-routes.js';
import type { OffsetSpan } from '../domain/zone-offsets.js';
import type { Db } from './db.js';
import { countFaultyCheckItems, jsonText, secondsBetween } from './report-sql.js';

/** The period in the branch's calendar: business days and the UTC instants they span. */
export interface FiguresPeriod {
  branchId: string;
  from: string;
  to: string;
  /** The first instant of `from` and of the day after `to` (UTC ISO). */
  startsAt: string;
  endsAt: string;
  spans: readonly OffsetSpan[];
  /** Each business day's window, for counting events by day. */
  days: readonly { day: string; startsAt: string; endsAt: string }[];
}

/** One group's counts and times, as the database returns them (PostgreSQL counts come back as text). */
export interface QueueFigureRow {
  key: string | number | null;
  issued: number | string;
  served: number | string;
  no_shows: number | string;
  cancelled: number | string;
  still_open: number | string;
  diverted: number | string;
  transferred: number | string;
  called: number | string;
  mean_wait: number | string | null;
  median_wait: number | string | null;
  p90_wait: number | string | null;
  max_wait: number | string | null;
  timed: number | string;
  median_service: number | string | null;
  p90_service: number | string | null;
  within_target: number | string;
  priority: number | string;
  priority_mean_wait: number | string | null;
  vip: number | string;
  vip_mean_wait: number | string | null;
  rated: number | string;
  satisfied: number | string;
  mean_score: number | string | null;
  served_not_rated: number | string;
}

/**
 * The branch's hour of the day (0–23) at a UTC ISO timestamp: its UTC minutes of the day (from the
 * text, so no date function is needed) plus the offset of the span it falls in.
 */
function localHour(at: Expression<string>, spans: readonly OffsetSpan[]): RawBuilder<number> {
  const utcMinutes = sql`(cast(substr(${at}, 12, 2) as integer) * 60 + cast(substr(${at}, 15, 2) as integer))`;
  const last = spans[spans.length - 1]!;
  const offset =
    spans.length === 1
      ? sql.lit(last.offsetMinutes)
      : sql`case ${sql.join(
          spans.slice(0, -1).map((s) => sql`when ${at} < ${s.until} then ${sql.lit(s.offsetMinutes)}`),
          sql` `,
        )} else ${sql.lit(last.offsetMinutes)} end`;
  // Offsets lie within ±15 hours, so adding a day keeps the sum positive before the modulo.
  return sql<number>`(((${utcMinutes} + ${offset} + 1440) % 1440) / 60)`;
}

/** Counts as the database gives them: `count` or `sum(case …)`, null-safe. */
const countWhere = (condition: RawBuilder<unknown>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/**
 * One row per ticket of the period (its business day), with what the figures need: its first call
 * (the earliest `ticket.called` event; the ticket's own called_at where the log has none), whether
 * it was ever transferred, the teller of its last call (the counter's teller recorded with the call,
 * else who called), its wait and service time in seconds, its hour of issue and its rating.
 */
function ticketFacts(db: Db, period: FiguresPeriod) {
  // Each ticket's own events, found through the events_ticket_type index (a few per ticket): the
  // period's tickets lead, so a long history of events costs nothing.
  const visits = db
    .selectFrom('tickets as t')
    .select((eb) => [
      't.id',
      't.business_day',
      't.issued_at',
      't.called_at',
      't.started_at',
      't.ended_at',
      't.service_id',
      't.counter_id',
      't.tier',
      't.status',
      eb
        .selectFrom('events')
        .select((e) => e.fn.min('at').as('at'))
        .whereRef('ticket_id', '=', 't.id')
        .where('type', '=', 'ticket.called')
        .as('first_called_at'),
      eb
        .selectFrom('events')
        .select((e) => e.fn.max('seq').as('seq'))
        .whereRef('ticket_id', '=', 't.id')
        .where('type', '=', 'ticket.called')
        .as('last_call_seq'),
      eb
        .case()
        .when(eb.exists(eb.selectFrom('events').select('seq').whereRef('ticket_id', '=', 't.id').where('type', '=', 'ticket.transferred')))
        .then(1)
        .else(0)
        .end()
        .as('transferred'),
    ])
    .where('t.branch_id', '=', period.branchId)
    .where('t.business_day', '>=', period.from)
    .where('t.business_day', '<=', period.to);
  const firstCall = sql<string | null>`coalesce(v.first_called_at, v.called_at)`;
  const nonNegative = (seconds: RawBuilder<number | null>) => sql<number | null>`case when ${seconds} < 0 then 0 else ${seconds} end`;
  return db
    .selectFrom(visits.as('v'))
    .innerJoin('services as s', 's.id', 'v.service_id')
    .leftJoin('events as lc', (join) => join.on('lc.branch_id', '=', period.branchId).onRef('lc.seq', '=', 'v.last_call_seq'))
    .leftJoin('ratings as r', 'r.ticket_id', 'v.id')
    .select((eb) => [
      'v.business_day as day',
      localHour(eb.ref('v.issued_at'), period.spans).as('hour'),
      'v.service_id',
      'v.counter_id',
      sql<string | null>`coalesce(${jsonText(db, eb.ref('lc.payload'), 'counter.tellerId')}, lc.actor_id)`.as('teller_id'),
      'v.tier',
      'v.status',
      's.target_wait_seconds as target',
      'v.transferred',
      nonNegative(secondsBetween(db, eb.ref('v.issued_at'), firstCall)).as('wait_seconds'),
      eb
        .case()
        .when(eb.and([eb('v.status', '=', 'done'), eb('v.started_at', 'is not', null), eb('v.ended_at', 'is not', null)]))
        .then(nonNegative(secondsBetween(db, eb.ref('v.started_at'), eb.ref('v.ended_at'))))
        .end()
        .as('service_seconds'),
      'r.score',
    ]);
}

const BREAKDOWN_COLUMN = { day: 'day', hour: 'hour', service: 'service_id', counter: 'counter_id', teller: 'teller_id' } as const;

/**
 * The queue figures of the period's tickets, one row per group of `by` (one row, key null, for the
 * total), of one teller's tickets only when `tellerId` is given.
 */
async function queueFigures(db: Db, period: FiguresPeriod, by: FiguresBreakdown | null, tellerId: string | null): Promise<QueueFigureRow[]> {
  const key = by ? sql.ref(`f.${BREAKDOWN_COLUMN[by]}`) : sql`null`;
  // Values first, then nulls, in both databases (they sort nulls differently): ranks 1…n are the measured values.
  const rank = (column: string) =>
    sql<number>`row_number() over (partition by ${key} order by case when ${sql.ref(column)} is null then 1 else 0 end, ${sql.ref(column)})`;
  const rows = await db
    .with('f', () => ticketFacts(db, period))
    .with('ranked', (qb) => {
      let ranked = qb.selectFrom('f').selectAll('f').select([
        sql`${key}`.as('k'),
        rank('f.wait_seconds').as('wait_rank'),
        sql<number>`count(f.wait_seconds) over (partition by ${key})`.as('wait_n'),
        rank('f.service_seconds').as('service_rank'),
        sql<number>`count(f.service_seconds) over (partition by ${key})`.as('service_n'),
      ]);
      if (tellerId !== null) ranked = ranked.where('f.teller_id', '=', tellerId);
      return ranked;
    })
    .selectFrom('ranked')
    .select((eb) => [
      sql<string | number | null>`k`.as('key'),
      eb.fn.countAll<number>().as('issued'),
      countWhere(sql`status = 'done'`).as('served'),
      countWhere(sql`status = 'no_show'`).as('no_shows'),
      countWhere(sql`status = 'cancelled'`).as('cancelled'),
      countWhere(sql`status in ('waiting', 'called', 'serving')`).as('still_open'),
      countWhere(sql`status = 'diverted'`).as('diverted'),
      countWhere(sql`transferred = 1`).as('transferred'),
      eb.fn.count<number>('wait_seconds').as('called'),
      eb.fn.avg<number | null>('wait_seconds').as('mean_wait'),
      // The median: the middle value, or the mean of the two middle ones.
      sql<number | null>`avg(case when wait_rank in ((wait_n + 1) / 2, (wait_n + 2) / 2) then wait_seconds end)`.as('median_wait'),
      // The 90th percentile by nearest rank: the value at rank ⌈0.9 n⌉ = (9n + 9) / 10 in integers.
      sql<number | null>`max(case when wait_rank = (9 * wait_n + 9) / 10 then wait_seconds end)`.as('p90_wait'),
      eb.fn.max<number | null>('wait_seconds').as('max_wait'),
      eb.fn.count<number>('service_seconds').as('timed'),
      sql<number | null>`avg(case when service_rank in ((service_n + 1) / 2, (service_n + 2) / 2) then service_seconds end)`.as('median_service'),
      sql<number | null>`max(case when service_rank = (9 * service_n + 9) / 10 then service_seconds end)`.as('p90_service'),
      countWhere(sql`wait_seconds <= target`).as('within_target'),
      countWhere(sql`tier = 'priority'`).as('priority'),
      sql<number | null>`avg(case when tier = 'priority' then wait_seconds end)`.as('priority_mean_wait'),
      countWhere(sql`tier = 'vip'`).as('vip'),
      sql<number | null>`avg(case when tier = 'vip' then wait_seconds end)`.as('vip_mean_wait'),
      eb.fn.count<number>('score').as('rated'),
      countWhere(sql`score >= 4`).as('satisfied'),
      sql<number | null>`avg(cast(score as double precision))`.as('mean_score'),
      countWhere(sql`status = 'done' and score is null`).as('served_not_rated'),
    ])
    .groupBy('k')
    .orderBy('k')
    .execute();
  return rows as QueueFigureRow[];
}

/**
 * Customers the kiosk sent to a self-service machine before they took a ticket (`customer.diverted`
 * events), in the period's instants, by `by`: their business day, hour, or the service they had
 * chosen. They reached no counter or teller, so those breakdowns put them under key null.
 */
async function kioskDiversions(db: Db, period: FiguresPeriod, by: FiguresBreakdown | null): Promise<{ key: string | number | null; diverted: number | string }[]> {
  const query = db
    .selectFrom('events as e')
    .where('e.branch_id', '=', period.branchId)
    .where('e.type', '=', 'customer.diverted')
    .where('e.at', '>=', period.startsAt)
    .where('e.at', '<', period.endsAt);
  if (by === 'day') {
    // Each business day's window as a table of values (columns column1…3 in both databases).
    const days = sql<{ column1: string; column2: string; column3: string }>`(values ${sql.join(
      period.days.map((d) => sql`(${d.day}, ${d.startsAt}, ${d.endsAt})`),
    )})`;
    return query
      .innerJoin(days.as('d'), (join) => join.onRef('e.at', '>=', 'd.column2').onRef('e.at', '<', 'd.column3'))
      .select((eb) => ['d.column1 as key', eb.fn.countAll<number>().as('diverted')])
      .groupBy('d.column1')
      .execute();
  }
  if (by === 'hour' || by === 'service') {
    const key: RawBuilder<string | number | null> = by === 'hour' ? localHour(sql.ref('e.at'), period.spans) : jsonText(db, sql.ref('e.payload'), 'diversion.serviceId');
    return query
      .select((eb) => [key.as('key'), eb.fn.countAll<number>().as('diverted')])
      .groupBy(key)
      .execute();
  }
  return query.select((eb) => [sql<null>`null`.as('key'), eb.fn.countAll<number>().as('diverted')]).execute();
}

/** Complaints received in the period, by category: replied by the deadline, late, awaiting, overdue at `now`. */
function complaintsByCategory(db: Db, period: FiguresPeriod, now: string) {
  return db
    .selectFrom('complaints')
    .select((eb) => [
      'category',
      eb.fn.countAll<number>().as('received'),
      countWhere(sql`replied_at is not null and replied_at <= reply_due_at`).as('replied_in_time'),
      countWhere(sql`replied_at is not null and replied_at > reply_due_at`).as('replied_late'),
      countWhere(sql`replied_at is null and reply_due_at >= ${now}`).as('awaiting_reply'),
      countWhere(sql`replied_at is null and reply_due_at < ${now}`).as('overdue'),
    ])
    .where('branch_id', '=', period.branchId)
    .where('received_at', '>=', period.startsAt)
    .where('received_at', '<', period.endsAt)
    .groupBy('category')
    .orderBy('category')
    .execute();
}

/** Referrals made in the period, by where they stand now. */
function referralsByStatus(db: Db, period: FiguresPeriod) {
  return db
    .selectFrom('referrals')
    .select((eb) => ['status', eb.fn.countAll<number>().as('referrals')])
    .where('branch_id', '=', period.branchId)
    .where('created_at', '>=', period.startsAt)
    .where('created_at', '<', period.endsAt)
    .groupBy('status')
    .orderBy('status')
    .execute();
}

/** Equipment faults of the period, as the work diary counts them (diary-figures-repository.ts). */
async function faults(db: Db, period: FiguresPeriod) {
  const [machines, devices, checkItems] = await Promise.all([
    db
      .selectFrom('machines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('branch_id', '=', period.branchId)
      .where('fault_at', '>=', period.startsAt)
      .where('fault_at', '<', period.endsAt)
      .executeTakeFirst(),
    db
      .selectFrom('device_faults')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('branch_id', '=', period.branchId)
      .where('at', '>=', period.startsAt)
      .where('at', '<', period.endsAt)
      .executeTakeFirst(),
    countFaultyCheckItems(db, period.branchId, period.from, period.to),
  ]);
  return { machines: Number(machines?.n ?? 0), devices: Number(devices?.n ?? 0), checkItems };
}

/**
 * Counters' pauses that began in the period, by reason (午膳, 培訓, 業務處理, other): how many, and how
 * long each lasted — until the counter's next open, pause or close, or `now` for one still paused.
 * The next change is found with a window function over each counter's own events.
 */
function pausesByReason(db: Db, period: FiguresPeriod, now: string) {
  const changes = db
    .selectFrom('events')
    .select([
      'counter_id',
      'type',
      'at',
      jsonText(db, sql.ref('payload'), 'counter.pauseReason').as('reason'),
      sql<string | null>`lead(at) over (partition by counter_id order by seq)`.as('next_at'),
    ])
    .where('branch_id', '=', period.branchId)
    .where('type', 'in', ['counter.opened', 'counter.paused', 'counter.closed'])
    // No upper bound: a pause begun on the period's last day may end after it.
    .where('at', '>=', period.startsAt);
  return db
    .selectFrom(changes.as('c'))
    .select((eb) => [
      sql<string>`coalesce(c.reason, 'other')`.as('reason'),
      eb.fn.countAll<number>().as('pauses'),
      sql<number>`coalesce(sum(${secondsBetween(db, sql.ref('c.at'), sql`coalesce(c.next_at, ${now})`)}), 0)`.as('seconds'),
    ])
    .where('c.type', '=', 'counter.paused')
    .where('c.at', '<', period.endsAt)
    .groupBy(sql`coalesce(c.reason, 'other')`)
    .execute();
}

/** Display labels of the breakdown's keys: services' prefixes, counters' numbers, tellers' names. */
async function labels(db: Db, branchId: string, by: FiguresBreakdown, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  if (by === 'service') {
    const rows = await db.selectFrom('services').select(['id', 'prefix']).where('branch_id', '=', branchId).execute();
    return new Map(rows.map((r) => [r.id, r.prefix]));
  }
  if (by === 'counter') {
    const rows = await db.selectFrom('counters').select(['id', 'number']).where('branch_id', '=', branchId).execute();
    return new Map(rows.map((r) => [r.id, String(r.number)]));
  }
  if (by === 'teller') {
    // Not by branch: an admin, who works across branches, may have served.
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', keys).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
  return new Map();
}

export const reportFiguresRepository = Object.freeze({ queueFigures, kioskDiversions, complaintsByCategory, referralsByStatus, faults, pausesByReason, labels });
