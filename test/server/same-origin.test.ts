/**
 * A page on another origin (another site, or another port of the same host) cannot act with the
 * manager's cookie: state-changing requests and live sockets from it are refused and change nothing.
 */
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let base: string;
let cookie: string;
beforeEach(async () => {
  t = await createTestApp({ allowedOrigins: ['https://console.bank.example'] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'demo' } });
  cookie = `lobbyflow_session=${login.cookies.find((c) => c.name === 'lobbyflow_session')!.value}`;
  await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } });
  await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/open`, headers: await t.as('teller1') });
});
afterEach(() => t.close());

const host = () => new URL(base).host;
const ticketStates = async () => (await t.app.lobby.db.selectFrom('tickets').select(['id', 'status']).orderBy('id').execute()).map((r) => `${r.id}:${r.status}`);
const callNext = (headers: Record<string, string>, body?: string) =>
  fetch(`${base}/api/counters/${counter(1)}/call-next`, { method: 'POST', headers: { cookie, ...headers }, body });

describe('requests from another origin', () => {
  it.each([
    ['another port of the same host', 'http://127.0.0.1:1'],
    ['another site', 'https://evil.example'],
    ['an origin that is not a URL', 'null'],
  ])('refuses call-next from %s with 403 and calls nobody', async (_, origin) => {
    const before = await ticketStates();
    const res = await callNext({ origin });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('FORBIDDEN');
    expect(await ticketStates()).toEqual(before);
  });

  it('accepts the server’s own pages, whatever the scheme in front, and the allowed origins', async () => {
    expect((await callNext({ origin: `https://${host()}` })).status).toBe(200);
    const again = await fetch(`${base}/api/tickets/${(await t.app.lobby.db.selectFrom('tickets').select('id').executeTakeFirstOrThrow()).id}/start`, {
      method: 'POST',
      headers: { cookie, origin: 'https://console.bank.example' },
    });
    expect(again.status).toBe(200);
  });

  it('lets reads through: a foreign page cannot read them anyway (no CORS headers)', async () => {
    const res = await fetch(`${base}/api/branches/${BRANCH}/services`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a text/plain body, the kind a cross-site form can send without asking', async () => {
    const before = await ticketStates();
    const res = await fetch(`${base}/api/branches/${BRANCH}/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'text/plain' },
      body: JSON.stringify({ serviceId: service('A') }),
    });
    expect(res.status).toBe(415);
    expect(await ticketStates()).toEqual(before);
  });

  it('refuses a live socket opened from another origin, before the upgrade', async () => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/branches/${BRANCH}/live`, { headers: { cookie, origin: 'http://127.0.0.1:1' } });
    const status = await new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
    const own = new WebSocket(`${base.replace('http', 'ws')}/api/branches/${BRANCH}/live`, { headers: { cookie, origin: `http://${host()}` } });
    const first = await new Promise<string>((resolve) => own.on('message', (raw) => resolve(JSON.parse(String(raw)).type)));
    expect(first).toBe('snapshot');
    own.close();
  });
});
