/**
 * The work diary (大堂經理工作日誌) through the API: the manager writes their own entry for the day
 * and may change it until the end of the next business day; managers and admins read every entry
 * by month; the day's figures come from the tickets and records; every read and change of diary
 * text is audited; and whatever is refused changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiaryEntry, DiaryFigures, DiaryMonth } from '../../../protocol/diary-routes.js';
import { newId } from '../../../server/src/lib/ids.js';
import { manualClock } from '../../../server/src/lib/clock.js';
import { tableDigest } from '../../helpers/table-digest.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

/** 10:00 in Shanghai on a day. */
const tenOClock = (day: string) => `${day}T02:00:00.000Z`;
// 2026-11-27 is a Friday; 2026-11-30 the Monday after.
const FRIDAY = '2026-11-27';
const diaryUrl = `/api/branches/${BRANCH}/diary`;
const text = { focus: 'Long queue at cash before noon', conversations: 'Mr Lee asked about a mortgage', potentialCustomers: 'Mr Lee (property)', problems: 'ATM 2 jammed twice' };

let t: TestApp;
let sessions: Map<string, Record<string, string>>;
beforeEach(async () => {
  t = await createTestApp({ clock: manualClock(tenOClock(FRIDAY)) });
  sessions = new Map();
});
afterEach(() => t.close());

/**
 * Headers of a session of `user` signed in within the test clock's hour: sessions last 12 hours, and
 * these tests move the clock by days. Sign in before taking a table digest (a sign-in writes a session).
 */
async function as(user: string): Promise<Record<string, string>> {
  const key = `${user} ${t.clock.now().toISOString().slice(0, 13)}`;
  let headers = sessions.get(key);
  if (!headers) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: 'demo' } });
    sessions.set(key, (headers = { authorization: `Bearer ${res.json().token}` }));
  }
  return headers;
}

async function put(day: string, payload: object, user = 'manager') {
  return t.app.inject({ method: 'PUT', url: `${diaryUrl}/${day}`, headers: await as(user), payload });
}

async function month(month: string, user = 'manager'): Promise<DiaryMonth> {
  const res = await t.app.inject({ method: 'GET', url: `${diaryUrl}?month=${month}`, headers: await as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const auditRows = () => t.app.lobby.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'diary').orderBy('id').execute();

describe("the manager's own entry", () => {
  it("saves today's entry with its author, and says until when it may be changed", async () => {
    const res = await put(FRIDAY, text);
    expect(res.statusCode, res.body).toBe(200);
    const entry: DiaryEntry = res.json();
    expect(entry).toMatchObject({ ...text, branchId: BRANCH, businessDay: FRIDAY, authorName: 'Lobby manager 大堂經理', editableUntil: '2026-11-30', locked: false });
    expect((await month('2026-11')).entries).toEqual([entry]);
  });

  it('tells the staff screens that may read it, with no diary text in the hint', async () => {
    const hints: unknown[] = [];
    const stop = t.app.lobby.hints.listen(BRANCH, (hint) => hints.push(hint));
    const entry: DiaryEntry = (await put(FRIDAY, text)).json();
    stop();
    expect(hints).toEqual([{ record: 'diary', id: entry.id }]);
  });

  it('audits the creation, each change by the fields changed (never their values), and each read', async () => {
    const entry: DiaryEntry = (await put(FRIDAY, text)).json();
    await put(FRIDAY, { ...text, problems: 'ATM 2 fixed at 14:00' });
    await put(FRIDAY, { ...text, problems: 'ATM 2 fixed at 14:00' });
    await month('2026-11', 'admin');
    await t.app.inject({ method: 'GET', url: `${diaryUrl}/${FRIDAY}/${entry.authorId}`, headers: await as('manager') });
    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.record_id, JSON.parse(r.fields), r.actor_role])).toEqual([
      ['create', entry.id, ['focus', 'conversations', 'potentialCustomers', 'problems'], 'manager'],
      ['update', entry.id, ['problems'], 'manager'],
      // The same text saved again changed nothing, so it left no row.
      ['read', null, ['focus', 'conversations', 'potentialCustomers', 'problems'], 'admin'],
      ['read', entry.id, ['focus', 'conversations', 'potentialCustomers', 'problems'], 'manager'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('ATM 2');
  });

  it("lets Friday's entry be changed on Monday, the next business day, and not on Tuesday", async () => {
    await put(FRIDAY, text);
    t.clock.set(tenOClock('2026-11-30'));
    expect((await put(FRIDAY, { ...text, focus: 'Written up on Monday' })).statusCode).toBe(200);
    t.clock.set('2026-11-30T15:59:59.000Z'); // 23:59:59 on Monday in Shanghai
    expect((await put(FRIDAY, { ...text, focus: 'Just in time' })).statusCode).toBe(200);

    t.clock.set('2026-11-30T16:00:00.000Z'); // midnight: Tuesday in Shanghai
    await as('manager');
    const before = await tableDigest(t.app.lobby.db);
    const res = await put(FRIDAY, { ...text, focus: 'Too late' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'RECORD_LOCKED', message: expect.stringContaining('2026-11-30') });
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
    const [entry] = (await month('2026-11')).entries;
    expect(entry).toMatchObject({ focus: 'Just in time', locked: true });
  });

  it('skips a branch holiday: with Monday closed, Friday stays open until the end of Tuesday', async () => {
    await t.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: await as('admin'), payload: { settings: { holidays: ['2026-11-30'] } } });
    await put(FRIDAY, text);
    t.clock.set(tenOClock('2026-12-01'));
    const res = await put(FRIDAY, { ...text, focus: 'Tuesday after the holiday' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ editableUntil: '2026-12-01', locked: false });
  });

  it("lets a manager write yesterday's forgotten entry the next morning", async () => {
    t.clock.set(tenOClock('2026-11-30'));
    const res = await put(FRIDAY, text);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('refusals change nothing', () => {
  it.each<[string, string, object, number, string, string]>([
    ['a day that has not come', '2026-11-28', text, 400, 'VALIDATION_FAILED', 'params/day'],
    ['a day that does not exist', '2026-02-30', text, 400, 'VALIDATION_FAILED', 'params/day'],
    ['a day not written YYYY-MM-DD', '27-11-2026', text, 400, 'VALIDATION_FAILED', 'day'],
    ['a missing field', FRIDAY, { focus: 'x', conversations: '', potentialCustomers: '' }, 400, 'VALIDATION_FAILED', 'problems'],
    ['a text past 2000 characters', FRIDAY, { ...text, conversations: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED', 'conversations'],
    ['a field that is not text', FRIDAY, { ...text, focus: 42 }, 400, 'VALIDATION_FAILED', 'focus'],
  ])('answers %s with %i, naming the field, and changes nothing', async (_case, day, payload, status, code, field) => {
    await as('manager');
    const before = await tableDigest(t.app.lobby.db);
    const res = await put(day, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, message: expect.stringContaining(field) });
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('refuses writing to tellers, the account manager, the admin (who keeps no diary) and devices', async () => {
    await put(FRIDAY, text);
    const callers = [await as('teller1'), await as('wealth1'), await as('admin'), t.kiosk, t.display];
    const before = await tableDigest(t.app.lobby.db);
    for (const headers of callers) {
      const res = await t.app.inject({ method: 'PUT', url: `${diaryUrl}/${FRIDAY}`, headers, payload: { ...text, focus: 'Not mine' } });
      expect(res.statusCode).toBe(403);
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('refuses reading diary text and figures to tellers, the account manager and devices, and audits no refused read', async () => {
    const entry: DiaryEntry = (await put(FRIDAY, text)).json();
    const callers = [await as('teller1'), await as('wealth1'), t.kiosk, t.display, {}];
    const before = await tableDigest(t.app.lobby.db);
    const urls = [`${diaryUrl}?month=2026-11`, `${diaryUrl}/figures?day=${FRIDAY}`, `${diaryUrl}/${FRIDAY}/${entry.authorId}`];
    for (const headers of callers) {
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect([401, 403], `${url}: ${res.body}`).toContain(res.statusCode);
        expect(res.body).not.toContain('mortgage');
      }
    }
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it.each([
    [`?month=2026-13`, 'month'],
    [`?month=2026-1`, 'month'],
    [``, 'month'],
    [`/figures?day=2026-11-31`, 'querystring/day'],
    [`/figures?day=2026-11-28`, 'querystring/day'],
  ])('answers GET diary%s with 400 naming %s', async (query, field) => {
    const res = await t.app.inject({ method: 'GET', url: `${diaryUrl}${query}`, headers: await as('manager') });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(field) });
  });

  it('answers 404 for an entry nobody wrote', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${diaryUrl}/${FRIDAY}/nobody`, headers: await as('manager') });
    expect(res.statusCode).toBe(404);
    expect(await auditRows()).toEqual([]);
  });
});

describe("the day's figures", () => {
  const DAY = '2026-11-20'; // the Friday before: a past day, so the live queue is not involved
  const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour - 8, minute)).toISOString(); // Shanghai time

  async function ticket(prefix: string, status: 'done' | 'waiting' | 'diverted' | 'no_show', issued: string, called: string | null, extra: object = {}) {
    await t.app.lobby.db
      .insertInto('tickets')
      .values({
        id: newId(),
        branch_id: BRANCH,
        service_id: service(prefix),
        number: `${prefix}${Math.floor(Math.random() * 900 + 100)}`,
        business_day: DAY,
        tier: 'regular',
        status,
        customer_ref: null,
        customer_id: null,
        issued_at: issued,
        called_at: called,
        started_at: called,
        ended_at: status === 'waiting' ? null : (called ?? issued),
        counter_id: null,
        call_count: called ? 1 : 0,
        diverted_to: status === 'diverted' ? 'atm' : null,
        issued_by: null,
        issued_by_device: null,
        issue_estimate_seconds: null,
        ...extra,
      })
      .execute();
  }

  it('counts the served, the waits against each service’s target, diversions, VIPs, complaints, referrals and faults of that day only', async () => {
    // Cash (target 10 min): waits of 4, 8 and 16 minutes; transfers (target 10): 2 minutes; one no-show after 30 minutes.
    await ticket('A', 'done', at(9, 0), at(9, 4));
    await ticket('A', 'done', at(9, 10), at(9, 18));
    await ticket('A', 'done', at(10, 0), at(10, 16));
    await ticket('B', 'done', at(11, 0), at(11, 2));
    await ticket('B', 'no_show', at(11, 10), at(11, 40));
    await ticket('A', 'diverted', at(12, 0), null);
    await ticket('V', 'done', at(14, 0), at(14, 3), { tier: 'vip', customer_id: 'customer-1' });
    await ticket('V', 'done', at(15, 0), at(15, 5), { tier: 'vip', customer_id: 'customer-1' });
    await ticket('V', 'done', at(16, 0), at(16, 1), { tier: 'vip' });
    // The next day's ticket is not this day's.
    await ticket('A', 'done', at(9, 0), at(9, 50), { business_day: '2026-11-21' });
    await t.app.lobby.engine.reload(BRANCH);

    const db = t.app.lobby.db;
    const event = (at: string, seq: number) => ({ branch_id: BRANCH, seq, type: 'customer.diverted' as const, at, actor_id: null, ticket_id: null, counter_id: null, payload: '{}' });
    // 00:30 and 23:30 in Shanghai count; 00:30 the next morning (16:30 UTC on the 20th) does not.
    await db.insertInto('events').values([event(at(0, 30), 90001), event(at(23, 30), 90002), event(at(24, 30), 90003)]).execute();
    const complaint = (id: string, receivedAt: string, status: 'open' | 'closed', closedAt: string | null) => ({
      id, branch_id: BRANCH, received_at: receivedAt, channel: 'hall' as const, category: 'waiting_time' as const, content: 'Waited too long',
      customer_name: null, customer_phone: null, ticket_id: null, ticket_number: null, counter_id: null, teller_id: null, received_by: 'manager',
      handler_id: null, status, reply_due_at: at(23), reply: null, replied_at: null, outcome: null, root_cause: null, fix: null, closed_at: closedAt, updated_at: receivedAt,
    });
    await db.insertInto('complaints').values([complaint('c1', at(10), 'open', null), complaint('c2', at(11), 'closed', at(17)), complaint('c3', '2026-11-18T02:00:00.000Z', 'closed', at(12))]).execute();
    const referral = (id: string, createdAt: string) => ({
      id, branch_id: BRANCH, customer_id: null, ticket_id: null, ticket_number: null, customer_name: null, customer_phone: null, need: 'wealth', product_interest: null,
      urgency: 'today' as const, referred_to: 'wealth1', referred_by: 'manager', status: 'referred' as const, note: null, created_at: createdAt, updated_at: createdAt,
    });
    await db.insertInto('referrals').values([referral('r1', at(10)), referral('r2', at(15)), referral('r3', at(24, 1))]).execute();
    await db.updateTable('machines').set({ in_service: 0, fault_at: at(9), fault_note: 'card reader', fault_by: 'manager' }).where('label', '=', 'ATM 2').execute();
    await db.insertInto('device_faults').values({ id: 'f1', branch_id: BRANCH, device_id: 'kiosk', kind: 'paper_out', detail: null, at: at(13), resolved_at: null, resolved_by: null }).execute();
    await db.insertInto('hall_checks').values({
      id: 'h1', branch_id: BRANCH, business_day: DAY, kind: 'opening', checked_by: 'manager', checked_at: at(8, 30),
      // The faulty ATM 2 is counted once, with the machines, not again as an item of the check.
      items: JSON.stringify([
        { item: 'ticket_machine', ok: true, note: '' },
        { item: 'forms_and_pens', ok: false, note: 'no pens' },
        { item: 'hall_tidy', ok: false, note: '' },
        { item: 'ATM 2', machineId: 'atm-2', ok: false, note: 'card reader' },
      ]),
    }).execute();

    const res = await t.app.inject({ method: 'GET', url: `${diaryUrl}/figures?day=${DAY}`, headers: await as('manager') });
    expect(res.statusCode, res.body).toBe(200);
    const figures: DiaryFigures = res.json();
    const byPrefix = Object.fromEntries(figures.services.map((s) => [s.prefix, s]));
    expect(byPrefix.A).toMatchObject({ served: 3, called: 3, withinTarget: 2, longestWaitSeconds: 960, meanWaitSeconds: 560 });
    expect(byPrefix.A!.serviceLevel).toBeCloseTo(2 / 3);
    expect(byPrefix.B).toMatchObject({ served: 1, called: 2, withinTarget: 1, longestWaitSeconds: 1800, serviceLevel: 0.5 });
    expect(byPrefix.V).toMatchObject({ served: 3, called: 3, withinTarget: 3, longestWaitSeconds: 300, serviceLevel: 1 });
    expect(byPrefix.D).toMatchObject({ served: 0, called: 0, longestWaitSeconds: null, serviceLevel: null });
    expect(figures.totals).toMatchObject({ served: 7, called: 8, withinTarget: 6, longestWaitSeconds: 1800, serviceLevel: 6 / 8 });
    expect(figures.diversions).toEqual({ fromQueue: 1, beforeTicket: 2 });
    expect(figures.vip).toEqual({ vipTickets: 3, registeredCustomers: 1 });
    // c3 was received days before and closed that day.
    expect(figures.complaints).toEqual({ received: 2, closed: 2 });
    expect(figures.referrals).toBe(2);
    expect(figures.faults).toEqual({ machines: 1, devices: 1, checkItems: 2 });
  });

  it('gives an empty day as zeros, with no wait rather than a wait of zero', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${diaryUrl}/figures?day=${DAY}`, headers: await as('admin') });
    const figures: DiaryFigures = res.json();
    expect(figures.totals).toEqual({ served: 0, called: 0, withinTarget: 0, longestWaitSeconds: null, meanWaitSeconds: null, serviceLevel: null });
    expect(figures.services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'V']);
  });
});

describe('reading the diary by month', () => {
  it("shows every manager's entries of the month, newest day first, to managers and admins", async () => {
    const admin = await as('admin');
    await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/admin/users`, headers: admin, payload: { username: 'deputy', displayName: 'Assistant manager 大堂副理', role: 'manager', password: 'deputy-password' } });
    const deputy = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'deputy', password: 'deputy-password' } })).json().token;
    t.clock.set(tenOClock('2026-11-26'));
    await put('2026-11-26', text);
    t.clock.set(tenOClock(FRIDAY));
    await put(FRIDAY, text);
    await t.app.inject({ method: 'PUT', url: `${diaryUrl}/${FRIDAY}`, headers: { authorization: `Bearer ${deputy}` }, payload: { ...text, focus: 'Deputy' } });

    const november = await month('2026-11', 'admin');
    expect(november.today).toBe(FRIDAY);
    expect(november.entries.map((e) => [e.businessDay, e.authorName])).toEqual([
      [FRIDAY, 'Assistant manager 大堂副理'],
      [FRIDAY, 'Lobby manager 大堂經理'],
      ['2026-11-26', 'Lobby manager 大堂經理'],
    ]);
    expect((await month('2026-10')).entries).toEqual([]);
  });
});
