/**
 * Web Push to the customer's phone, against a push service stand-in on 127.0.0.1: the phone
 * subscribes with its ticket's UUID, and a teller's call reaches it as an encrypted (aes128gcm),
 * VAPID-signed message in the phone's language; "N ahead" arrives once; subscriptions end with
 * the ticket, at day close, and when the push service says they are gone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryVapidKeys } from '../../../server/src/lib/vapid-keys.js';
import { testPhone, verifyVapid } from '../../helpers/push-phone.js';
import { startRecordingServer, type RecordingServer } from '../../helpers/recording-server.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

const vapid = temporaryVapidKeys();
let t: TestApp;
let pushService: RecordingServer;
let teller: Record<string, string>;

beforeEach(async () => {
  pushService = await startRecordingServer();
  t = await createTestApp({ notifications: { vapid, allowLoopbackPushEndpoints: true } });
  teller = await t.as('teller1');
  expect((await post(`/api/counters/${counter(1)}/open`, teller)).statusCode).toBe(200);
});
afterEach(async () => {
  await t.close();
  await pushService.close();
});

const post = (url: string, headers: Record<string, string> = {}, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

async function issue(serviceId = service('A')): Promise<{ id: string; number: string }> {
  const res = await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const subscribe = (ticketId: string, payload: object) => post(`/api/public/tickets/${ticketId}/push-subscription`, {}, payload);

async function callNext(): Promise<{ id: string; number: string }> {
  const res = await post(`/api/counters/${counter(1)}/call-next`, teller);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Serves the called ticket to the end, so the counter may call again. */
async function finish(ticketId: string): Promise<void> {
  expect((await post(`/api/tickets/${ticketId}/start`, teller)).statusCode).toBe(200);
  expect((await post(`/api/tickets/${ticketId}/complete`, teller)).statusCode).toBe(200);
}

/** Calls the next ticket after finishing the one at the counter, if any. */
async function serveNext(current?: { id: string }): Promise<{ id: string; number: string }> {
  if (current) await finish(current.id);
  return callNext();
}

const subscriptionCount = async () => Number((await t.app.lobby.db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** Waits until every event is handled and every push answered. */
const settled = () => t.app.notifications.settled();

describe('the server key', () => {
  it('gives the phone page the install’s VAPID public key without signing in', async () => {
    const res = await t.app.inject({ url: '/api/public/push-key' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ publicKey: vapid.publicKey });
  });
});

describe('subscribing', () => {
  it('refuses what is not a push subscription, naming the field, and keeps nothing', async () => {
    const ticket = await issue();
    const phone = testPhone();
    const good = phone.subscription(`${pushService.url}/push/1`);
    const cases: [object, string][] = [
      [{ subscription: { ...good, endpoint: 'http://push.example.com/x' }, locale: 'en' }, 'body/subscription/endpoint'],
      [{ subscription: { ...good, endpoint: 'not a url' }, locale: 'en' }, 'body/subscription/endpoint'],
      [{ subscription: { ...good, endpoint: 'https://user:pw@push.example.com/x' }, locale: 'en' }, 'body/subscription/endpoint'],
      [{ subscription: { ...good, keys: { ...good.keys, p256dh: 'AAAA' } }, locale: 'en' }, 'body/subscription/keys/p256dh'],
      [{ subscription: { ...good, keys: { ...good.keys, p256dh: 'not base64url!' } }, locale: 'en' }, 'body/subscription/keys/p256dh'],
      [{ subscription: { ...good, keys: { ...good.keys, auth: Buffer.alloc(8).toString('base64url') } }, locale: 'en' }, 'body/subscription/keys/auth'],
      [{ subscription: { endpoint: good.endpoint }, locale: 'en' }, "body/subscription must have required property 'keys'"],
      [{ subscription: good, locale: 'fr' }, 'body/locale'],
      [{ subscription: good }, "body must have required property 'locale'"],
    ];
    for (const [payload, field] of cases) {
      const res = await subscribe(ticket.id, payload);
      expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBe(400);
      expect(res.json().message).toContain(field);
    }
    expect(await subscriptionCount()).toBe(0);
  });

  it('answers 404 for an unknown ticket and 409 for one that has ended', async () => {
    const phone = testPhone();
    const body = { subscription: phone.subscription(`${pushService.url}/push/1`), locale: 'en' };
    expect((await subscribe('00000000-0000-7000-8000-000000000000', body)).statusCode).toBe(404);
    const ticket = await issue();
    await callNext();
    await finish(ticket.id);
    expect((await subscribe(ticket.id, body)).statusCode).toBe(409);
    expect(await subscriptionCount()).toBe(0);
  });

  it('requires https in production: the loopback stand-in is refused without the tests’ allowance', async () => {
    const strict = await createTestApp({ notifications: { vapid } });
    try {
      const res = await strict.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: strict.kiosk, payload: { serviceId: service('A') } });
      const sub = await strict.app.inject({
        method: 'POST',
        url: `/api/public/tickets/${res.json().id}/push-subscription`,
        payload: { subscription: testPhone().subscription(`${pushService.url}/push/1`), locale: 'en' },
      });
      expect(sub.statusCode).toBe(400);
      expect(sub.json().message).toContain('body/subscription/endpoint');
    } finally {
      await strict.close();
    }
  });

  it('lets a few phones follow one ticket, and refuses a sixth', async () => {
    const ticket = await issue();
    for (let i = 1; i <= 5; i++) {
      expect((await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/${i}`), locale: 'en' })).statusCode).toBe(204);
    }
    // The same phone again only refreshes its keys and language.
    expect((await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/5`), locale: 'zh-HK' })).statusCode).toBe(204);
    const sixth = await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/6`), locale: 'en' });
    expect(sixth.statusCode).toBe(409);
    expect(await subscriptionCount()).toBe(5);
  });

  it('forgets the phone on unsubscribe', async () => {
    const ticket = await issue();
    const sub = testPhone().subscription(`${pushService.url}/push/1`);
    expect((await subscribe(ticket.id, { subscription: sub, locale: 'en' })).statusCode).toBe(204);
    expect(await subscriptionCount()).toBe(1);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/public/tickets/${ticket.id}/push-subscription`, payload: { endpoint: sub.endpoint } });
    expect(res.statusCode).toBe(204);
    expect(await subscriptionCount()).toBe(0);
  });
});

describe('a call reaches the phone', () => {
  it('sends "please go to counter 1" encrypted and VAPID-signed, in the phone’s language', async () => {
    const ticket = await issue();
    const phone = testPhone();
    const endpoint = `${pushService.url}/push/abc`;
    expect((await subscribe(ticket.id, { subscription: phone.subscription(endpoint), locale: 'zh-Hant' })).statusCode).toBe(204);

    expect((await callNext()).id).toBe(ticket.id);
    const [request] = await pushService.waitFor(1);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/push/abc');
    expect(request!.headers['content-encoding']).toBe('aes128gcm');
    expect(request!.headers['ttl']).toBe('300');
    expect(request!.headers['urgency']).toBe('high');
    const claims = verifyVapid(request!.headers.authorization, vapid.publicKey, endpoint);
    expect(claims.sub).toMatch(/^mailto:|^https:/);
    // Encrypted: the plain words are not in the body, and the phone's keys open it.
    expect(request!.body.includes(Buffer.from('1號窗口'))).toBe(false);
    expect(JSON.parse(phone.decrypt(request!.body))).toEqual({
      title: ticket.number,
      body: '請到 1號窗口',
      tag: `lobbyflow-${ticket.number}`,
      url: `/kiosk-ui/ticket.html?id=${ticket.id}`,
    });

    // A recall says so, and names the counter though the recall's event does not carry it.
    expect((await post(`/api/tickets/${ticket.id}/recall`, teller)).statusCode).toBe(200);
    const [, recall] = await pushService.waitFor(2);
    expect(JSON.parse(phone.decrypt(recall!.body)).body).toBe('再次叫號：請到 1號窗口');
  });

  it('tells "3 people ahead" once, when the ticket comes within the branch’s pushAheadCount', async () => {
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await issue());
    const mine = tickets[4]!; // 4 ahead
    const phone = testPhone();
    expect((await subscribe(mine.id, { subscription: phone.subscription(`${pushService.url}/push/me`), locale: 'en' })).statusCode).toBe(204);

    let current = await serveNext(); // 3 ahead now
    const [ahead] = await pushService.waitFor(1);
    expect(JSON.parse(phone.decrypt(ahead!.body))).toMatchObject({ title: mine.number, body: '3 people ahead of you: please get ready' });

    current = await serveNext(current); // 2 ahead: no second notice
    current = await serveNext(current); // 1 ahead
    await settled();
    expect(pushService.requests).toHaveLength(1);

    current = await serveNext(current);
    expect((await serveNext(current)).id).toBe(mine.id);
    const [, called] = await pushService.waitFor(2);
    expect(JSON.parse(phone.decrypt(called!.body)).body).toBe('Please go to counter 1');
    await settled();
    expect(pushService.requests).toHaveLength(2);
  });

  it('never tells a ticket that was already close when it was taken', async () => {
    await issue();
    const mine = await issue(); // 1 ahead at issue
    expect((await subscribe(mine.id, { subscription: testPhone().subscription(`${pushService.url}/push/me`), locale: 'en' })).statusCode).toBe(204);
    await callNext(); // 0 ahead
    await settled();
    expect(pushService.requests).toHaveLength(0);
  });
});

describe('subscriptions end', () => {
  it('with the ticket', async () => {
    const ticket = await issue();
    expect((await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/1`), locale: 'en' })).statusCode).toBe(204);
    await callNext();
    await finish(ticket.id);
    await settled();
    expect(await subscriptionCount()).toBe(0);
  });

  it('at day close, when yesterday’s leftovers are cancelled', async () => {
    const ticket = await issue();
    expect((await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/1`), locale: 'en' })).statusCode).toBe(204);
    t.clock.advance(24 * 3600_000);
    expect(await t.app.lobby.dayClose.closePastDays(BRANCH)).toBe(1);
    await settled();
    expect(await subscriptionCount()).toBe(0);
  });

  it('when the push service says the subscription is gone (410)', async () => {
    pushService.answer = () => 410;
    const ticket = await issue();
    expect((await subscribe(ticket.id, { subscription: testPhone().subscription(`${pushService.url}/push/gone`), locale: 'en' })).statusCode).toBe(204);
    await callNext();
    await pushService.waitFor(1);
    await settled();
    expect(await subscriptionCount()).toBe(0);
  });
});
