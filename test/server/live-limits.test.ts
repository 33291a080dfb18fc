/** No screen can stall the hall: snapshot floods, sockets that stop reading, and shared snapshots. */
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_CLOSE, type SnapshotMessage } from '../../protocol/messages.js';
import { SNAPSHOT_REQUESTS_PER_MINUTE } from '../../server/src/realtime/live-socket.js';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect, eventually } from '../helpers/ws.js';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await createTestApp({ liveMaxBufferedBytes: 256 * 1024 });
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(() => t.close());

const liveUrl = (token = 'demo-display') => `${base}/api/branches/${BRANCH}/live?token=${token}`;
const issue = (prefix = 'A', headers = t.kiosk) =>
  t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId: service(prefix) } });
const snapshotsOf = (messages: { type: string }[]) => messages.filter((m) => m.type === 'snapshot') as SnapshotMessage[];

describe('live socket limits', () => {
  it('answers a burst of snapshot requests with one more snapshot, not one each', async () => {
    const live = connect(liveUrl());
    await live.waitFor(1);
    for (let i = 0; i < 20; i++) live.socket.send(JSON.stringify({ type: 'snapshot.request' }));
    await eventually(() => snapshotsOf(live.messages).length >= 2, 5000, 'a second snapshot');
    // Let every request arrive and be answered; the requests made while one was being read share one answer.
    await new Promise((r) => setTimeout(r, 300));
    expect(snapshotsOf(live.messages).length).toBeLessThanOrEqual(4);
    live.close();
  });

  it('closes a socket that keeps asking for snapshots, while kiosks are served as usual', async () => {
    const flooder = connect(liveUrl());
    await flooder.waitFor(1);
    const closed = new Promise<number>((resolve) => flooder.socket.on('close', (code) => resolve(code)));
    for (let i = 0; i < 2000; i++) flooder.socket.send(JSON.stringify({ type: 'snapshot.request' }));
    const started = performance.now();
    expect((await issue()).statusCode).toBe(201);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await closed).toBe(LIVE_CLOSE.TOO_MANY_REQUESTS);
    expect(snapshotsOf(flooder.messages).length).toBeLessThanOrEqual(SNAPSHOT_REQUESTS_PER_MINUTE + 1);
    await eventually(() => t.app.lobby.hub.watching(BRANCH) === 0, 5000, 'the socket to leave');
  });

  it('drops a socket that stops reading instead of buffering for it without bound', async () => {
    // A full hall: each staff snapshot is then large. (Staff issue them: a kiosk may issue only so many a minute.)
    const staff = await t.as('manager');
    for (let i = 0; i < 300; i++) await issue(['A', 'B', 'C', 'D'][i % 4], staff);
    const manager = staff.authorization.replace('Bearer ', '');
    const stalled = connect(liveUrl(manager));
    await stalled.waitFor(1);
    const watcher = connect(liveUrl());
    await watcher.waitFor(1);
    stalled.socket.pause();
    // Each request is answered with a snapshot of the whole queue; the stalled client reads none.
    for (let i = 0; i < SNAPSHOT_REQUESTS_PER_MINUTE; i++) {
      stalled.socket.send(JSON.stringify({ type: 'snapshot.request' }));
      await issue('E', staff);
    }
    await eventually(() => t.app.lobby.hub.watching(BRANCH) === 1, 10_000, 'the stalled socket to be dropped');
    // The screen that reads on keeps every event.
    await eventually(() => watcher.messages.filter((m) => m.type === 'ticket.issued').length === SNAPSHOT_REQUESTS_PER_MINUTE, 5000, 'every event');
    stalled.socket.resume();
    watcher.close();
  });

  it('builds a snapshot once per sequence number and audience, and shares it', async () => {
    await issue();
    const first = await t.app.lobby.engine.snapshot(BRANCH, 'public');
    const again = await t.app.lobby.engine.snapshot(BRANCH, 'public');
    expect(again).toBe(first);
    const staff = await t.app.lobby.engine.snapshot(BRANCH, 'staff');
    expect(staff).not.toBe(first);
    await issue();
    const next = await t.app.lobby.engine.snapshot(BRANCH, 'public');
    expect(next).not.toBe(first);
    expect(next!.snapshot.seq).toBe(first!.snapshot.seq + 1);
  });
});

describe('the snapshot route', () => {
  it('answers with the shared snapshot, as JSON', async () => {
    await issue();
    const res = await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe((await t.app.lobby.engine.snapshot(BRANCH, 'staff'))!.json);
    expect(res.json().tickets).toHaveLength(1);
  });
});
