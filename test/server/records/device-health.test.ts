/**
 * Device health over a real WebSocket: a kiosk is online while its live socket is open (several
 * sockets count as one device), offline for the triage screen once away more than 60 s while the hall
 * is open; the managers' screens hear a hint on each change. Kiosks report failed prints; managers resolve them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallAlerts } from '../../../protocol/check-routes.js';
import type { ServerMessage } from '../../../protocol/messages.js';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { connect, eventually, type Collector } from '../../helpers/ws.js';

const base = `/api/branches/${BRANCH}`;
let t: TestApp;
let wsBase: string;
const sockets: Collector[] = [];

beforeEach(async () => {
  t = await createTestApp();
  wsBase = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.socket.terminate());
  await t.close();
});

/** Opens the branch's live socket with `headers` and waits for its snapshot. */
async function live(headers: Record<string, string>): Promise<Collector> {
  const socket = connect(`${wsBase}${base}/live`, { headers });
  sockets.push(socket);
  await socket.waitFor(1);
  return socket;
}

async function alerts(): Promise<HallAlerts> {
  const res = await t.app.inject({ method: 'GET', url: `${base}/hall-alerts`, headers: await t.as('manager') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const offline = async () => (await alerts()).offlineDevices.map((d) => `${d.label} ${d.offlineSince ?? 'never'}`);
const deviceRow = (kind: 'kiosk' | 'display') => t.app.lobby.db.selectFrom('device_tokens').selectAll().where('kind', '=', kind).where('branch_id', '=', BRANCH).executeTakeFirstOrThrow();
const hints = (socket: Collector) => socket.messages.filter((m: ServerMessage) => m.type === 'records.changed');

/** Closes the socket and waits until the server has seen it go and written so. */
async function closeAndSettle(socket: Collector) {
  socket.close();
  await eventually(() => t.app.lobby.presence.connectedIds().size === 0, 5000, 'the server to see the socket go');
  await t.app.lobby.presence.settled();
}

describe('device health', () => {
  it('says nothing of devices before the hall opens (no opening check, no ticket yet)', async () => {
    expect(await offline()).toEqual([]);
  });

  it('shows a kiosk online while its socket is open, and offline 60 s after it closed', async () => {
    await t.app.inject({ method: 'POST', url: `${base}/tickets`, headers: await t.as('manager'), payload: { serviceId: service('A') } });
    // The display never connected: offline since ever, once the hall is open.
    expect(await offline()).toEqual(['Demo display never', 'Demo kiosk never']);

    const manager = await live(await t.as('manager'));
    const kiosk = await live(t.kiosk);
    expect(await offline()).toEqual(['Demo display never']);
    // Written once the connection has lasted a moment, with the time it began.
    t.clock.advance(5_000);
    await expect.poll(async () => (await deviceRow('kiosk')).last_connected_at, { timeout: 5000 }).toBe('2026-11-23T02:00:00.000Z');
    await eventually(() => hints(manager).some((h) => h.type === 'records.changed' && h.record === 'device'), 5000, 'a device hint');

    t.clock.advance(5 * 60_000);
    const closedAt = t.clock.now().toISOString();
    await closeAndSettle(kiosk);
    expect((await deviceRow('kiosk')).last_disconnected_at).toBe(closedAt);
    // The hint of the close reaches the manager's socket a moment after the row is written.
    await expect.poll(() => hints(manager).filter((h) => h.type === 'records.changed' && h.record === 'device').length, { timeout: 5000 }).toBe(2);

    t.clock.advance(59_000);
    expect(await offline()).toEqual(['Demo display never']);
    t.clock.advance(2_000);
    expect(await offline()).toEqual(['Demo display never', `Demo kiosk ${closedAt}`]);
  });

  it('writes nothing for a socket that closes at once (a reload, a probe)', async () => {
    const before = await deviceRow('display');
    const display = await live(t.display);
    await closeAndSettle(display);
    expect(await deviceRow('display')).toEqual(before);
  });

  it('keeps a kiosk online while one of its two sockets is still open', async () => {
    await t.app.inject({ method: 'POST', url: `${base}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } });
    const first = await live(t.kiosk);
    await live(t.kiosk);
    first.close();
    await eventually(() => first.socket.readyState === first.socket.CLOSED, 5000, 'the first socket to close');
    t.clock.advance(5 * 60_000);
    await t.app.lobby.presence.settled();
    expect(await offline()).toEqual(['Demo display never']);
    expect((await deviceRow('kiosk')).last_disconnected_at).toBeNull();
  });

  it('never tells a kiosk, display or teller socket about devices', async () => {
    const watchers = [await live(t.kiosk), await live(t.display), await live(await t.as('teller1'))];
    const kiosk = await live(t.kiosk);
    kiosk.close();
    await t.app.inject({ method: 'POST', url: `${base}/devices/print-failure`, headers: t.kiosk, payload: { kind: 'paper_out' } });
    await t.app.lobby.presence.settled();
    const manager = await live(await t.as('manager'));
    await t.app.inject({ method: 'POST', url: `${base}/devices/print-failure`, headers: t.kiosk, payload: { kind: 'print_failed' } });
    await eventually(() => hints(manager).length > 0, 5000, 'the manager’s hint');
    for (const watcher of watchers) expect(hints(watcher)).toEqual([]);
  });
});

describe('print failures', () => {
  it('are reported by the kiosk, shown to the manager until resolved, once per kind', async () => {
    const report = (payload: object) => t.app.inject({ method: 'POST', url: `${base}/devices/print-failure`, headers: t.kiosk, payload });
    expect((await report({ kind: 'print_failed', detail: 'no afterprint within 8 s' })).statusCode).toBe(204);
    t.clock.advance(60_000);
    expect((await report({ kind: 'print_failed' })).statusCode).toBe(204);
    expect((await report({ kind: 'paper_out' })).statusCode).toBe(204);
    const faults = (await alerts()).deviceFaults;
    expect(faults.map((f) => [f.deviceLabel, f.kind, f.detail])).toEqual([
      ['Demo kiosk', 'paper_out', null],
      ['Demo kiosk', 'print_failed', 'no afterprint within 8 s'],
    ]);

    const resolve = (faultId: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `${base}/device-faults/${faultId}/resolve`, headers });
    expect((await resolve(faults[1]!.id, await t.as('teller1'))).statusCode).toBe(403);
    expect((await resolve(faults[1]!.id, await t.as('manager'))).statusCode).toBe(204);
    expect((await resolve(faults[1]!.id, await t.as('manager'))).statusCode).toBe(204);
    expect((await resolve('no-such-fault', await t.as('manager'))).statusCode).toBe(404);
    expect((await alerts()).deviceFaults.map((f) => f.kind)).toEqual(['paper_out']);
    const row = await t.app.lobby.db.selectFrom('device_faults').selectAll().where('id', '=', faults[1]!.id).executeTakeFirstOrThrow();
    expect(row.resolved_at).toBe('2026-11-23T02:01:00.000Z');
  });

  it('are for kiosks only, and say what is wrong with a bad report', async () => {
    const report = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: `${base}/devices/print-failure`, headers, payload });
    expect((await report(t.display, { kind: 'paper_out' })).statusCode).toBe(403);
    expect((await report(await t.as('manager'), { kind: 'paper_out' })).statusCode).toBe(403);
    const bad = await report(t.kiosk, { kind: 'on_fire' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('kind');
    expect((await report(t.kiosk, { kind: 'paper_out', detail: 'x'.repeat(201) })).statusCode).toBe(400);
    expect(await t.app.lobby.db.selectFrom('device_faults').select('id').execute()).toEqual([]);
  });
});
