import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const issue = async (serviceId = service('A'), headers = t.kiosk, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId, ...extra } });

async function openCounter(n: number, username = `teller${n}`) {
  const headers = await t.as(username);
  const res = await t.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/open`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return headers;
}

const post = (url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

/** Every table's rows, to prove a refused request changed nothing. */
async function dump() {
  const db = t.app.lobby.db;
  return {
    tickets: await db.selectFrom('tickets').selectAll().orderBy('id').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('seq').execute(),
  };
}

describe('GET /api/health', () => {
  it('answers ok without signing in', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/auth/login', () => {
  it('returns a token, the user, and an HttpOnly cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'demo' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'manager', role: 'manager', branchId: 'demo' });
    expect(res.json().user).not.toHaveProperty('password_hash');
    const cookie = res.cookies.find((c) => c.name === 'lobbyflow_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({ url: '/api/auth/me', cookies: { lobbyflow_session: cookie!.value } });
    expect(me.json().username).toBe('manager');
  });

  it.each([
    [{ username: 'manager', password: 'wrong' }, 401, 'INVALID_CREDENTIALS'],
    [{ username: 'nobody', password: 'demo' }, 401, 'INVALID_CREDENTIALS'],
    [{ username: 'manager' }, 400, 'VALIDATION_FAILED'],
    [{ username: 7, password: 'demo' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %j with %i', async (payload, status, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('ends the session on logout', async () => {
    const headers = await t.as('manager');
    expect((await post('/api/auth/logout', headers)).statusCode).toBe(204);
    const res = await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers });
    expect(res.statusCode).toBe(401);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await createTestApp({ loginsPerMinute: 3 });
    const tries = [];
    for (let i = 0; i < 4; i++) {
      tries.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'x' } })).statusCode);
    }
    expect(tries).toEqual([401, 401, 401, 429]);
    await limited.close();
  });
});

describe('reading a branch', () => {
  it.each(['services', 'counters', 'machines', 'snapshot'])('GET %s works for kiosk, display and staff', async (what) => {
    for (const headers of [t.kiosk, t.display, await t.as('teller1')]) {
      const res = await t.app.inject({ url: `/api/branches/${BRANCH}/${what}`, headers });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('lists the demo services with their prefixes and names in three languages', async () => {
    const res = await t.app.inject({ url: `/api/branches/${BRANCH}/services`, headers: t.kiosk });
    expect(res.json().map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'V']);
    expect(res.json()[0].name).toEqual({ en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取' });
  });

  it('gives 401 without a token, 401 for an unknown token, 404 for an unknown branch', async () => {
    expect((await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    const admin = await t.as('admin');
    const res = await t.app.inject({ url: '/api/branches/nowhere/snapshot', headers: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('nowhere');
  });

  it('gives 403 to staff of another branch', async () => {
    const headers = await t.as('manager');
    expect((await t.app.inject({ url: '/api/branches/other/snapshot', headers })).statusCode).toBe(403);
  });
});

describe('POST /api/branches/:branchId/tickets', () => {
  it('issues A001, then A002 with one person ahead and a longer estimated wait', async () => {
    const res = await issue();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: 'A001', status: 'waiting', tier: 'regular', position: 0, serviceId: service('A') });
    // Counter 1 serves the first customer, so the next ones must wait for it.
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    const second = (await issue()).json();
    const third = (await issue()).json();
    expect(second).toMatchObject({ number: 'A002', position: 0 });
    expect(third).toMatchObject({ number: 'A003', position: 1 });
    expect(second.estimatedWaitSeconds).toBeGreaterThan(0);
    expect(third.estimatedWaitSeconds).toBeGreaterThan(second.estimatedWaitSeconds);
  });

  it('records the wait promised at issue, to measure the estimate later', async () => {
    const ticket = (await issue()).json();
    const row = await t.app.lobby.db.selectFrom('tickets').select('issue_estimate_seconds').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.issue_estimate_seconds).toBe(ticket.estimatedWaitSeconds);
  });

  it('numbers each service separately', async () => {
    await issue(service('A'));
    expect((await issue(service('B'))).json().number).toBe('B001');
  });

  it('lets staff issue a ticket for a customer (派號) and records who did', async () => {
    const headers = await t.as('manager');
    const res = await issue(service('C'), headers, { tier: 'priority' });
    expect(res.statusCode).toBe(201);
    const event = await t.app.lobby.db.selectFrom('events').selectAll().where('ticket_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(event.type).toBe('ticket.issued');
    expect(event.actor_id).not.toBeNull();
  });

  it('keeps only a keyed hash of the customer reference, on the server, and never sends it out', async () => {
    const res = await issue(service('A'), t.kiosk, { tier: 'vip', customerRef: '6222020200112233' });
    expect(res.body).not.toContain('6222020200112233');
    const row = await t.app.lobby.db.selectFrom('tickets').select('customer_ref').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.customer_ref).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain(row.customer_ref);
  });

  it.each([
    ['a missing serviceId', {}, 'serviceId'],
    ['a numeric serviceId', { serviceId: 5 }, 'serviceId'],
    ['an unknown tier', { serviceId: 'demo-a', tier: 'gold' }, 'tier'],
    ['an empty customerRef', { serviceId: 'demo-a', customerRef: '' }, 'customerRef'],
  ])('answers 400 naming the field for %s, and changes nothing', async (_name, payload, field) => {
    const before = await dump();
    const res = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().message).toContain(field);
    expect(await dump()).toEqual(before);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/branches/${BRANCH}/tickets`,
      headers: { ...t.kiosk, 'content-type': 'application/json' },
      payload: '{"serviceId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown service, 403 for a display, 401 without a token', async () => {
    expect((await issue('demo-zz')).statusCode).toBe(404);
    expect((await issue(service('A'), t.display)).statusCode).toBe(403);
    expect((await issue(service('A'), {})).statusCode).toBe(401);
    expect((await t.app.lobby.db.selectFrom('tickets').selectAll().execute()).length).toBe(0);
  });
});

describe('counters', () => {
  it('lets a teller open, pause, resume and close their counter', async () => {
    const headers = await openCounter(1);
    const counters = (await t.app.inject({ url: `/api/branches/${BRANCH}/counters`, headers })).json();
    expect(counters[0]).toMatchObject({ number: 1, status: 'open', tellerName: 'Teller 1' });
    expect((await post(`/api/counters/${counter(1)}/pause`, headers)).json().status).toBe('paused');
    expect((await post(`/api/counters/${counter(1)}/open`, headers)).json().status).toBe('open');
    expect((await post(`/api/counters/${counter(1)}/close`, headers)).json()).toMatchObject({ status: 'closed', tellerId: null });
  });

  it('refuses a second counter for the same teller and a counter staffed by someone else', async () => {
    const teller1 = await openCounter(1);
    const res = await post(`/api/counters/${counter(2)}/open`, teller1);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TELLER_HAS_COUNTER');
    const teller2 = await t.as('teller2');
    const taken = await post(`/api/counters/${counter(1)}/open`, teller2);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('COUNTER_TAKEN');
  });

  it('lets a manager open a counter for a named teller', async () => {
    const manager = await t.as('manager');
    const me = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'teller4', password: 'demo' } })).json();
    const res = await post(`/api/counters/${counter(4)}/open`, manager, { tellerId: me.user.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', tellerId: me.user.id });
  });

  it('refuses a teller acting on a counter that is not theirs (403) and an unknown counter (404)', async () => {
    await openCounter(1);
    const teller2 = await t.as('teller2');
    expect((await post(`/api/counters/${counter(1)}/pause`, teller2)).statusCode).toBe(403);
    expect((await post(`/api/counters/${counter(1)}/call-next`, teller2)).statusCode).toBe(403);
    expect((await post('/api/counters/nope/call-next', teller2)).statusCode).toBe(404);
    expect((await post(`/api/counters/${counter(1)}/call-next`, t.kiosk)).statusCode).toBe(403);
  });

  it('refuses pausing a closed counter with 409 and changes nothing', async () => {
    const manager = await t.as('manager');
    const before = await dump();
    const res = await post(`/api/counters/${counter(3)}/pause`, manager);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
    expect(await dump()).toEqual(before);
  });
});

describe('the life of a ticket', () => {
  it('goes waiting → called → serving → done at a counter', async () => {
    const ticket = (await issue()).json();
    const teller = await openCounter(1);
    const called = await post(`/api/counters/${counter(1)}/call-next`, teller);
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ id: ticket.id, status: 'called', counterId: counter(1), callCount: 1 });
    expect((await post(`/api/tickets/${ticket.id}/recall`, teller)).json().callCount).toBe(2);
    expect((await post(`/api/tickets/${ticket.id}/start`, teller)).json().status).toBe('serving');
    const done = await post(`/api/tickets/${ticket.id}/complete`, teller);
    expect(done.json()).toMatchObject({ status: 'done' });
    const snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: teller })).json();
    expect(snapshot.counters[0].currentTicketId).toBeNull();
    expect(snapshot.tickets).toEqual([]);
    expect(snapshot.recentCalls.map((c: { recall: boolean }) => c.recall)).toEqual([true, false]);
    const types = (await t.app.lobby.db.selectFrom('events').select('type').where('ticket_id', '=', ticket.id).orderBy('seq').execute()).map((e) => e.type);
    expect(types).toEqual(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.completed']);
  });

  it('answers 204 to call-next when nobody waits for the counter', async () => {
    await issue(service('E'));
    const teller = await openCounter(1);
    expect((await post(`/api/counters/${counter(1)}/call-next`, teller)).statusCode).toBe(204);
  });

  it('refuses calling at a closed or paused counter, and while the current customer is not finished', async () => {
    await issue();
    await issue();
    const manager = await t.as('manager');
    const closed = await post(`/api/counters/${counter(2)}/call-next`, manager);
    expect(closed.json()).toMatchObject({ statusCode: 409, code: 'COUNTER_CLOSED' });
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    const busy = await post(`/api/counters/${counter(1)}/call-next`, teller);
    expect(busy.json()).toMatchObject({ statusCode: 409, code: 'COUNTER_BUSY' });
    await post(`/api/counters/${counter(1)}/pause`, teller);
    const paused = await post(`/api/counters/${counter(1)}/call-next`, teller);
    expect(paused.json().code).toBe('COUNTER_PAUSED');
  });

  it('refuses completing a waiting ticket with 409 and changes nothing', async () => {
    const ticket = (await issue()).json();
    const manager = await t.as('manager');
    const before = await dump();
    const res = await post(`/api/tickets/${ticket.id}/complete`, manager);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('A001') });
    expect(await dump()).toEqual(before);
  });

  it('marks a no-show and frees the counter', async () => {
    const ticket = (await issue()).json();
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    // The demo branch allows a no-show after one recall.
    await post(`/api/tickets/${ticket.id}/recall`, teller);
    expect((await post(`/api/tickets/${ticket.id}/no-show`, teller)).json().status).toBe('no_show');
    expect((await post(`/api/counters/${counter(1)}/close`, teller)).statusCode).toBe(200);
  });

  it('transfers a ticket to another service, keeping its arrival time and its place', async () => {
    const first = (await issue(service('A'))).json();
    t.clock.advance(60_000);
    await issue(service('C'));
    const teller = await openCounter(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    const moved = await post(`/api/tickets/${first.id}/transfer`, teller, { serviceId: service('C') });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'waiting', serviceId: service('C'), issuedAt: first.issuedAt, position: 0, counterId: null });
    expect((await post(`/api/tickets/${first.id}/transfer`, teller, { serviceId: service('C') })).statusCode).toBe(403);
    const manager = await t.as('manager');
    const same = await post(`/api/tickets/${first.id}/transfer`, manager, { serviceId: service('C') });
    expect(same.json().code).toBe('INVALID_TRANSITION');
    expect((await post(`/api/tickets/${first.id}/transfer`, manager, { serviceId: 'demo-zz' })).statusCode).toBe(404);
    expect((await post(`/api/tickets/${first.id}/transfer`, manager, {})).statusCode).toBe(400);
  });

  it('lets the manager divert a waiting customer to self-service, and nobody else', async () => {
    const ticket = (await issue()).json();
    const teller = await openCounter(1);
    expect((await post(`/api/tickets/${ticket.id}/divert`, teller, { machineKind: 'atm' })).statusCode).toBe(403);
    const manager = await t.as('manager');
    expect((await post(`/api/tickets/${ticket.id}/divert`, manager, { machineKind: 'bank' })).statusCode).toBe(400);
    const res = await post(`/api/tickets/${ticket.id}/divert`, manager, { machineKind: 'atm' });
    expect(res.json()).toMatchObject({ status: 'diverted', divertedTo: 'atm' });
    expect((await post(`/api/tickets/${ticket.id}/divert`, manager, { machineKind: 'atm' })).statusCode).toBe(409);
  });

  it('lets the manager move a waiting ticket into the VIP lane, recorded with the manager’s id', async () => {
    const regular = (await issue()).json();
    const manager = await t.as('manager');
    const res = await post(`/api/tickets/${regular.id}/tier`, manager, { tier: 'vip' });
    expect(res.json().tier).toBe('vip');
    const event = await t.app.lobby.db
      .selectFrom('events')
      .innerJoin('users', 'users.id', 'events.actor_id')
      .select(['events.type', 'users.username'])
      .where('events.ticket_id', '=', regular.id)
      .where('events.type', '=', 'ticket.tier_changed')
      .executeTakeFirstOrThrow();
    expect(event.username).toBe('manager');
    expect((await post(`/api/tickets/${regular.id}/tier`, t.kiosk, { tier: 'vip' })).statusCode).toBe(403);
    expect((await post(`/api/tickets/${regular.id}/tier`, await t.as('teller1'), { tier: 'vip' })).statusCode).toBe(403);
  });

  it('calls a VIP ticket at the VIP counter before older regular tickets', async () => {
    await issue(service('A'));
    const vip = (await issue(service('A'), t.kiosk, { tier: 'vip' })).json();
    const teller = await openCounter(6);
    expect((await post(`/api/counters/${counter(6)}/call-next`, teller)).json().id).toBe(vip.id);
  });

  it('lets the manager cancel a waiting ticket; a display may not', async () => {
    const ticket = (await issue()).json();
    expect((await post(`/api/tickets/${ticket.id}/cancel`, t.display)).statusCode).toBe(403);
    expect((await post(`/api/tickets/${ticket.id}/cancel`, await t.as('manager'))).json().status).toBe('cancelled');
    expect((await post('/api/tickets/none/cancel', await t.as('manager'))).statusCode).toBe(404);
  });

  it('records a kiosk diversion to self-service without a ticket', async () => {
    const res = await post(`/api/branches/${BRANCH}/diversions`, t.kiosk, { serviceId: service('A'), machineKind: 'atm' });
    expect(res.statusCode).toBe(204);
    const event = await t.app.lobby.db.selectFrom('events').selectAll().where('type', '=', 'customer.diverted').executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload).diversion).toEqual({ serviceId: service('A'), machineKind: 'atm' });
    expect((await post(`/api/branches/${BRANCH}/diversions`, t.kiosk, { serviceId: service('A') })).statusCode).toBe(400);
  });

  it('shows the customer their ticket on the public page, called to a counter', async () => {
    const ticket = (await issue()).json();
    const teller = await openCounter(3);
    await post(`/api/counters/${counter(3)}/call-next`, teller);
    const res = await t.app.inject({ url: `/api/public/tickets/${ticket.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ticket: { number: 'A001', status: 'called' }, counterNumber: 3, branchName: { en: 'Demo Branch' } });
    expect((await t.app.inject({ url: '/api/public/tickets/unknown' })).statusCode).toBe(404);
  });
});

describe('refused ticket actions', () => {
  it.each([
    ['recall', 'waiting'],
    ['start', 'waiting'],
    ['no-show', 'waiting'],
    ['complete', 'called'],
    ['no-show', 'serving'],
    ['cancel', 'serving'],
  ])('refuses %s of a %s ticket with 409 INVALID_TRANSITION', async (action, status) => {
    const ticket = (await issue()).json();
    const teller = await openCounter(1);
    if (status !== 'waiting') await post(`/api/counters/${counter(1)}/call-next`, teller);
    if (status === 'serving') await post(`/api/tickets/${ticket.id}/start`, teller);
    const manager = await t.as('manager');
    const before = await dump();
    const res = await post(`/api/tickets/${ticket.id}/${action}`, manager);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
    expect(await dump()).toEqual(before);
  });
});

describe('GET /api/tickets/:ticketId', () => {
  it('reads a ticket of the branch, 404 for an unknown one, 401 without a token', async () => {
    const ticket = (await issue()).json();
    const res = await t.app.inject({ url: `/api/tickets/${ticket.id}`, headers: t.display });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ticket.id, number: 'A001' });
    expect((await t.app.inject({ url: '/api/tickets/none', headers: t.display })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/tickets/${ticket.id}` })).statusCode).toBe(401);
  });
});

describe('the API documentation', () => {
  it('serves OpenAPI with every route', async () => {
    const res = await t.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of ['/api/branches/{branchId}/tickets', '/api/counters/{counterId}/call-next', '/api/tickets/{ticketId}/transfer']) {
      expect(paths).toContain(path);
    }
  });

  it('answers unknown routes with a 404 in the same error shape', async () => {
    const res = await t.app.inject({ url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
