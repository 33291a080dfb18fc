/** The protocol client against the real server: snapshot, ordered events, resync on a gap, reconnect on restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_ROUTES, fillPath, type DeviceToken } from '../../protocol/admin-schemas.js';
import { LiveClient } from '../../protocol/live-client.js';
import { LIVE_CLOSE } from '../../protocol/messages.js';
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
    onclose: ((event: { code: number }) => void) | null = null;
    onerror: (() => void) | null = null;
    private readonly socket: WebSocket;
    private received = 0;
    constructor(url: string) {
      this.socket = new WebSocket(url);
      this.socket.on('message', (data) => {
        if (!drop.has(++this.received)) this.onmessage?.({ data: String(data) });
      });
      this.socket.on('close', (code) => this.onclose?.({ code }));
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

function client(WebSocketImpl: typeof globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket, token = 'demo-display') {
  const live = new LiveClient({ url: `ws://127.0.0.1:${port}/api/branches/${BRANCH}/live?token=${token}`, WebSocketImpl, minBackoffMs: 50, maxBackoffMs: 200 });
  clients.push(live);
  return live;
}

const issue = (prefix = 'A') =>
  t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } });
/** The lobby manager's session: a staff socket carries the waiting tickets too (a display's carries only those at a counter). */
const manager = () => t.as('manager');
const managerToken = async () => (await manager()).authorization.slice('Bearer '.length);
const serverSnapshot = async () => (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await manager() })).json();

describe('LiveClient', () => {
  it('follows the branch: snapshot, then each event applied in order', async () => {
    const live = client(undefined, await managerToken());
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
    const live = client(lossyWebSocket(new Set([3])), await managerToken());
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
    const live = client(undefined, await managerToken());
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

  it('stops reconnecting and says "signed out" when the server revokes its device token', async () => {
    // Revocation is noticed at the next ping: ping often.
    await t.close();
    t = await createTestApp({ dir, seed: false, pingIntervalMs: 100 });
    await t.app.listen({ port, host: '127.0.0.1' });
    let connects = 0;
    const live = client(
      class Counting extends WebSocket {
        constructor(url: string) {
          super(url);
          connects++;
        }
      } as unknown as typeof globalThis.WebSocket,
    );
    await eventually(() => live.connection === 'live', 5000, 'first snapshot');

    const admin = await t.as('admin');
    const tokens = (await t.app.inject({ url: fillPath(ADMIN_ROUTES.deviceTokens, { branchId: BRANCH }), headers: admin })).json() as DeviceToken[];
    const display = tokens.find((token) => token.kind === 'display' && !token.revokedAt)!;
    const revoked = await t.app.inject({ method: 'POST', url: fillPath(ADMIN_ROUTES.deviceTokenRevoke, { branchId: BRANCH, tokenId: display.id }), headers: admin });
    expect(revoked.statusCode).toBe(200);

    await eventually(() => live.connection === 'signed_out', 5000, 'signed out');
    // With a 50 ms backoff, a client that kept trying would have come back many times by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(live.connection).toBe('signed_out');
    expect(connects).toBe(1);
  });

  it('counts records.changed hints per kind of record, outside the event sequence', async () => {
    const live = client(undefined, await managerToken());
    await eventually(() => live.connection === 'live', 5000, 'first snapshot');
    const seq = live.state!.seq;
    let told = 0;
    live.subscribe(() => told++);
    t.app.lobby.hints.publish(BRANCH, { record: 'complaint', id: 'c1' });
    t.app.lobby.hints.publish(BRANCH, { record: 'complaint', id: 'c2' });
    t.app.lobby.hints.publish(BRANCH, { record: 'referral', id: 'r1' });
    await eventually(() => live.recordHints.referral === 1, 5000, 'the hints');
    expect(live.recordHints).toEqual({ complaint: 2, referral: 1 });
    expect(told).toBe(3);
    // A hint is no event: the sequence stands, and the next event follows on without a resync.
    expect(live.state!.seq).toBe(seq);
    await issue();
    await eventually(() => live.state!.seq === seq + 1, 5000, 'the next event');
    expect(live.snapshots).toBe(1);
  });
});

/** A WebSocket the test closes by hand, counting how often the client opens one. */
function scriptedWebSocket() {
  const opened: Scripted[] = [];
  class Scripted {
    static readonly OPEN = 1;
    readyState = 1;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: { code: number }) => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly url: string) {
      opened.push(this);
      // Connected: the server's first message is a snapshot.
      queueMicrotask(() => this.onmessage?.({ data: JSON.stringify({ type: 'snapshot', ...emptySnapshot() }) }));
    }
    send() {}
    close() {
      this.readyState = 3;
    }
    /** The server closes the socket with `code`. */
    closeFromServer(code: number) {
      this.readyState = 3;
      this.onclose?.({ code });
    }
  }
  return { WebSocketImpl: Scripted as unknown as typeof globalThis.WebSocket, opened };
}

function emptySnapshot() {
  return {
    seq: 1,
    audience: 'public',
    at: '2026-11-23T02:00:00.000Z',
    branch: { id: 'demo', name: { en: 'Demo', zhHant: '示範', zhHans: '示范' }, timeZone: 'Asia/Shanghai', defaultLocale: 'en', settings: {} },
    services: [],
    counters: [],
    machines: [],
    queues: [],
    tickets: [],
    recentCalls: [],
  };
}

describe('LiveClient and the close code 4401', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not reconnect after a 4401 close, and says the device was signed out', async () => {
    vi.useFakeTimers();
    const { WebSocketImpl, opened } = scriptedWebSocket();
    const live = new LiveClient({ url: 'ws://lobby/api/branches/demo/live', WebSocketImpl, minBackoffMs: 10, maxBackoffMs: 20 });
    await vi.advanceTimersByTimeAsync(0);
    expect(live.connection).toBe('live');

    opened[0].closeFromServer(LIVE_CLOSE.UNAUTHORIZED);
    expect(live.connection).toBe('signed_out');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(opened).toHaveLength(1);
    expect(live.connection).toBe('signed_out');
    live.close();
  });

  it('does reconnect after any other close', async () => {
    vi.useFakeTimers();
    const { WebSocketImpl, opened } = scriptedWebSocket();
    const live = new LiveClient({ url: 'ws://lobby/api/branches/demo/live', WebSocketImpl, minBackoffMs: 10, maxBackoffMs: 20 });
    await vi.advanceTimersByTimeAsync(0);

    // The server is restarting (the close code a graceful shutdown sends).
    opened[0].closeFromServer(LIVE_CLOSE.SERVICE_RESTART);
    expect(live.connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(opened).toHaveLength(2);
    expect(live.connection).toBe('live');

    // The server went away, or the connection was lost without a close frame.
    opened[1].closeFromServer(1001);
    await vi.advanceTimersByTimeAsync(100);
    expect(opened).toHaveLength(3);
    opened[2].closeFromServer(1006);
    await vi.advanceTimersByTimeAsync(100);
    expect(opened).toHaveLength(4);
    live.close();
  });
});
