import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { businessDay } from '../../server/src/domain/business-day.js';
import { startOfDay } from '../../server/src/domain/complaint-rules.js';
import { DEMO_HISTORY_DAYS, historyDays, seedDemoHistory, type DemoHistorySummary } from '../../server/src/seed/demo-history.js';
import { tableDigest } from '../helpers/table-digest.js';
import { BRANCH, createTestApp, MORNING, type TestApp } from '../helpers/test-app.js';

/** The test apps' "today": Monday 2026-11-23 in Shanghai. */
const TODAY = businessDay(new Date(MORNING), 'Asia/Shanghai');
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

let t: TestApp;
let summary: DemoHistorySummary;
let elapsedMs: number;
let cpuMs: number;

beforeAll(async () => {
  t = await createTestApp();
  const cpu = process.cpuUsage();
  const started = performance.now();
  summary = (await seedDemoHistory(t.app.lobby.db, t.clock))!;
  elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  cpuMs = (used.user + used.system) / 1000;
  console.log(`demo history: ${summary.tickets} tickets, ${summary.events} events in ${Math.round(elapsedMs)} ms (${Math.round(cpuMs)} ms of CPU)`);
}, 120_000);
afterAll(() => t?.close());

const db = () => t.app.lobby.db;
const tickets = () => db().selectFrom('tickets').selectAll().where('branch_id', '=', BRANCH).execute();

describe('the demo branch’s past', () => {
  it('is not written for test apps: a fresh demo database has no tickets until a test asks', async () => {
    const fresh = await createTestApp();
    try {
      expect(await fresh.app.lobby.db.selectFrom('tickets').select('id').execute()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('is generated in well under the first start’s 10 seconds of budget (a generous bound on a loaded machine)', () => {
    expect(summary.tickets).toBeGreaterThan(0);
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it('covers the 60 business days before today: no weekend, nothing today', async () => {
    const days = (await db().selectFrom('tickets').select('business_day').distinct().orderBy('business_day').execute()).map((r) => r.business_day);
    expect(days).toHaveLength(DEMO_HISTORY_DAYS);
    expect(days).toEqual(summary.days);
    expect(days.filter((d) => weekday(d) === 0 || weekday(d) === 6)).toEqual([]);
    expect(days.at(-1)).toBe('2026-11-20'); // the Friday before Monday the 23rd
    expect(days.every((d) => d < TODAY)).toBe(true);
  });

  it('leaves today empty: no ticket, event or record from the start of today on', async () => {
    const todayStarts = startOfDay(TODAY, 'Asia/Shanghai').toISOString();
    const { rows } = await sql<{ late: number }>`
      select (select count(*) from tickets where business_day >= ${TODAY} or ended_at >= ${todayStarts})
           + (select count(*) from events where at >= ${todayStarts})
           + (select count(*) from ratings where at >= ${todayStarts})
           + (select count(*) from complaints where updated_at >= ${todayStarts} or replied_at >= ${todayStarts} or closed_at >= ${todayStarts})
           + (select count(*) from referrals where updated_at >= ${todayStarts})
           + (select count(*) from hall_checks where business_day >= ${TODAY})
           + (select count(*) from diary_entries where business_day >= ${TODAY}) as late`.execute(db());
    expect(rows[0]!.late).toBe(0);
  });

  it('has a bank’s number of customers a day, more on Mondays than on Wednesdays', async () => {
    const perDay = new Map<string, number>();
    for (const ticket of await tickets()) perDay.set(ticket.business_day, (perDay.get(ticket.business_day) ?? 0) + 1);
    for (const count of perDay.values()) {
      expect(count).toBeGreaterThanOrEqual(120);
      expect(count).toBeLessThanOrEqual(450);
    }
    const onWeekday = (n: number) => mean([...perDay].filter(([day]) => weekday(day) === n).map(([, count]) => count));
    expect(onWeekday(1)).toBeGreaterThan(onWeekday(3) * 1.15);
  });

  it('keeps every ticket’s times in order: issued ≤ called ≤ started ≤ ended', async () => {
    const all = await tickets();
    const disordered = all.filter((x) => {
      const times = [x.issued_at, x.called_at, x.started_at, x.ended_at].filter((at): at is string => at !== null);
      return times.some((at, i) => i > 0 && at < times[i - 1]!);
    });
    expect(disordered).toEqual([]);
    // Served tickets have every time; a no-show was called but never started; diverted ones were never called.
    expect(all.filter((x) => x.status === 'done' && (!x.called_at || !x.started_at || !x.ended_at || !x.counter_id))).toEqual([]);
    expect(all.filter((x) => x.status === 'no_show' && (!x.called_at || x.started_at || !x.ended_at))).toEqual([]);
    expect(all.filter((x) => x.status === 'diverted' && (x.called_at || !x.diverted_to))).toEqual([]);
    const statuses = new Set(all.map((x) => x.status));
    expect(statuses).toContain('no_show');
    expect(statuses).toContain('diverted');
    expect([...statuses].filter((s) => !['done', 'no_show', 'diverted', 'cancelled'].includes(s))).toEqual([]);
  });

  it('never has one counter serving two customers at once', async () => {
    const visits = await db()
      .selectFrom('tickets')
      .select(['counter_id', 'called_at', 'ended_at'])
      .where('called_at', 'is not', null)
      .orderBy('counter_id')
      .orderBy('called_at')
      .execute();
    const overlaps = visits.filter((v, i) => i > 0 && visits[i - 1]!.counter_id === v.counter_id && v.called_at! < visits[i - 1]!.ended_at!);
    expect(overlaps).toEqual([]);
  });

  it('restarts numbers each day for each service, and records the day’s last number', async () => {
    const byDayAndPrefix = new Map<string, number[]>();
    for (const ticket of (await tickets()).sort((a, b) => a.issued_at.localeCompare(b.issued_at))) {
      const key = `${ticket.business_day} ${ticket.number[0]}`;
      byDayAndPrefix.set(key, [...(byDayAndPrefix.get(key) ?? []), Number(ticket.number.slice(1))]);
    }
    for (const numbers of byDayAndPrefix.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const sequences = await db().selectFrom('ticket_number_sequences').selectAll().execute();
    expect(new Map(sequences.map((s) => [`${s.business_day} ${s.prefix}`, s.last_number]))).toEqual(
      new Map([...byDayAndPrefix].map(([key, numbers]) => [key, numbers.length])),
    );
  });

  it('logs events as the engine does: in sequence and time order, the branch’s sequence moved past them', async () => {
    const events = await db().selectFrom('events').select(['seq', 'type', 'at', 'ticket_id', 'counter_id', 'payload']).orderBy('seq').execute();
    expect(events).toHaveLength(summary.events);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e, i) => i > 0 && e.at < events[i - 1]!.at)).toEqual([]);
    const branch = await db().selectFrom('branches').select('last_seq').where('id', '=', BRANCH).executeTakeFirstOrThrow();
    expect(branch.last_seq).toBe(events.length);
    const called = events.find((e) => e.type === 'ticket.called')!;
    const payload = JSON.parse(called.payload);
    expect(payload.ticket).toMatchObject({ id: called.ticket_id, status: 'called', callCount: 1 });
    expect(payload.counter).toMatchObject({ id: called.counter_id, status: 'open', currentTicketId: called.ticket_id });
    expect(payload.counter.tellerId).toEqual(expect.any(String));
    // Each served ticket: issued, called, started, completed.
    const served = (await tickets()).find((x) => x.status === 'done')!;
    expect(events.filter((e) => e.ticket_id === served.id).map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called', 'ticket.started', 'ticket.completed']);
  });

  it('peaks at opening and at lunchtime in the arrivals-by-hour report', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/branches/${BRANCH}/reports/arrivals-by-hour?from=${summary.days[0]}&to=${summary.days.at(-1)}`,
      headers: await t.as('manager'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.days).toBe(DEMO_HISTORY_DAYS);
    const byHour: number[] = report.services.reduce((sum: number[], s: { ticketsByHour: number[] }) => sum.map((n, h) => n + s.ticketsByHour[h]!), Array(24).fill(0));
    expect(byHour.reduce((a, b) => a + b, 0)).toBe(summary.tickets);
    expect(byHour.slice(0, 9).concat(byHour.slice(17))).toEqual(Array(16).fill(0)); // 09:00–17:00 only
    expect(byHour[9]).toBeGreaterThan(byHour[11]! * 1.3); // the crowd at the door
    expect(byHour[12]).toBeGreaterThan(byHour[11]! * 1.3); // lunchtime
    expect(byHour[12]).toBeGreaterThan(byHour[15]! * 1.3);
    for (const s of report.services) expect(s.completedTickets).toBeGreaterThan(0);
  });

  it('gives the estimate-accuracy report real figures', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/branches/${BRANCH}/reports/estimate-accuracy?from=${summary.days[0]}&to=${summary.days.at(-1)}`,
      headers: await t.as('manager'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { overall } = res.json();
    expect(overall.tickets).toBeGreaterThan(summary.tickets * 0.9);
    expect(overall.meanAbsoluteErrorSeconds).toBeGreaterThan(0);
    expect(overall.meanAbsoluteErrorSeconds).toBeLessThan(15 * 60);
    expect(overall.withinFiveMinutesShare).toBeGreaterThan(0.5);
  });

  it('has the lobby manager’s records in plausible numbers', async () => {
    const served = (await tickets()).filter((x) => x.status === 'done').length;
    const ratings = await db().selectFrom('ratings').select(['score', 'reason']).execute();
    expect(ratings.length / served).toBeGreaterThan(0.35);
    expect(ratings.length / served).toBeLessThan(0.45);
    expect(ratings.filter((r) => r.score >= 4).length / ratings.length).toBeGreaterThan(0.8);
    expect(ratings.filter((r) => (r.score <= 2) !== (r.reason !== null))).toEqual([]);

    const weeks = DEMO_HISTORY_DAYS / 5;
    const complaints = await db().selectFrom('complaints').select(['status', 'reply_due_at', 'replied_at']).execute();
    expect(complaints.length / weeks).toBeGreaterThanOrEqual(1);
    expect(complaints.length / weeks).toBeLessThanOrEqual(3);
    const replied = complaints.filter((c) => c.replied_at !== null);
    const inTime = replied.filter((c) => c.replied_at! <= c.reply_due_at).length / replied.length;
    expect(inTime).toBeGreaterThan(0.6);
    expect(inTime).toBeLessThan(1.01);

    const count = async (table: 'referrals' | 'diary_entries' | 'hall_checks' | 'device_faults' | 'survey_answers' | 'surveys') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('referrals')).toBeGreaterThan(DEMO_HISTORY_DAYS / 2);
    expect(await count('diary_entries')).toBeGreaterThan(DEMO_HISTORY_DAYS / 3);
    expect(await count('hall_checks')).toBeGreaterThan(DEMO_HISTORY_DAYS);
    expect(await count('device_faults')).toBeGreaterThan(0);
    expect(await count('surveys')).toBe(1);
    expect(await count('survey_answers')).toBeGreaterThan(0);
  });

  it('is written once: on a database that has tickets it changes nothing', async () => {
    const before = await tableDigest(db());
    expect(await seedDemoHistory(db(), t.clock)).toBeNull();
    expect(await tableDigest(db())).toEqual(before);
  });

  it('is the same every time: two fresh demo databases get the same tables', async () => {
    const [a, b] = [await createTestApp(), await createTestApp()];
    try {
      expect(await tableDigest(a.app.lobby.db)).toEqual(await tableDigest(b.app.lobby.db));
      await seedDemoHistory(a.app.lobby.db, a.clock);
      await seedDemoHistory(b.app.lobby.db, b.clock);
      expect(await tableDigest(a.app.lobby.db)).toEqual(await tableDigest(b.app.lobby.db));
      // And the same as this file's own run, event for event.
      const digest = await tableDigest(a.app.lobby.db);
      const mine = await tableDigest(db());
      for (const table of ['tickets', 'events', 'ratings', 'complaints', 'referrals', 'ticket_number_sequences']) expect(digest[table], table).toBe(mine[table]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 120_000);

  it('skips the branch’s holidays as well as weekends', async () => {
    expect(historyDays('2026-11-23', 5, ['2026-11-19'])).toEqual(['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20']);
    const other = await createTestApp();
    try {
      const settings = { holidays: ['2026-11-19'] };
      await other.app.lobby.db.updateTable('branches').set({ settings: JSON.stringify(settings) }).where('id', '=', BRANCH).execute();
      const written = await seedDemoHistory(other.app.lobby.db, other.clock, { days: 5 });
      expect(written?.days).toEqual(['2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20']);
      const days = await other.app.lobby.db.selectFrom('tickets').select('business_day').distinct().execute();
      expect(days.map((d) => d.business_day)).not.toContain('2026-11-19');
    } finally {
      await other.close();
    }
  });
});

describe('LOBBYFLOW_DEMO_HISTORY', () => {
  it('is on by default and turned off with 0', () => {
    expect(readConfig({}).demoHistory).toBe(true);
    expect(readConfig({ LOBBYFLOW_DEMO_HISTORY: '0' }).demoHistory).toBe(false);
    expect(readConfig({ LOBBYFLOW_DEMO_HISTORY: '1' }).demoHistory).toBe(true);
  });
});
