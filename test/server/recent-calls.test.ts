/**
 * The hall's recent calls over HTTP on a real SQLite file: every call stays (not one per counter),
 * a ticket that leaves the counter unserved (no-show, transfer, cancel) leaves the list, a re-queued
 * ticket comes back when it is called again, and the list a display follows on its socket, the
 * server's snapshot and the list loaded from the database after a restart all agree.
 */
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveClient } from '../../protocol/live-client.js';
import { callsAfterChange } from '../../protocol/recent-calls.js';
import type { RecentCall, Snapshot, Ticket } from '../../protocol/schemas.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

let t: TestApp;
let live: LiveClient | null = null;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  live?.close();
  live = null;
  await t.close();
});

const post = async (url: string, headers: Record<string, string>, payload?: object) => {
  const res = await t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : (res.json() as Ticket);
};
const issue = async (prefix = 'A') => (await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service(prefix) }))!;
/** Starts and completes the ticket at its counter: served. */
const serve = async (ticket: Ticket, teller: Record<string, string>) => {
  await post(`/api/tickets/${ticket.id}/start`, teller);
  await post(`/api/tickets/${ticket.id}/complete`, teller);
};
const displaySnapshot = async (): Promise<Snapshot> => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: t.display })).json();
const shown = (calls: RecentCall[]) => calls.map((c) => `${c.number}→${c.counterNumber}${c.recall ? ' again' : ''}`);

/** Opens counters 1–4 with their tellers. */
async function openCounters(): Promise<Record<string, string>[]> {
  const tellers: Record<string, string>[] = [];
  for (let n = 1; n <= 4; n++) {
    const teller = await t.as(`teller${n}`);
    await post(`/api/counters/${counter(n)}/open`, teller);
    tellers.push(teller);
  }
  return tellers;
}

/** Follows the branch as the wall display does: the public socket, events applied by the protocol client. */
async function followAsDisplay(): Promise<LiveClient> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = new URL(address).port;
  live = new LiveClient({ url: `ws://127.0.0.1:${port}/api/branches/${BRANCH}/live?token=demo-display`, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket });
  await eventually(() => live!.connection === 'live', 5000, 'first snapshot');
  return live;
}

describe("the hall's recent calls", () => {
  it('keeps every call, newest first, not only the last per counter', async () => {
    for (let i = 0; i < 6; i++) await issue();
    const [teller1, teller2] = await openCounters();
    for (let i = 0; i < 3; i++) {
      const called = (await post(`/api/counters/${counter(1)}/call-next`, teller1))!;
      await serve(called, teller1);
      t.clock.advance(1_000);
      const other = (await post(`/api/counters/${counter(2)}/call-next`, teller2))!;
      await serve(other, teller2);
      t.clock.advance(1_000);
    }
    expect(shown((await displaySnapshot()).recentCalls)).toEqual(['A006→2', 'A005→1', 'A004→2', 'A003→1', 'A002→2', 'A001→1']);
  });

  it('drops a ticket marked no-show, transferred or cancelled, in the snapshot, on the socket and after a reload alike', async () => {
    const display = await followAsDisplay();
    for (let i = 0; i < 5; i++) await issue();
    const tellers = await openCounters();
    const calls: Ticket[] = [];
    for (let n = 1; n <= 4; n++) calls.push((await post(`/api/counters/${counter(n)}/call-next`, tellers[n - 1]))!);
    t.clock.advance(1_000);
    await post(`/api/tickets/${calls[0].id}/recall`, tellers[0]);
    expect(shown((await displaySnapshot()).recentCalls)).toEqual(['A001→1 again', 'A004→4', 'A003→3', 'A002→2', 'A001→1']);

    t.clock.advance(180_000);
    await post(`/api/tickets/${calls[0].id}/no-show`, tellers[0]);
    await post(`/api/tickets/${calls[1].id}/transfer`, tellers[1], { serviceId: service('B') });
    await post(`/api/tickets/${calls[2].id}/cancel`, tellers[2]);
    await serve(calls[3], tellers[3]);
    const snapshot = await displaySnapshot();
    expect(shown(snapshot.recentCalls)).toEqual(['A004→4']);

    await eventually(() => display.state?.seq === snapshot.seq, 5000, 'the events on the socket');
    expect(display.state!.recentCalls).toEqual(snapshot.recentCalls);

    await t.app.lobby.engine.reload(BRANCH);
    expect((await displaySnapshot()).recentCalls).toEqual(snapshot.recentCalls);
  });

  it('shows a re-queued no-show again when it is called again, once, at its new call', async () => {
    for (let i = 0; i < 2; i++) await issue();
    const [teller1] = await openCounters();
    const late = (await post(`/api/counters/${counter(1)}/call-next`, teller1))!;
    await post(`/api/tickets/${late.id}/recall`, teller1);
    t.clock.advance(180_000);
    await post(`/api/tickets/${late.id}/no-show`, teller1);
    await post(`/api/tickets/${late.id}/requeue`, teller1);
    expect(shown((await displaySnapshot()).recentCalls)).toEqual([]);

    t.clock.advance(10_000);
    const next = (await post(`/api/counters/${counter(1)}/call-next`, teller1))!;
    await serve(next, teller1);
    t.clock.advance(10_000);
    expect((await post(`/api/counters/${counter(1)}/call-next`, teller1))!.number).toBe(late.number);
    const snapshot = await displaySnapshot();
    expect(shown(snapshot.recentCalls)).toEqual([`${late.number}→1`, `${next.number}→1`]);

    await t.app.lobby.engine.reload(BRANCH);
    expect((await displaySnapshot()).recentCalls).toEqual(snapshot.recentCalls);
  });
});

describe('callsAfterChange', () => {
  const call = (ticketId: string, at: string): RecentCall => ({ ticketId, number: ticketId, serviceId: 's', counterId: 'c', counterNumber: 1, at, recall: false });
  const calls = [call('t2', '2026-11-23T02:01:00.000Z'), call('t1', '2026-11-23T02:00:30.000Z'), call('t1', '2026-11-23T02:00:00.000Z')];

  it.each(['called', 'serving', 'done'] as const)('keeps the calls of a ticket that is %s', (status) => {
    expect(callsAfterChange(calls, { id: 't1', status })).toBe(calls);
  });

  it.each(['waiting', 'no_show', 'cancelled', 'diverted'] as const)('drops every call of a ticket that is %s', (status) => {
    expect(callsAfterChange(calls, { id: 't1', status }).map((c) => c.ticketId)).toEqual(['t2']);
  });
});
