/**
 * The bank's webhooks, against a gateway stand-in on 127.0.0.1: signed deliveries the receiver
 * verifies with the secret, retries with backoff, a record of every attempt that survives a restart,
 * a dead gateway that never slows a teller's call, and the admin routes' roles and refusals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookPayload } from '../../../protocol/notification-routes.js';
import { verifyDelivery } from '../../../server/src/services/notifications/webhook-signature.js';
import { testPhone } from '../../helpers/push-phone.js';
import { startRecordingServer, type RecordingServer } from '../../helpers/recording-server.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

const HOOKS = `/api/branches/${BRANCH}/admin/webhooks`;
const SECRET = 'a-gateway-secret-of-the-bank-0123';

let t: TestApp;
let gateway: RecordingServer;
let admin: Record<string, string>;

async function open(options: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp({ notifications: { retryDelaysMs: [50, 100], timeoutMs: 1000 }, ...options });
  admin = await t.as('admin');
}

beforeEach(async () => {
  gateway = await startRecordingServer(() => 200);
});
afterEach(async () => {
  await t?.close();
  await gateway.close();
});

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string> = admin, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function register(events = ['ticket.issued', 'ticket.called', 'ticket.ahead'], url = `${gateway.url}/sms`) {
  const res = await inject('POST', HOOKS, admin, { url, secret: SECRET, events });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().webhook as { id: string };
}

async function issue(): Promise<{ id: string; number: string }> {
  const res = await inject('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function deliveriesOf(webhookId: string): Promise<WebhookDelivery[]> {
  await t.app.notifications.settled();
  return (await inject('GET', `${HOOKS}/${webhookId}/deliveries`)).json();
}

/** Waits for a condition the sender reaches in its own time (retries), checking after each settle. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await gateway.waitFor(gateway.requests.length + 1, 200).catch(() => undefined);
  }
}

describe('signed deliveries', () => {
  beforeEach(() => open());

  it('POSTs the issued ticket as JSON signed with the secret, with no personal data, and records it', async () => {
    const hook = await register();
    const ticket = await issue();
    const [request] = await gateway.waitFor(1);
    const body = request!.body.toString();
    expect(request!.path).toBe('/sms');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-lobbyflow-event']).toBe('ticket.issued');
    const timestamp = request!.headers['x-lobbyflow-timestamp'] as string;
    expect(timestamp).toMatch(/^\d+$/);
    expect(verifyDelivery(SECRET, timestamp, body, request!.headers['x-lobbyflow-signature'] as string)).toBe(true);
    expect(verifyDelivery('another-secret-entirely-0000', timestamp, body, request!.headers['x-lobbyflow-signature'] as string)).toBe(false);
    const payload = JSON.parse(body) as WebhookPayload;
    expect(payload).toEqual({
      id: request!.headers['x-lobbyflow-delivery'],
      type: 'ticket.issued',
      branchId: BRANCH,
      occurredAt: expect.any(String),
      ticket: { number: ticket.number, serviceId: service('A'), ahead: 0, locale: 'zh-Hant' },
    });
    expect(body).not.toMatch(/ticketId|customer|card|name/i);

    const [delivery] = await until(() => deliveriesOf(hook.id), (d) => d[0]?.status === 'delivered');
    expect(delivery).toMatchObject({ id: payload.id, eventType: 'ticket.issued', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
  });

  it('tells the gateway of a call with the counter, only for the events chosen', async () => {
    await register(['ticket.called']);
    const ticket = await issue();
    const teller = await t.as('teller1');
    expect((await inject('POST', `/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
    expect((await inject('POST', `/api/counters/${counter(1)}/call-next`, teller)).statusCode).toBe(200);
    const [request] = await gateway.waitFor(1);
    await t.app.notifications.settled();
    expect(gateway.requests).toHaveLength(1);
    expect(JSON.parse(request!.body.toString())).toMatchObject({ type: 'ticket.called', ticket: { number: ticket.number, counterNumber: 1, callCount: 1 } });
  });

  it('tells the gateway once when a ticket comes within pushAheadCount, in the language its phone chose', async () => {
    await t.close();
    await open({ notifications: { retryDelaysMs: [50, 100], timeoutMs: 1000, allowLoopbackPushEndpoints: true } });
    await register(['ticket.ahead']);
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await issue());
    const phone = testPhone().subscription(`${gateway.url}/push/phone`);
    expect((await inject('POST', `/api/public/tickets/${tickets[4]!.id}/push-subscription`, {}, { subscription: phone, locale: 'en' })).statusCode).toBe(204);
    const teller = await t.as('teller1');
    expect((await inject('POST', `/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
    expect((await inject('POST', `/api/counters/${counter(1)}/call-next`, teller)).statusCode).toBe(200);
    await gateway.waitFor(2); // the webhook and the phone's push
    await t.app.notifications.settled();
    const toGateway = gateway.requests.filter((r) => r.path === '/sms');
    expect(toGateway).toHaveLength(1);
    expect(JSON.parse(toGateway[0]!.body.toString())).toMatchObject({
      type: 'ticket.ahead',
      ticket: { number: tickets[4]!.number, serviceId: service('A'), ahead: 3, locale: 'en' },
    });
  });

  it('retries after a 500 with backoff and records both attempts', async () => {
    gateway.answer = (_request, index) => (index === 0 ? 500 : 200);
    const hook = await register(['ticket.issued']);
    await issue();
    const [first, second] = await gateway.waitFor(2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(45);
    expect(second!.headers['x-lobbyflow-delivery']).toBe(first!.headers['x-lobbyflow-delivery']);
    expect(second!.body.equals(first!.body)).toBe(true);
    const [delivery] = await until(() => deliveriesOf(hook.id), (d) => d[0]?.status === 'delivered');
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
  });

  it('gives up after the last attempt and says why', async () => {
    gateway.answer = () => 503;
    const hook = await register(['ticket.issued']);
    await issue();
    await gateway.waitFor(3);
    const [delivery] = await until(() => deliveriesOf(hook.id), (d) => d[0]?.status === 'failed');
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    await t.app.notifications.settled();
    expect(gateway.requests).toHaveLength(3);
  });

  it('sends a test delivery on request', async () => {
    const hook = await register(['ticket.issued']);
    const res = await inject('POST', `${HOOKS}/${hook.id}/test`);
    expect(res.statusCode, res.body).toBe(201);
    const [request] = await gateway.waitFor(1);
    expect(JSON.parse(request!.body.toString())).toMatchObject({ id: res.json().id, type: 'webhook.test', branchId: BRANCH });
    expect(verifyDelivery(SECRET, request!.headers['x-lobbyflow-timestamp'] as string, request!.body.toString(), request!.headers['x-lobbyflow-signature'] as string)).toBe(true);
  });
});

describe('a dead gateway', () => {
  it('never slows a teller’s call: calls answer at normal speed while every delivery hangs', async () => {
    await open({ notifications: { retryDelaysMs: [60_000], timeoutMs: 30_000, concurrency: 2 } });
    const teller = await t.as('teller1');
    expect((await inject('POST', `/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) await issue();

    // The normal time: calls with no webhook at all.
    const timeCall = async (ticketId?: string) => {
      if (ticketId) {
        await inject('POST', `/api/tickets/${ticketId}/start`, teller);
        await inject('POST', `/api/tickets/${ticketId}/complete`, teller);
      }
      const started = performance.now();
      const res = await inject('POST', `/api/counters/${counter(1)}/call-next`, teller);
      expect(res.statusCode).toBe(200);
      return { ms: performance.now() - started, id: res.json().id as string };
    };
    let last = await timeCall();
    const normal: number[] = [];
    for (let i = 0; i < 4; i++) normal.push((last = await timeCall(last.id)).ms);

    gateway.answer = () => 'hang';
    await register(['ticket.called', 'ticket.ahead', 'ticket.issued']);
    const withDeadGateway: number[] = [];
    for (let i = 0; i < 6; i++) withDeadGateway.push((last = await timeCall(last.id)).ms);
    await gateway.waitFor(2);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // The gateway holds every request for 30 s; the calls do not wait for it.
    expect(median(withDeadGateway)).toBeLessThan(Math.max(3 * median(normal), 150));
    expect(Math.max(...withDeadGateway)).toBeLessThan(1000);
    // At most `concurrency` requests wait on it; the rest queue.
    expect(gateway.hanging()).toBe(2);
  });

  it('resumes pending deliveries after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-webhooks-'));
    try {
      await open({ dir, notifications: { retryDelaysMs: [200], timeoutMs: 1000 } });
      gateway.answer = () => 500;
      const hook = await register(['ticket.issued']);
      await issue();
      await gateway.waitFor(1);
      const [pending] = await deliveriesOf(hook.id);
      expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      await t.close();

      gateway.answer = () => 200;
      await open({ dir, seed: false, notifications: { retryDelaysMs: [200], timeoutMs: 1000 } });
      await t.app.ready();
      await gateway.waitFor(2);
      const [delivered] = await until(() => deliveriesOf(hook.id), (d) => d[0]?.status === 'delivered');
      expect(delivered).toMatchObject({ id: pending!.id, status: 'delivered', attempts: 2 });
    } finally {
      await t.close();
      t = undefined as unknown as TestApp;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the admin routes', () => {
  beforeEach(() => open());

  it('shows the secret once, then masked; lets managers read but only admins change', async () => {
    const created = await inject('POST', HOOKS, admin, { url: `${gateway.url}/x`, events: ['ticket.called'] });
    expect(created.statusCode).toBe(201);
    const { webhook, secret } = created.json();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(webhook.secretHint).toBe(`••••${secret.slice(-4)}`);

    const manager = await t.as('manager');
    const list = await inject('GET', HOOKS, manager);
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain(secret);
    expect((await inject('GET', `${HOOKS}/${webhook.id}/deliveries`, manager)).statusCode).toBe(200);
    expect((await inject('POST', HOOKS, manager, { url: `${gateway.url}/y`, events: ['ticket.called'] })).statusCode).toBe(403);
    expect((await inject('PATCH', `${HOOKS}/${webhook.id}`, manager, { active: false })).statusCode).toBe(403);
    expect((await inject('POST', `${HOOKS}/${webhook.id}/test`, manager)).statusCode).toBe(403);
    expect((await inject('GET', HOOKS, await t.as('teller1'))).statusCode).toBe(403);
    expect((await inject('GET', HOOKS, {})).statusCode).toBe(401);
    expect((await inject('GET', HOOKS, t.kiosk)).statusCode).toBe(403);

    const replaced = await inject('POST', `${HOOKS}/${webhook.id}/secret`, admin, {});
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().secret).not.toBe(secret);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ url: 'ftp://gateway.example/x', events: ['ticket.called'] }, 'body/url'],
      [{ url: 'not a url', events: ['ticket.called'] }, 'body/url'],
      [{ url: 'https://user:pw@gateway.example/x', events: ['ticket.called'] }, 'body/url'],
      [{ url: 'https://gateway.example/x', events: [] }, 'body/events'],
      [{ url: 'https://gateway.example/x', events: ['ticket.served'] }, 'body/events/0'],
      [{ url: 'https://gateway.example/x', events: ['ticket.called', 'ticket.called'] }, 'body/events'],
      [{ url: 'https://gateway.example/x', events: ['ticket.called'], secret: 'short' }, 'body/secret'],
      [{ url: 'https://gateway.example/x', events: ['ticket.called'], secret: 'has spaces in it, sixteen+' }, 'body/secret'],
    ];
    for (const [payload, field] of cases) {
      const res = await inject('POST', HOOKS, admin, payload);
      expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBe(400);
      expect(res.json().message).toContain(field);
    }
    expect((await inject('GET', HOOKS)).json()).toEqual([]);

    const hook = await register(['ticket.called']);
    for (const [payload, field] of [
      [{}, 'body'],
      [{ url: 'mailto:x@y.z' }, 'body/url'],
      [{ active: 'no' }, 'body/active'],
    ] as [object, string][]) {
      const res = await inject('PATCH', `${HOOKS}/${hook.id}`, admin, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain(field);
    }
    expect((await inject('PATCH', `${HOOKS}/unknown-hook`, admin, { active: false })).statusCode).toBe(404);
    expect((await inject('GET', HOOKS)).json()).toMatchObject([{ id: hook.id, url: `${gateway.url}/sms`, active: true, events: ['ticket.called'] }]);
  });

  it('disables a webhook: no more deliveries, and the change is audited by field name', async () => {
    const hook = await register(['ticket.issued']);
    const res = await inject('PATCH', `${HOOKS}/${hook.id}`, admin, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    await issue();
    await t.app.notifications.settled();
    expect(gateway.requests).toHaveLength(0);
    const rows = await t.app.lobby.db.selectFrom('audit_log').select(['action', 'record_type', 'record_id', 'fields']).where('record_type', '=', 'webhook').orderBy('id').execute();
    expect(rows).toEqual([
      { action: 'create', record_type: 'webhook', record_id: hook.id, fields: JSON.stringify(['url', 'secret', 'events', 'active']) },
      { action: 'update', record_type: 'webhook', record_id: hook.id, fields: JSON.stringify(['active']) },
    ]);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });
});
