import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent, ServerMessage, SnapshotMessage } from '../../protocol/messages.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect, eventually } from '../helpers/ws.js';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await createTestApp({ pingIntervalMs: 200 });
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(() => t.close());

const liveUrl = (token = 'demo-display', branch = BRANCH) => `${base}/api/branches/${branch}/live?token=${token}`;
const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
const issue = (prefix = 'A') => post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service(prefix) });

describe('the live socket', () => {
  it('sends a snapshot, then one message per event in sequence order', async () => {
    await issue();
    const manager = (await t.as('manager')).authorization.replace('Bearer ', '');
    const live = connect(liveUrl(manager));
    const [snapshot] = (await live.waitFor(1)) as SnapshotMessage[];
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.audience).toBe('staff');
    expect(snapshot.tickets.map((x) => x.number)).toEqual(['A001']);

    await issue('B');
    const teller = await t.as('teller1');
    await post(`/api/counters/${counter(1)}/open`, teller);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    const events = (await live.waitFor(4)).slice(1) as DomainEvent[];
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'counter.opened', 'ticket.called']);
    expect(events.map((e) => e.seq)).toEqual([snapshot.seq + 1, snapshot.seq + 2, snapshot.seq + 3]);
    const called = events[2];
    expect(called.type === 'ticket.called' && called.ticket).toMatchObject({ number: 'A001', status: 'called', counterId: counter(1) });
    expect(called.queues.find((q) => q.serviceId === service('A'))?.waitingCount).toBe(0);
    expect(called.queues.find((q) => q.serviceId === service('B'))?.waitingCount).toBe(1);
    live.close();
  });


  it('gives the hall’s screens the queue figures and the tickets at a counter, not the waiting customers', async () => {
    await issue();
    await issue();
    const teller = await t.as('teller1');
    await post(`/api/counters/${counter(1)}/open`, teller);
    const called = (await post(`/api/counters/${counter(1)}/call-next`, teller)).json();
    const display = connect(liveUrl());
    const [snapshot] = (await display.waitFor(1)) as SnapshotMessage[];
    expect(snapshot.audience).toBe('public');
    expect(snapshot.tickets.map((x) => x.id)).toEqual([called.id]);
    expect(snapshot.queues.find((q) => q.serviceId === service('A'))?.waitingCount).toBe(1);
    display.close();
  });
  it('answers a snapshot request with a fresh snapshot at the current sequence number', async () => {
    const live = connect(liveUrl());
    await live.waitFor(1);
    await issue();
    await live.waitFor(2);
    live.socket.send(JSON.stringify({ type: 'snapshot.request' }));
    const [, event, snapshot] = (await live.waitFor(3)) as [ServerMessage, DomainEvent, SnapshotMessage];
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.seq).toBe(event.seq);
    live.close();
  });

  it('answers malformed client messages with an error, and keeps the connection', async () => {
    const live = connect(liveUrl());
    await live.waitFor(1);
    live.socket.send('not json');
    live.socket.send(JSON.stringify({ type: 'shout' }));
    const [, a, b] = await live.waitFor(3);
    expect(a).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    expect(b).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    live.socket.send(JSON.stringify({ type: 'ping' }));
    expect((await live.waitFor(4))[3]).toEqual({ type: 'pong' });
    live.close();
  });

  it('authenticates with a staff session cookie too', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'demo' } });
    const cookie = login.cookies.find((c) => c.name === 'lobbyflow_session')!;
    const live = connect(`${base}/api/branches/${BRANCH}/live`, { headers: { cookie: `lobbyflow_session=${cookie.value}` } });
    expect((await live.waitFor(1))[0].type).toBe('snapshot');
    live.close();
  });

  it('tells a socket whose token no longer holds to stop (4401) rather than refusing it like a lost connection', async () => {
    const live = connect(liveUrl('nope'));
    const closed = new Promise<number>((resolve) => live.socket.on('close', (code) => resolve(code)));
    expect(await closed).toBe(4401);
    expect(live.messages).toEqual([]);
  });

  it.each([
    ['no token', `/api/branches/${BRANCH}/live`, 401],
    ['an unknown branch', '/api/branches/nowhere/live?token=demo-display', 403],
  ])('refuses the upgrade with %s', async (_name, path, status) => {
    const socket = new WebSocket(`${base}${path}`);
    const code = await new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(code).toBe(status);
  });

  it('drops a socket that stops answering pings', async () => {
    const live = connect(liveUrl(), { autoPong: false });
    await live.waitFor(1);
    let closed = false;
    live.socket.on('close', () => (closed = true));
    await eventually(() => closed, 3000, 'the server to drop the dead socket');
  });

  it('closes the socket of a device whose token is revoked', async () => {
    const admin = await t.as('admin');
    const created = await post(`/api/branches/${BRANCH}/admin/device-tokens`, admin, { kind: 'display', label: 'Wall 2' });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id } = created.json();
    const live = connect(liveUrl(token));
    await live.waitFor(1);
    const closed = new Promise<number>((resolve) => live.socket.on('close', (code) => resolve(code)));
    expect((await post(`/api/branches/${BRANCH}/admin/device-tokens/${id}/revoke`, admin)).statusCode).toBe(200);
    expect(await closed).toBe(4401);
  });

  it('closes a staff socket when the session ends', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'teller2', password: 'demo' } });
    const token = login.json().token;
    const live = connect(liveUrl(token));
    await live.waitFor(1);
    const closed = new Promise<number>((resolve) => live.socket.on('close', (code) => resolve(code)));
    await post('/api/auth/logout', { authorization: `Bearer ${token}` });
    expect(await closed).toBe(4401);
  });

  it('keeps a healthy socket open across many pings', async () => {
    const live = connect(liveUrl());
    await live.waitFor(1);
    await new Promise((r) => setTimeout(r, 700));
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    live.close();
  });
});
