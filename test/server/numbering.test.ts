import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { manualClock } from '../../server/src/lib/clock.js';

let t: TestApp;
afterEach(() => t.close());

const issue = async (prefix = 'A') =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } })).json();

describe('ticket numbers across business days', () => {
  beforeEach(async () => {
    // 23:58 in Shanghai (UTC+8).
    t = await createTestApp({ clock: manualClock('2026-11-23T15:58:00.000Z') });
  });

  it('restarts at A001 when the business day changes in the branch’s time zone', async () => {
    expect((await issue()).number).toBe('A001');
    expect((await issue()).number).toBe('A002');
    t.clock.set('2026-11-23T15:59:59.000Z');
    expect((await issue()).number).toBe('A003');
    t.clock.set('2026-11-23T16:00:01.000Z'); // 00:00:01 the next day in Shanghai
    // The server closes the past day within a minute; yesterday's tickets then give their numbers back.
    await t.app.lobby.dayClose.closePastDays(BRANCH);
    const next = await issue();
    expect(next.number).toBe('A001');
    const rows = await t.app.lobby.db.selectFrom('tickets').select(['number', 'business_day']).orderBy('issued_at').execute();
    expect(rows.map((r) => `${r.business_day} ${r.number}`)).toEqual([
      '2026-11-23 A001',
      '2026-11-23 A002',
      '2026-11-23 A003',
      '2026-11-24 A001',
    ]);
  });

  it('never gives a number still held by yesterday’s active ticket, before the day closes', async () => {
    const yesterday = await issue(); // A001 at 23:58, still waiting
    t.clock.set('2026-11-23T16:00:30.000Z');
    const today = await issue();
    expect(yesterday.number).toBe('A001');
    expect(today.number).toBe('A002');
  });

  it('follows the branch’s own time zone', async () => {
    await t.app.lobby.db.updateTable('branches').set({ time_zone: 'Europe/London' }).execute();
    await t.app.lobby.engine.reload(BRANCH);
    expect((await issue()).number).toBe('A001');
    t.clock.set('2026-11-23T16:00:01.000Z'); // still the 23rd in London
    expect((await issue()).number).toBe('A002');
  });
});

describe('wrapping after 999', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('goes from A999 to the lowest number no active ticket holds', async () => {
    const first = await issue(); // A001 stays waiting
    expect(first.number).toBe('A001');
    await t.app.lobby.db.updateTable('ticket_number_sequences').set({ last_number: 998 }).execute();
    await t.app.lobby.engine.reload(BRANCH);
    expect((await issue()).number).toBe('A999');
    expect((await issue()).number).toBe('A002');
  });

  it('refuses with 409 when all 999 numbers are active, without issuing', async () => {
    const day = '2026-11-23';
    const now = t.clock.now().toISOString();
    const rows = Array.from({ length: 999 }, (_, i) => ({
      id: `filler-${i + 1}`,
      branch_id: BRANCH,
      service_id: service('A'),
      number: `A${String(i + 1).padStart(3, '0')}`,
      business_day: day,
      tier: 'regular' as const,
      status: 'waiting' as const,
      customer_ref: null,
      issued_at: now,
      called_at: null,
      started_at: null,
      ended_at: null,
      counter_id: null,
      call_count: 0,
      diverted_to: null,
      issued_by: null,
      issue_estimate_seconds: null,
    }));
    for (let i = 0; i < rows.length; i += 100) await t.app.lobby.db.insertInto('tickets').values(rows.slice(i, i + 100)).execute();
    await t.app.lobby.db.insertInto('ticket_number_sequences').values({ branch_id: BRANCH, prefix: 'A', business_day: day, last_number: 999 }).execute();
    await t.app.lobby.engine.reload(BRANCH);
    const res = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NUMBERS_EXHAUSTED');
    expect(await t.app.lobby.db.selectFrom('tickets').select('id').execute()).toHaveLength(999);
  });
});
