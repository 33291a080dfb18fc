/**
 * One hall, one figure: the wait for a ticket taken now is the same on the staff snapshot (triage
 * header), the public snapshot and live events (kiosk, wall display, phone page), the ticket the
 * kiosk then issues, and the what-if's baseline. A service only the VIP counter serves (demo V)
 * is a VIP newcomer's figure for staff and VIP tickets, and is not shown in public at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage, SnapshotMessage } from '../../protocol/messages.js';
import type { QueueSummary, Snapshot } from '../../protocol/schemas.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect } from '../helpers/ws.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const snapshotQueues = async (headers: Record<string, string>) => {
  const snapshot = (await t.app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/snapshot`, headers })).json() as Snapshot;
  return new Map<string, QueueSummary>(snapshot.queues.map((q) => [q.serviceId, q]));
};

/** Counters 1 and 6 (VIP) open and serving; ordinary customers for A, VIP customers for V and A waiting. */
async function busyHall() {
  const manager = await t.as('manager');
  for (const n of [1, 6]) expect((await post(`/api/counters/${counter(n)}/open`, await t.as(`teller${n}`))).statusCode).toBe(200);
  for (let i = 0; i < 8; i++) {
    expect((await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A'), tier: 'regular' })).statusCode).toBe(201);
    t.clock.advance(30_000);
  }
  for (const prefix of ['V', 'V', 'A']) {
    expect((await post(`/api/branches/${BRANCH}/tickets`, manager, { serviceId: service(prefix), tier: 'vip' })).statusCode).toBe(201);
    t.clock.advance(30_000);
  }
  for (const n of [1, 6]) {
    const teller = await t.as(`teller${n}`);
    const called = (await post(`/api/counters/${counter(n)}/call-next`, teller)).json();
    expect((await post(`/api/tickets/${called.id}/start`, teller)).statusCode).toBe(200);
  }
}

describe('the wait for a ticket taken now', () => {
  it('is one figure on the staff and public snapshots, the live event, the issued ticket and the what-if baseline', async () => {
    await busyHall();
    const manager = await t.as('manager');
    const staff = await snapshotQueues(manager);
    const hall = await snapshotQueues(t.display);
    const forecast = await post(`/api/branches/${BRANCH}/what-if`, manager, { action: 'open-counter', counterId: counter(2), runs: 20, horizonMinutes: 15 });
    expect(forecast.statusCode, forecast.body).toBe(200);
    const whatIf = new Map<string, { baselineSeconds: number; withActionSeconds: number }>(forecast.json().ticketNow.map((w: { serviceId: string }) => [w.serviceId, w]));

    const a = staff.get(service('A'))!;
    expect(a.estimatedWaitSeconds).toBeGreaterThan(10 * 60);
    expect(hall.get(service('A'))!.estimatedWaitSeconds).toBe(a.estimatedWaitSeconds);
    expect(whatIf.get(service('A'))!.baselineSeconds).toBe(a.estimatedWaitSeconds);
    // Counter 2 serves A too: opening it shortens the wait.
    expect(whatIf.get(service('A'))!.withActionSeconds).toBeLessThan(a.estimatedWaitSeconds);

    const display = connect(`${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/api/branches/${BRANCH}/live?token=demo-display`);
    const [snapshot] = (await display.waitFor(1)) as SnapshotMessage[];
    expect(snapshot.queues.find((q) => q.serviceId === service('A'))!.estimatedWaitSeconds).toBe(a.estimatedWaitSeconds);

    const ticket = (await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A'), tier: 'regular' })).json();
    expect(ticket.estimatedWaitSeconds).toBe(a.estimatedWaitSeconds);
    const [, issued] = (await display.waitFor(2)) as ServerMessage[];
    expect(issued.type).toBe('ticket.issued');
    display.close();
  });

  it('of a service only VIP counters serve is a VIP ticket’s wait for staff, and hidden from the hall', async () => {
    await busyHall();
    const manager = await t.as('manager');
    const staffV = (await snapshotQueues(manager)).get(service('V'))!;
    expect(staffV).toMatchObject({ vipOnly: true, waitingCount: 1 });
    const hallV = (await snapshotQueues(t.kiosk)).get(service('V'))!;
    expect(hallV).toMatchObject({ vipOnly: true, waitingCount: 1, estimatedWaitSeconds: 0, longestWaitSeconds: 0, opening: 'open' });

    const display = connect(`${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/api/branches/${BRANCH}/live?token=demo-display`);
    await display.waitFor(1);
    const vip = (await post(`/api/branches/${BRANCH}/tickets`, manager, { serviceId: service('V'), tier: 'vip' })).json();
    expect(vip.estimatedWaitSeconds).toBe(staffV.estimatedWaitSeconds);
    const [, event] = (await display.waitFor(2)) as ServerMessage[];
    expect(event.type === 'ticket.issued' && event.queues.find((q) => q.serviceId === service('V'))).toMatchObject({ vipOnly: true, estimatedWaitSeconds: 0 });
    display.close();
    // Staff still see it.
    const after = (await snapshotQueues(manager)).get(service('V'))!;
    expect(after.waitingCount).toBe(2);
  });
});
