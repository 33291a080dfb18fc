/**
 * A manager takes back the tickets a kiosk issued too fast: how many it issued in the last N
 * minutes (GET), and the bulk cancel (POST), for managers and admins of the branch only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTicketEvent } from '../../protocol/messages.js';
import { routeUrl } from '../../protocol/route-kit.js';
import { queueRoutes } from '../../protocol/queue-routes.js';
import { addNorthBranch, dump, recordEvents } from './admin-helpers.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

let t: TestApp;
let kioskId: string;
beforeEach(async () => {
  t = await createTestApp();
  const kiosk = await t.app.lobby.db.selectFrom('device_tokens').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow();
  kioskId = kiosk.id;
});
afterEach(() => t.close());

type Headers = Record<string, string>;
const issue = async (headers: Headers, prefix = 'A') => {
  const res = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId: service(prefix) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
};
const countUrl = (sinceMinutes: unknown, deviceId = kioskId, branchId = BRANCH) =>
  routeUrl(queueRoutes.deviceTicketCount, { branchId, deviceId, sinceMinutes: String(sinceMinutes) });
const cancelUrl = (deviceId = kioskId, branchId = BRANCH) => routeUrl(queueRoutes.cancelDeviceTickets, { branchId, deviceId });
const count = (headers: Headers, sinceMinutes: unknown) => t.app.inject({ url: countUrl(sinceMinutes), headers });
const cancel = (headers: Headers, payload: object, url = cancelUrl()) => t.app.inject({ method: 'POST', url, headers, payload });
const statusOf = async (id: string) => (await t.app.lobby.db.selectFrom('tickets').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** Two kiosk tickets 20 minutes ago, then a staff ticket, a called kiosk ticket and two waiting kiosk tickets now. */
async function busyMorning() {
  const early = [await issue(t.kiosk), await issue(t.kiosk, 'B')];
  t.clock.advance(20 * 60_000);
  const manager = await t.as('manager');
  const staff = await issue(manager);
  const called = await issue(t.kiosk, 'E');
  const recent = [await issue(t.kiosk), await issue(t.kiosk, 'C')];
  // Counter 5 serves C and E: the E ticket is the oldest there.
  const teller = await t.as('teller5');
  expect((await t.app.inject({ method: 'POST', url: `/api/counters/${counter(5)}/open`, headers: teller })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'POST', url: `/api/counters/${counter(5)}/call-next`, headers: teller })).json().id).toBe(called.id);
  return { early, staff, called, recent, manager };
}

describe('a kiosk’s tickets of the last minutes', () => {
  it('counts the kiosk’s waiting tickets, then cancels exactly those, with the usual cancel events', async () => {
    const { early, staff, called, recent, manager } = await busyMorning();
    expect((await count(manager, 5)).json()).toEqual({ count: 2 });
    expect((await count(manager, 30)).json()).toEqual({ count: 4 });

    const events = recordEvents(t);
    const res = await cancel(manager, { sinceMinutes: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cancelled: 2 });
    for (const ticket of recent) expect(await statusOf(ticket.id)).toBe('cancelled');
    for (const ticket of [...early, staff]) expect(await statusOf(ticket.id)).toBe('waiting');
    expect(await statusOf(called.id)).toBe('called');
    const cancelled = () => events.filter(isTicketEvent).filter((e) => e.type === 'ticket.cancelled');
    await eventually(() => cancelled().length === 2, 5000, 'the cancel events');
    expect(cancelled().map((e) => e.ticket.id).sort()).toEqual(recent.map((r) => r.id).sort());
    expect(cancelled().every((e) => e.actorId !== null)).toBe(true);
    expect((await count(manager, 5)).json()).toEqual({ count: 0 });
  });

  it('lets an admin do it too', async () => {
    const { recent } = await busyMorning();
    expect((await cancel(await t.as('admin'), { sinceMinutes: 5 })).json()).toEqual({ cancelled: recent.length });
  });

  it('refuses tellers, kiosks, displays and managers of other branches, and changes nothing', async () => {
    await busyMorning();
    await addNorthBranch(t);
    const admin = await t.as('admin');
    const refusers: [string, Headers, number][] = [
      ['a teller', await t.as('teller1'), 403],
      ['the kiosk itself', t.kiosk, 403],
      ['a display', t.display, 403],
      ['a manager of another branch', await t.as('north-manager'), 403],
    ];
    const before = await dump(t);
    for (const [who, headers, status] of refusers) {
      expect((await cancel(headers, { sinceMinutes: 30 })).statusCode, who).toBe(status);
      expect((await count(headers, 30)).statusCode, who).toBe(status);
    }
    expect((await cancel(admin, { sinceMinutes: 30 }, cancelUrl(kioskId, 'nowhere'))).statusCode).toBe(404);
    expect((await t.app.inject({ url: countUrl(30, kioskId, 'nowhere'), headers: admin })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: cancelUrl(), payload: { sinceMinutes: 30 } })).statusCode).toBe(401);
    expect(await dump(t)).toEqual(before);
  });

  it.each<[string, object]>([
    ['no minutes', {}],
    ['zero minutes', { sinceMinutes: 0 }],
    ['more than 240 minutes', { sinceMinutes: 241 }],
    ['a fraction', { sinceMinutes: 2.5 }],
    ['minutes as text', { sinceMinutes: '5' }],
  ])('refuses %s with a 400 naming sinceMinutes, and changes nothing', async (_, body) => {
    const { manager } = await busyMorning();
    const before = await dump(t);
    const res = await cancel(manager, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('sinceMinutes') });
    expect(await dump(t)).toEqual(before);
  });

  it.each([0, 241, 'soon'])('refuses to count for %j minutes with a 400 naming sinceMinutes', async (minutes) => {
    const res = await count(await t.as('manager'), minutes);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('sinceMinutes');
  });
});
