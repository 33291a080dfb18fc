/**
 * A kiosk token cannot use up a service's numbers for the day: each kiosk may issue the branch's
 * `issuesPerDevicePerMinute` tickets a minute, more are refused (429 DEVICE_RATE_LIMITED) without
 * issuing anything, and the lobby manager's screens are told which kiosk was refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath, type NewDeviceToken } from '../../protocol/admin-schemas.js';
import type { DeviceThrottledEvent, DomainEvent, SnapshotMessage } from '../../protocol/messages.js';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect, eventually } from '../helpers/ws.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

type Headers = Record<string, string>;
const issue = (headers: Headers, prefix = 'A') =>
  t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId: service(prefix) } });
const issueMany = (headers: Headers, count: number) => Promise.all(Array.from({ length: count }, (_, i) => issue(headers, 'ABCD'[i % 4])));
const ticketCount = async () => (await t.app.lobby.db.selectFrom('tickets').select('id').execute()).length;

async function setLimit(perMinute: unknown) {
  return t.app.inject({
    method: 'PATCH',
    url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }),
    headers: await t.as('manager'),
    payload: { settings: { issuesPerDevicePerMinute: perMinute } },
  });
}

/** A second kiosk of the demo branch, registered by the admin. */
async function secondKiosk(): Promise<Headers> {
  const res = await t.app.inject({
    method: 'POST',
    url: fillPath(ADMIN_ROUTES.deviceTokens, { branchId: BRANCH }),
    headers: await t.as('admin'),
    payload: { kind: 'kiosk', label: 'Kiosk by the door' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { authorization: `Bearer ${(res.json() as NewDeviceToken).token}` };
}

describe('tickets per kiosk per minute', () => {
  it('lets a kiosk issue 20 tickets a minute by default and refuses the 21st', async () => {
    const branch = await t.app.inject({ url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }), headers: await t.as('manager') });
    expect(branch.json().settings.issuesPerDevicePerMinute).toBe(20);
    expect((await issueMany(t.kiosk, 20)).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const refused = await issue(t.kiosk);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('DEVICE_RATE_LIMITED');
  });

  it('refuses one kiosk token issuing in parallel past the limit: 429 with Retry-After, and not one ticket more', async () => {
    expect((await setLimit(5)).statusCode).toBe(200);
    const replies = await issueMany(t.kiosk, 30);
    const issued = replies.filter((r) => r.statusCode === 201);
    const refused = replies.filter((r) => r.statusCode === 429);
    expect(issued).toHaveLength(5);
    expect(refused).toHaveLength(25);
    for (const reply of refused) {
      expect(reply.json()).toMatchObject({ statusCode: 429, code: 'DEVICE_RATE_LIMITED' });
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(reply.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect(await ticketCount()).toBe(5);
    const issuedEvents = await t.app.lobby.db.selectFrom('events').select('seq').where('type', '=', 'ticket.issued').execute();
    expect(issuedEvents).toHaveLength(5);
  });

  it('still serves another kiosk of the branch while one is refused', async () => {
    await setLimit(3);
    await issueMany(t.kiosk, 6);
    expect((await issue(t.kiosk)).statusCode).toBe(429);
    const door = await secondKiosk();
    expect((await issueMany(door, 3)).map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect((await issue(door)).statusCode).toBe(429);
    expect(await ticketCount()).toBe(6);
  });

  it('does not limit staff issuing from triage', async () => {
    await setLimit(2);
    const manager = await t.as('manager');
    expect((await issueMany(manager, 12)).map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect((await issueMany(t.kiosk, 3)).map((r) => r.statusCode).sort()).toEqual([201, 201, 429]);
  });

  it('takes a changed setting at once', async () => {
    await setLimit(2);
    await issueMany(t.kiosk, 2);
    expect((await issue(t.kiosk)).statusCode).toBe(429);
    // The refused attempt counts too: 3 of 5 are used.
    await setLimit(5);
    expect((await issueMany(t.kiosk, 3)).map((r) => r.statusCode).sort()).toEqual([201, 201, 429]);
    await setLimit(1);
    expect((await issue(t.kiosk)).statusCode).toBe(429);
    expect(await ticketCount()).toBe(4);
  });

  it.each<[string, unknown]>([
    ['zero', 0],
    ['above 600', 601],
    ['a fraction', 2.5],
    ['text', '20'],
  ])('refuses a setting of %s with a 400 naming the field, and keeps the old one', async (_, value) => {
    const res = await setLimit(value);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('issuesPerDevicePerMinute');
    const branch = await t.app.lobby.db.selectFrom('branches').select('settings').where('id', '=', BRANCH).executeTakeFirstOrThrow();
    expect(JSON.parse(branch.settings).issuesPerDevicePerMinute).toBe(20);
  });
});

describe('the throttle alert', () => {
  let base: string;
  beforeEach(async () => {
    base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  });
  const liveUrl = (token: string) => `${base}/api/branches/${BRANCH}/live?token=${token}`;
  const snapshotAs = async (headers: Headers) => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers })).json();

  it('reaches the staff sockets, and the hall’s screens only as a step in their sequence', async () => {
    const manager = await t.as('manager');
    const staff = connect(liveUrl(manager.authorization.slice('Bearer '.length)));
    const display = connect(liveUrl('demo-display'));
    const kiosk = connect(liveUrl('demo-kiosk'));
    const [snapshot] = (await staff.waitFor(1)) as SnapshotMessage[];
    await display.waitFor(1);
    await kiosk.waitFor(1);

    await setLimit(2);
    await issueMany(t.kiosk, 6);
    const throttled = (messages: unknown[]) => messages.filter((m) => (m as DomainEvent).type === 'device.throttled') as DeviceThrottledEvent[];
    await eventually(() => throttled(staff.messages).at(-1)?.alert?.refused === 4, 5000, 'the staff alert of 4 refused tickets');
    const [event] = throttled(staff.messages);
    expect(event.alert).toMatchObject({ deviceLabel: 'Demo kiosk' });

    for (const hall of [display, kiosk]) {
      await eventually(() => throttled(hall.messages).length > 0, 5000, 'the hall’s step');
      const [step] = throttled(hall.messages);
      expect(step.seq).toBe(event.seq);
      expect(step).not.toHaveProperty('alert');
      // Every event arrived in order after the snapshot, so the screen needs no resync.
      const seqs = hall.messages.slice(1).map((m) => (m as DomainEvent).seq);
      expect(seqs).toEqual(seqs.map((_, i) => snapshot.seq + i + 1));
    }
    staff.close();
    display.close();
    kiosk.close();
  });

  it('stays in the staff snapshot for a triage page opened later, never in a kiosk’s or display’s', async () => {
    await setLimit(1);
    await issueMany(t.kiosk, 4);
    const manager = await t.as('manager');
    await expect
      .poll(async () => (await snapshotAs(manager)).throttleAlerts, { timeout: 5000, interval: 50 })
      .toEqual([expect.objectContaining({ deviceLabel: 'Demo kiosk', refused: 3 })]);
    // Read again from the event log, as after a restart of the server: still there.
    await t.app.lobby.engine.reload(BRANCH);
    expect((await snapshotAs(manager)).throttleAlerts).toEqual([expect.objectContaining({ deviceLabel: 'Demo kiosk', refused: 3 })]);
    expect(await snapshotAs(t.display)).not.toHaveProperty('throttleAlerts');
    expect(await snapshotAs(t.kiosk)).not.toHaveProperty('throttleAlerts');

    // Refused again later: the same alert counts on; 15 quiet minutes later it is gone.
    await issue(t.kiosk);
    await expect.poll(async () => (await snapshotAs(manager)).throttleAlerts?.[0]?.refused, { timeout: 5000, interval: 50 }).toBe(4);
    t.clock.advance(15 * 60_000);
    expect((await issue(manager)).statusCode).toBe(201);
    expect((await snapshotAs(manager)).throttleAlerts).toEqual([]);
  });
});
