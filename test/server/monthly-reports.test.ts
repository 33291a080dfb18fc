/**
 * The monthly report (定期報告): October 2026 of the demo branch (test/helpers/monthly-fixture.ts)
 * against September, its figures worked out by hand and checked against the figures API; the text
 * prefilled from the diary, saved as a draft, submitted and then locked; who may read and write it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../protocol/monthly-report-routes.js';
import type { FiguresReport, RecordFiguresReport } from '../../protocol/report-routes.js';
import { staffing } from '../../server/src/domain/erlang-c.js';
import { FIXTURE_COMPLAINT_OUTCOME, FIXTURE_DIARY, FIXTURE_MONTH, FIXTURE_PREVIOUS_MONTH, writeMonthlyFixture } from '../helpers/monthly-fixture.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';

const BASE = `/api/branches/${BRANCH}/monthly-reports`;
const TEXT = { customerNeeds: 'Larger print on forms', opinions: 'Mondays are slow', marketInfo: 'A shop owner wants payroll', proposals: 'Open counter 3 at 09:00 on Mondays' };

let t: TestApp;
let manager: Record<string, string>;

async function get<T>(url: string, headers = manager): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  await writeMonthlyFixture(t.app.lobby.db);
  manager = await t.as('manager');
});
afterAll(() => t.close());

describe('the month at a glance', () => {
  it('gives the fixture month and the month before as worked out by hand', async () => {
    const report = await get<MonthlyReport>(`${BASE}/${FIXTURE_MONTH}`);
    expect(report.previousMonth).toBe(FIXTURE_PREVIOUS_MONTH);
    expect(report.current).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      issued: 15,
      served: 12,
      // Thirteen called: 60 120 300 600 900 1200 100 100 300 | 200 200 200 700 = 4980 s.
      meanWaitSeconds: expect.closeTo(4980 / 13, 6),
      // Nearest rank ⌈0.9 × 13⌉ = 12th of the sorted waits.
      p90WaitSeconds: 900,
      // Within 600 s (A and B's target): all but 900, 1200 and 700.
      serviceLevel: 10 / 13,
      noShows: 1,
      diversions: 1,
      meanRating: 4.2,
      ratedShare: 10 / 12,
      complaintsReceived: 2,
      complaintsRepliedInTime: 1,
    });
    expect(report.previous).toMatchObject({
      from: '2026-09-01',
      to: '2026-09-30',
      issued: 3,
      served: 3,
      meanWaitSeconds: 340,
      serviceLevel: 2 / 3,
      meanRating: 3,
      ratedShare: 1,
      complaintsReceived: 1,
      complaintsRepliedInTime: 1,
    });
  });

  it('takes every figure from the figures API of the same month', async () => {
    const report = await get<MonthlyReport>(`${BASE}/${FIXTURE_MONTH}`);
    const figures = await get<FiguresReport>(`/api/branches/${BRANCH}/reports/figures?from=2026-10-01&to=2026-10-31`);
    const records = await get<RecordFiguresReport>(`/api/branches/${BRANCH}/reports/records?from=2026-10-01&to=2026-10-31`);
    expect(report.current.served).toBe(figures.total.served);
    expect(report.current.meanWaitSeconds).toBe(figures.total.wait.meanSeconds);
    expect(report.current.p90WaitSeconds).toBe(figures.total.wait.p90Seconds);
    expect(report.current.serviceLevel).toBe(figures.total.serviceLevel.share);
    expect(report.current.diversions).toBe(figures.total.divertedAtKiosk + figures.total.divertedByManager);
    expect(report.current.meanRating).toBe(figures.total.ratings.meanScore);
    expect(report.current.complaintsReceived).toBe(records.complaints.received);
    expect(report.referrals).toEqual(records.referrals);
    expect(report.faults).toEqual(records.faults);
  });

  it('names the busiest hours and days, and the counters Erlang C suggests for the busiest hour', async () => {
    const report = await get<MonthlyReport>(`${BASE}/${FIXTURE_MONTH}`);
    // Hour 09: six tickets on the 12th and three on the 13th, over two days with tickets.
    expect(report.busiestHours[0]).toMatchObject({ hour: '09', issued: 9, arrivalsPerHour: 4.5 });
    // The strictest target of the demo services is the VIP lane's 300 s; the hour's median service is 300 s.
    expect(report.staffingTarget).toEqual({ targetSeconds: 300, serviceLevel: 0.8 });
    const expected = staffing({ arrivalsPerHour: 4.5, meanServiceSeconds: 300, targetSeconds: 300, serviceLevel: 0.8 }).counters;
    expect(report.busiestHours[0]!.suggestedCounters).toBe(expected);
    expect(expected).toBe(2);
    expect(report.busiestDays.map((d) => [d.day, d.issued])).toEqual([
      ['2026-10-12', 10],
      ['2026-10-13', 5],
    ]);
  });

  it('lists the month’s complaints with how each was settled, and audits the read', async () => {
    const report = await get<MonthlyReport>(`${BASE}/${FIXTURE_MONTH}`);
    expect(report.complaints.map((c) => [c.category, c.status, c.outcome])).toEqual([
      ['waiting_time', 'closed', FIXTURE_COMPLAINT_OUTCOME],
      ['equipment', 'open', null],
    ]);
    const audit = await t.app.lobby.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'complaint').where('action', '=', 'read').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(report.referrals.byOutcome.filter((o) => o.referrals > 0)).toEqual([
      { status: 'referred', referrals: 1 },
      { status: 'converted', referrals: 1 },
    ]);
  });
});

describe('the text part', () => {
  it('is prefilled from the month’s diary notes, oldest day first, while nothing is saved', async () => {
    const report = await get<MonthlyReport>(`${BASE}/${FIXTURE_MONTH}`);
    expect(report.status).toBe('none');
    expect(report.prefilled).toBe(true);
    expect(report.text).toEqual({
      customerNeeds: `2026-10-12 ${FIXTURE_DIARY.conversations}\n2026-10-13 Two customers asked about FX rates`,
      opinions: `2026-10-12 ${FIXTURE_DIARY.problems}`,
      marketInfo: `2026-10-12 ${FIXTURE_DIARY.potentialCustomers}`,
      proposals: '',
    });
  });

  it('is saved as a draft, submitted, and then locked', async () => {
    const month = '2026-08';
    const noDraft = await t.app.inject({ method: 'POST', url: `${BASE}/${month}/submit`, headers: manager });
    expect(noDraft.statusCode).toBe(409);

    const saved = await t.app.inject({ method: 'PUT', url: `${BASE}/${month}`, headers: manager, payload: TEXT });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ month, status: 'draft', submittedAt: null });
    const draft = await get<MonthlyReport>(`${BASE}/${month}`);
    expect(draft).toMatchObject({ status: 'draft', prefilled: false, text: TEXT });

    const changed = { ...TEXT, proposals: 'Open counter 3 at 09:00 every day' };
    expect((await t.app.inject({ method: 'PUT', url: `${BASE}/${month}`, headers: manager, payload: changed })).statusCode).toBe(200);

    const submitted = await t.app.inject({ method: 'POST', url: `${BASE}/${month}/submit`, headers: manager });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: t.clock.now().toISOString() });

    const again = await t.app.inject({ method: 'PUT', url: `${BASE}/${month}`, headers: manager, payload: TEXT });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RECORD_LOCKED');
    expect((await t.app.inject({ method: 'POST', url: `${BASE}/${month}/submit`, headers: manager })).json().code).toBe('RECORD_LOCKED');
    expect((await get<MonthlyReport>(`${BASE}/${month}`)).text.proposals).toBe(changed.proposals);

    const list = await get<{ reports: { month: string; status: string; authorName: string }[] }>(BASE);
    expect(list.reports).toContainEqual(expect.objectContaining({ month, status: 'submitted', authorName: 'Lobby manager 大堂經理' }));
  });
});

describe('who may and bad input', () => {
  it('drops a field the text does not have, as every route of the server does', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `${BASE}/2026-05`, headers: manager, payload: { ...TEXT, mood: 'good' } });
    expect(res.statusCode).toBe(200);
    expect((await get<MonthlyReport>(`${BASE}/2026-05`)).text).toEqual(TEXT);
  });

  it('refuses tellers and account managers, and lets the admin read', async () => {
    for (const user of ['teller1', 'wealth1']) {
      const headers = await t.as(user);
      expect((await t.app.inject({ method: 'GET', url: `${BASE}/${FIXTURE_MONTH}`, headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'PUT', url: `${BASE}/2026-07`, headers, payload: TEXT })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: BASE, headers: t.kiosk })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${BASE}/${FIXTURE_MONTH}`, headers: await t.as('admin') })).statusCode).toBe(200);
  });

  it.each([
    ['a month that is not YYYY-MM', 'GET', `${BASE}/2026-13`, undefined, 'params/month'],
    ['a month that has not begun', 'GET', `${BASE}/2027-01`, undefined, 'params/month'],
    ['a missing field', 'PUT', `${BASE}/2026-06`, { customerNeeds: '', opinions: '', marketInfo: '' }, 'proposals'],
    ['a text too long', 'PUT', `${BASE}/2026-06`, { ...TEXT, proposals: 'x'.repeat(8001) }, 'body/proposals'],
  ])('refuses %s with a 400 naming the field, and saves nothing', async (_what, method, url, payload, field) => {
    const res = await t.app.inject({ method: method as 'GET', url, headers: manager, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain(field);
    const stored = await t.app.lobby.db.selectFrom('monthly_reports').select('month').where('month', '=', '2026-06').execute();
    expect(stored).toEqual([]);
  });
});
