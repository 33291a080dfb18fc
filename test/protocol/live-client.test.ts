/** The protocol client against the real server: snapshot, ordered events, resync on a gap, reconnect on restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveClient } from '../../protocol/live-client.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

let dir: string;
let t: TestApp;
let port: number;
const clients: LiveClient[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lobbyflow-live-'));
  t = await createTestApp({ dir });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A WebSocket that loses the messages whose positions are in `drop` (1 = the first message). */
function lossyWebSocket(drop: Set<number>) {
  return class Lossy {
    static readonly OPEN = WebSocket.OPEN;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private readonly socket: WebSocket;
    private received = 0;
    constructor(url: string) {
      this.socket = new WebSocket(url);
      this.socket.on('message', (data) => {
        if (!drop.has(++this.received)) this.onmessage?.({ data: String(data) });
      });
      this.socket.on('close', () => this.onclose?.());
      this.socket.on('error', () => this.onerror?.());
    }
    get readyState() {
      return this.socket.readyState;
    }
    send(data: string) {
      this.socket.send(data);
    }
    close() {
      this.socket.close();
    }
  } as unknown as typeof globalThis.WebSocket;
}

function client(WebSocketImpl: typeof globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket) {
  const live = new LiveClient({ url: `ws://127.0.0.1:${port}/api/branches/${BRANCH}/live?token=demo-display`, WebSocketImpl, minBackoffMs: 50, maxBackoffMs: 200 });
  clients.push(live);
  return live;
}

const issue = (prefix = 'A') =>
  t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } });
const serverSnapshot = async () => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: t.display })).json();

describe('LiveClient', () => {
  it('follows the branch: snapshot, then each event applied in order', async () => {
    const live = client();
    await eventually(() => live.connection === 'live', 5000, 'first snapshot');
    await issue();
    await issue('B');
    const teller = await t.as('teller1');
    await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/open`, headers: teller });
    await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/call-next`, headers: teller });
    const expected = await serverSnapshot();
    await eventually(() => live.state?.seq === expected.seq, 5000, 'events to arrive');
    expect(live.snapshots).toBe(1);
    expect(live.state!.tickets.map((x) => [x.number, x.status])).toEqual([
      ['A001', 'called'],
      ['B001', 'waiting'],
    ]);
    expect(live.state!.counters.find((c) => c.number === 1)?.currentTicketId).toBe(live.state!.tickets[0].id);
    expect(live.state!.queues).toEqual(expected.queues);
    expect(live.state!.recentCalls[0]).toMatchObject({ number: 'A001', counterNumber: 1 });
  });

  it('asks for a fresh snapshot when it sees a gap, and ends up with the server’s state', async () => {
    // Message 1 is the snapshot; message 3 (the second event) is lost on the way.
    const live = client(lossyWebSocket(new Set([3])));
    await eventually(() => live.connection === 'live', 5000, 'first snapshot');
    await issue();
    await issue();
    await issue();
    const expected = await serverSnapshot();
    await eventually(() => live.state?.seq === expected.seq, 5000, 'resync after the gap');
    expect(live.snapshots).toBe(2);
    expect(live.state!.tickets.map((x) => x.number)).toEqual(['A001', 'A002', 'A003']);
    expect(live.state!.queues).toEqual(expected.queues);
  });

  it('shows "reconnecting" while the server is down and resyncs from a snapshot after its restart', async () => {
    await issue();
    const live = client();
    await eventually(() => live.connection === 'live', 5000, 'first snapshot');
    const states: string[] = [];
    live.subscribe((c) => states.push(c.connection));

    await t.app.close();
    await eventually(() => live.connection === 'reconnecting', 5000, 'reconnecting state');

    // The same database file, the same port: as after a crash and restart.
    t = await createTestApp({ dir, seed: false });
    await t.app.listen({ port, host: '127.0.0.1' });
    await issue();
    await eventually(() => live.connection === 'live' && live.state?.tickets.length === 2, 10_000, 'reconnect');
    expect(states).toContain('reconnecting');
    expect(live.snapshots).toBeGreaterThanOrEqual(2);
    expect(live.state!.tickets.map((x) => x.number)).toEqual(['A001', 'A002']);
  });
});
