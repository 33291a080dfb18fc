/**
 * The opening and closing checks (營業前 / 營業後檢查) and machine faults through the API: today's
 * checklist, one check per kind and day (again replaces it), a fault needs a note, and a machine found
 * faulty is out of service at once for every screen (kiosk suggestion, triage divert) until fixed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckAnswer, HallCheck, TodaysChecks } from '../../../protocol/check-routes.js';
import type { Machine, Snapshot } from '../../../protocol/schemas.js';
import { suggestSelfService } from '../../../kiosk-ui/src/logic/self-service.js';
import { tableDigest } from '../../helpers/table-digest.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

const base = `/api/branches/${BRANCH}`;
let t: TestApp;
let manager: Record<string, string>;

beforeEach(async () => {
  t = await createTestApp();
  manager = await t.as('manager');
});
afterEach(() => t.close());

const get = async <T>(url: string, headers = manager): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const send = (method: 'PUT' | 'POST', url: string, payload?: object, headers = manager) => t.app.inject({ method, url, headers, payload });

/** Today's checklist answered OK, with `faults` (by item) answered as faults with their note. */
async function answers(faults: Record<string, string | null> = {}): Promise<CheckAnswer[]> {
  const today = await get<TodaysChecks>(`${base}/checks/today`);
  return today.checklist.map(({ item, machineId }) => (item in faults ? { item, machineId, ok: false, note: faults[item] } : { item, machineId, ok: true }));
}

const machines = () => get<Machine[]>(`${base}/machines`, t.kiosk);
const atm = async (label: string) => (await machines()).find((m) => m.label === label)!;

describe("today's checklist", () => {
  it("lists the branch's items, then every self-service machine, and no check done yet", async () => {
    const today = await get<TodaysChecks>(`${base}/checks/today`);
    expect(today.businessDay).toBe('2026-11-23');
    expect(today.checklist.map((e) => e.item)).toEqual([
      'ticket_machine',
      'wall_displays',
      'rating_pads',
      'forms_and_pens',
      'notices_and_rates',
      'hall_tidy',
      'ATM 1',
      'ATM 2',
      'ATM 3',
      'Self-service terminal 1',
      'Self-service terminal 2',
    ]);
    expect(today.checklist.find((e) => e.item === 'ATM 2')).toMatchObject({ machineKind: 'atm', machineId: expect.any(String) });
    expect(today.opening).toBeNull();
    expect(today.closing).toBeNull();
  });

  it('follows the branch setting', async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `${base}/admin/branch`,
      headers: manager,
      payload: { settings: { checklistItems: ['Queue barriers 一米線'] } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const today = await get<TodaysChecks>(`${base}/checks/today`);
    expect(today.checklist[0]).toEqual({ item: 'Queue barriers 一米線', machineId: null, machineKind: null });
    expect(today.checklist).toHaveLength(6);
  });
});

describe('recording a check', () => {
  it('stores who checked and when; the opening and closing checks are separate', async () => {
    const res = await send('PUT', `${base}/checks/today/opening`, { items: await answers() });
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json<HallCheck>();
    expect(check).toMatchObject({ kind: 'opening', businessDay: '2026-11-23', checkedByName: 'Lobby manager 大堂經理', checkedAt: '2026-11-23T02:00:00.000Z' });
    expect(check.items.every((i) => i.ok && i.note === null)).toBe(true);

    t.clock.advance(8 * 3600_000);
    await send('PUT', `${base}/checks/today/closing`, { items: await answers({ hall_tidy: 'Leaflets on the floor' }) });
    const today = await get<TodaysChecks>(`${base}/checks/today`);
    expect(today.opening?.id).toBe(check.id);
    expect(today.closing?.items.find((i) => i.item === 'hall_tidy')).toEqual({ item: 'hall_tidy', machineId: null, ok: false, note: 'Leaflets on the floor' });
  });

  it('replaces the day’s check of that kind when submitted again', async () => {
    await send('PUT', `${base}/checks/today/opening`, { items: await answers({ forms_and_pens: 'No pens at desk 2' }) });
    t.clock.advance(10 * 60_000);
    const again = (await send('PUT', `${base}/checks/today/opening`, { items: await answers() }, await t.as('admin'))).json<HallCheck>();
    expect(again.checkedByName).toBe('Administrator');
    expect(again.items.every((i) => i.ok)).toBe(true);
    expect(await t.app.lobby.db.selectFrom('hall_checks').select('id').execute()).toHaveLength(1);
  });

  it.each([
    ['a fault without a note', async () => ({ items: await answers({ ticket_machine: null }) }), 'ticket_machine is a fault'],
    ['an item left out', async () => ({ items: (await answers()).slice(1) }), 'ticket_machine is not answered'],
    ['an unknown kind of check', async () => ({ items: await answers() }), 'params/kind', 'midday'],
    ['a note longer than 200 characters', async () => ({ items: await answers({ hall_tidy: 'x'.repeat(201) }) }), 'body/items/5/note'],
  ])('refuses %s with 400 and changes nothing', async (_, body, problem, kind = 'opening') => {
    const before = await tableDigest(t.app.lobby.db);
    const res = await send('PUT', `${base}/checks/today/${kind}`, await body());
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(problem);
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  });

  it('is for managers and admins only: a teller, the kiosk, the display and an account manager are refused', async () => {
    const items = await answers();
    for (const headers of [await t.as('teller1'), t.kiosk, t.display, await t.as('wealth1')]) {
      expect((await send('PUT', `${base}/checks/today/opening`, { items }, headers)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `${base}/checks/today`, headers })).statusCode).toBe(403);
    }
    expect(await t.app.lobby.db.selectFrom('hall_checks').select('id').execute()).toEqual([]);
  });

  it('lists a month’s checks, newest day first', async () => {
    await send('PUT', `${base}/checks/today/opening`, { items: await answers() });
    t.clock.advance(24 * 3600_000);
    // Yesterday's session has ended: sign in again.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'demo' } });
    manager = { authorization: `Bearer ${login.json().token}` };
    await send('PUT', `${base}/checks/today/opening`, { items: await answers() });
    await send('PUT', `${base}/checks/today/closing`, { items: await answers() });
    const month = await get<{ checks: HallCheck[] }>(`${base}/checks?month=2026-11`);
    expect(month.checks.map((c) => `${c.businessDay} ${c.kind}`)).toEqual(['2026-11-24 opening', '2026-11-24 closing', '2026-11-23 opening']);
    expect((await get<{ checks: HallCheck[] }>(`${base}/checks?month=2026-10`)).checks).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `${base}/checks?month=2026-13`, headers: manager })).statusCode).toBe(400);
  });
});

describe('a machine found faulty', () => {
  it('is out of service at once, with its note, for the kiosk, and the triage cannot divert there', async () => {
    const live = await t.app.inject({ method: 'GET', url: `${base}/snapshot`, headers: t.kiosk });
    const seqBefore = live.json<Snapshot>().seq;
    const items = await answers({ 'ATM 1': 'Card reader jammed', 'ATM 2': 'No cash', 'ATM 3': 'Screen dark' });
    expect((await send('PUT', `${base}/checks/today/opening`, { items })).statusCode).toBe(200);

    const snapshot = (await t.app.inject({ method: 'GET', url: `${base}/snapshot`, headers: t.kiosk })).json<Snapshot>();
    expect(snapshot.seq).toBeGreaterThan(seqBefore);
    expect(snapshot.machines.filter((m) => m.kind === 'atm').map((m) => [m.label, m.inService, m.faultNote])).toEqual([
      ['ATM 1', false, 'Card reader jammed'],
      ['ATM 2', false, 'No cash'],
      ['ATM 3', false, 'Screen dark'],
    ]);
    const cash = snapshot.services.find((s) => s.selfServiceKind === 'atm')!;
    expect(suggestSelfService(cash, snapshot.machines)).toBeNull();

    const ticket = (await send('POST', `${base}/tickets`, { serviceId: cash.id }, t.kiosk)).json<{ id: string }>();
    const divert = await send('POST', `/api/tickets/${ticket.id}/divert`, { machineKind: 'atm' });
    expect(divert.statusCode).toBe(409);
    expect(divert.json().message).toContain('no atm is in service');
    expect((await send('POST', `/api/tickets/${ticket.id}/divert`, { machineKind: 'self_service_terminal' })).statusCode).toBe(200);
  });

  it('comes back when a later check finds it working, or when a manager marks it fixed', async () => {
    await send('PUT', `${base}/checks/today/opening`, { items: await answers({ 'ATM 1': 'Card reader jammed', 'ATM 2': 'No cash' }) });
    await send('PUT', `${base}/checks/today/closing`, { items: await answers({ 'ATM 2': 'No cash' }) });
    expect(await atm('ATM 1')).toMatchObject({ inService: true, faultNote: null });
    expect(await atm('ATM 2')).toMatchObject({ inService: false, faultNote: 'No cash' });

    const fixed = await send('POST', `${base}/machines/${(await atm('ATM 2')).id}/fixed`);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ label: 'ATM 2', inService: true, faultNote: null });
    const row = await t.app.lobby.db.selectFrom('machines').selectAll().where('label', '=', 'ATM 2').executeTakeFirstOrThrow();
    expect([row.fault_at, row.fault_by]).toEqual([null, null]);
  });

  it('can be marked faulty from the admin page with a note; who and when are kept', async () => {
    const id = (await atm('ATM 3')).id;
    const res = await send('POST', `${base}/machines/${id}/fault`, { note: 'Deposit slot blocked' });
    expect(res.json()).toMatchObject({ inService: false, faultNote: 'Deposit slot blocked' });
    const row = await t.app.lobby.db.selectFrom('machines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.fault_at).toBe('2026-11-23T02:00:00.000Z');
    expect(row.fault_by).toEqual(expect.any(String));
    expect((await send('POST', `${base}/machines/${id}/fault`, { note: '' })).statusCode).toBe(400);
    expect((await send('POST', `${base}/machines/${id}/fault`, { note: 'x' }, await t.as('teller1'))).statusCode).toBe(403);
    expect((await send('POST', `${base}/machines/nope/fault`, { note: 'x' })).statusCode).toBe(404);
  });

  it('taken out of service in the admin editor is faulty too, and forgets its fault when put back', async () => {
    const id = (await atm('ATM 1')).id;
    const patch = (inService: boolean) => t.app.inject({ method: 'PATCH', url: `${base}/admin/machines/${id}`, headers: manager, payload: { inService } });
    await send('POST', `${base}/machines/${id}/fault`, { note: 'Jammed' });
    expect((await patch(true)).json()).toMatchObject({ inService: true, faultNote: null });
    expect((await patch(false)).json()).toMatchObject({ inService: false, faultNote: null });
    const row = await t.app.lobby.db.selectFrom('machines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.fault_at).toBe('2026-11-23T02:00:00.000Z');
  });
});

describe('the free-now counts', () => {
  it('drop with the machines out of service (the kiosk counts only working machines)', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `${base}/snapshot`, headers: t.kiosk })).json<Snapshot>();
    const cash = before.services.find((s) => s.id === service('A'))!;
    const suggestion = suggestSelfService({ ...cash, selfServiceKind: 'atm' }, before.machines);
    expect(suggestion?.inService).toBe(3);
    await send('PUT', `${base}/checks/today/opening`, { items: await answers({ 'ATM 1': 'Jammed' }) });
    const after = (await t.app.inject({ method: 'GET', url: `${base}/snapshot`, headers: t.kiosk })).json<Snapshot>();
    expect(suggestSelfService({ ...cash, selfServiceKind: 'atm' }, after.machines)).toMatchObject({ inService: 2, labels: ['ATM 2', 'ATM 3'] });
  });
});
