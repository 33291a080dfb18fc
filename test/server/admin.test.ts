import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { ADMIN, addNorthBranch, dump, recordEvents, requester, serviceBody } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, post, patch, del } = requester(() => t);

/** One valid request per route, so that access rules are checked on all of them. */
const ROUTES: [string, string, object?][] = [
  ['GET', '/services'],
  ['POST', '/services', serviceBody()],
  ['PATCH', `/services/${service('A')}`, { icon: '💰' }],
  ['GET', '/counters'],
  ['POST', '/counters', { number: 7, serviceIds: [service('A')] }],
  ['PATCH', `/counters/${counter(1)}`, { vip: true }],
  ['DELETE', `/counters/${counter(1)}`],
  ['GET', '/machines'],
  ['POST', '/machines', { kind: 'atm', label: 'ATM 4' }],
  ['GET', '/users'],
  ['POST', '/users', { username: 'teller7', displayName: 'Teller 7', role: 'teller', password: 'long enough' }],
  ['GET', '/device-tokens'],
  ['POST', '/device-tokens', { kind: 'kiosk', label: 'Kiosk 2' }],
  ['GET', '/branch'],
  ['PATCH', '/branch', { defaultLocale: 'en' }],
];

const call = (method: string, path: string, headers: Record<string, string>, payload?: object, branch = BRANCH) =>
  t.app.inject({ method: method as 'GET', url: `/api/branches/${branch}/admin${path}`, headers, ...(payload ? { payload } : {}) });

describe('who may administer a branch', () => {
  it.each(ROUTES)('%s %s needs a signed-in user (401)', async (method, path, payload) => {
    const before = await dump(t);
    const res = await call(method, path, {}, payload);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect(await dump(t)).toEqual(before);
  });

  it.each(ROUTES)('%s %s refuses tellers, kiosks and displays (403)', async (method, path, payload) => {
    const teller = await t.as('teller1');
    const before = await dump(t);
    for (const headers of [teller, t.kiosk, t.display]) {
      const res = await call(method, path, headers, payload);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await dump(t)).toEqual(before);
  });

  it.each(ROUTES)('%s %s refuses the manager of another branch (403)', async (method, path, payload) => {
    await addNorthBranch(t);
    const northManager = await t.as('north-manager');
    const before = await dump(t);
    const res = await call(method, path, northManager, payload);
    expect(res.statusCode, res.body).toBe(403);
    expect(await dump(t)).toEqual(before);
  });

  it.each(ROUTES)('%s %s works for the branch manager and for an admin', async (method, path, payload) => {
    for (const username of ['manager', 'admin']) {
      const res = await call(method, path, await t.as(username), payload);
      expect(res.statusCode, `${username}: ${res.body}`).toBeLessThan(300);
      if (method === 'POST' || method === 'DELETE') break; // The second create would be a duplicate.
    }
  });

  it('lets an admin into every branch, and answers 404 for a branch that does not exist', async () => {
    await addNorthBranch(t);
    const admin = await t.as('admin');
    expect((await call('GET', '/services', admin, undefined, 'north')).json().map((s: { id: string }) => s.id)).toEqual(['north-a']);
    const res = await call('GET', '/services', admin, undefined, 'nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('nowhere');
  });
});

describe('services', () => {
  it('creates a service that the kiosk can issue tickets for, and tells live screens', async () => {
    const events = recordEvents(t);
    const res = await post(`${ADMIN}/services`, await t.as('manager'), serviceBody());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ prefix: 'F', name: { zhHant: '養老金' }, active: true, sortOrder: 6, branchId: BRANCH });
    expect(events.map((e) => e.type)).toEqual(['branch.configured']);

    const ticket = await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: created.id });
    expect(ticket.json().number).toBe('F001');
  });

  it.each([
    [{ prefix: 'f' }, 'body/prefix'],
    [{ prefix: 'FF' }, 'body/prefix'],
    [{ targetWaitSeconds: 59 }, 'body/targetWaitSeconds'],
    [{ defaultServiceSeconds: 'long' }, 'body/defaultServiceSeconds'],
    [{ selfServiceKind: 'robot' }, 'body/selfServiceKind'],
    [{ name: { en: 'Pensions', zhHant: '養老金' } }, 'body/name'],
    [{ name: { en: '   ', zhHant: '養老金', zhHans: '养老金' } }, 'body/name/en'],
  ])('refuses %j with a 400 naming %s, and saves nothing', async (overrides, field) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/services`, headers, serviceBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('refuses a prefix already used in the branch, even by an inactive service (409)', async () => {
    const headers = await t.as('manager');
    expect((await patch(`${ADMIN}/services/${service('E')}`, headers, { active: false })).statusCode).toBe(200);
    const before = await dump(t);
    for (const prefix of ['A', 'E']) {
      const res = await post(`${ADMIN}/services`, headers, serviceBody({ prefix }));
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain(`prefix ${prefix}`);
    }
    const moved = await patch(`${ADMIN}/services/${service('B')}`, headers, { prefix: 'A' });
    expect(moved.statusCode).toBe(409);
    expect(await dump(t)).toEqual(before);
  });

  it('lets another branch use the same prefix', async () => {
    await addNorthBranch(t);
    const res = await post(`/api/branches/north/admin/services`, await t.as('admin'), serviceBody({ prefix: 'B' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('edits names, prefix, targets and order', async () => {
    const headers = await t.as('manager');
    const res = await patch(`${ADMIN}/services/${service('D')}`, headers, {
      prefix: 'X',
      name: { en: 'Currency exchange', zhHant: '外匯', zhHans: '外汇' },
      targetWaitSeconds: 1200,
      sortOrder: 0,
      selfServiceKind: 'atm',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: service('D'), prefix: 'X', name: { en: 'Currency exchange' }, targetWaitSeconds: 1200, selfServiceKind: 'atm' });
    const snapshot = (await get(`/api/branches/${BRANCH}/snapshot`, headers)).json();
    expect(snapshot.services.find((s: { id: string }) => s.id === service('D')).prefix).toBe('X');
  });

  it('answers 404 for a service that does not exist or belongs to another branch', async () => {
    await addNorthBranch(t);
    const headers = await t.as('admin');
    for (const id of ['nope', 'north-a']) {
      const res = await patch(`${ADMIN}/services/${id}`, headers, { icon: '✨' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toContain(id);
    }
  });

  it('refuses an edit with nothing to change (400)', async () => {
    const headers = await t.as('manager');
    const before = await dump(t);
    for (const payload of [{}, { colour: 'red' }]) {
      const res = await patch(`${ADMIN}/services/${service('A')}`, headers, payload);
      expect(res.statusCode, res.body).toBe(400);
    }
    expect(await dump(t)).toEqual(before);
  });

  it('deactivates a service: it leaves the kiosk and the counters, stays in the admin list, and can come back', async () => {
    const headers = await t.as('manager');
    const res = await patch(`${ADMIN}/services/${service('C')}`, headers, { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);

    const snapshot = (await get(`/api/branches/${BRANCH}/snapshot`, headers)).json();
    expect(snapshot.services.map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'B', 'D', 'E', 'V']);
    expect(snapshot.counters.every((c: { serviceIds: string[] }) => !c.serviceIds.includes(service('C')))).toBe(true);
    expect((await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('C') })).statusCode).toBe(404);

    const listed = (await get(`${ADMIN}/services`, headers)).json();
    expect(listed.find((s: { id: string }) => s.id === service('C'))).toMatchObject({ prefix: 'C', active: false });

    expect((await patch(`${ADMIN}/services/${service('C')}`, headers, { active: true })).json().active).toBe(true);
    expect((await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('C') })).json().number).toBe('C001');
  });

  it('refuses to deactivate a service while customers wait for it (409), and changes nothing', async () => {
    await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await patch(`${ADMIN}/services/${service('A')}`, headers, { active: false, icon: '💵' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/1 customer/);
    expect(await dump(t)).toEqual(before);
  });
});

describe('counters', () => {
  it('creates a closed counter with its services, and tells live screens', async () => {
    const events = recordEvents(t);
    const headers = await t.as('manager');
    const res = await post(`${ADMIN}/counters`, headers, { number: 7, serviceIds: [service('B'), service('A')], lowCounter: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: 7, status: 'closed', vip: false, lowCounter: true, deletable: true });
    expect(res.json().serviceIds).toEqual([service('A'), service('B')]);
    expect(events.map((e) => e.type)).toEqual(['branch.configured']);
    const teller = await t.as('teller1');
    expect((await post(`/api/counters/${res.json().id}/open`, teller)).statusCode).toBe(200);
  });

  it.each([
    [{ number: 3, serviceIds: [service('A')] }, 409, 'counter 3 already exists'],
    [{ number: 0, serviceIds: [service('A')] }, 400, 'body/number'],
    [{ number: 7, serviceIds: [] }, 400, 'body/serviceIds'],
    [{ number: 7, serviceIds: ['nope'] }, 400, 'body/serviceIds: nope'],
    [{ number: 7, serviceIds: [service('A'), service('A')] }, 400, 'body/serviceIds'],
    [{ number: 7 }, 400, 'serviceIds'],
  ])('refuses %j with %i (%s), and saves nothing', async (payload, status, message) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/counters`, headers, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().message).toContain(message);
    expect(await dump(t)).toEqual(before);
  });

  it('refuses services that are inactive or of another branch (400)', async () => {
    await addNorthBranch(t);
    const headers = await t.as('admin');
    await patch(`${ADMIN}/services/${service('E')}`, headers, { active: false });
    for (const id of [service('E'), 'north-a']) {
      const res = await patch(`${ADMIN}/counters/${counter(1)}`, headers, { serviceIds: [service('A'), id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(`body/serviceIds: ${id}`);
    }
  });

  it('changes the services a counter calls, and makes it a VIP counter', async () => {
    const headers = await t.as('manager');
    const res = await patch(`${ADMIN}/counters/${counter(2)}`, headers, { serviceIds: [service('V')], vip: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ serviceIds: [service('V')], vip: true, lowCounter: false });
    const snapshot = (await get(`/api/branches/${BRANCH}/snapshot`, headers)).json();
    expect(snapshot.counters.find((c: { id: string }) => c.id === counter(2))).toMatchObject({ serviceIds: [service('V')], vip: true });
  });

  it('answers 404 for an unknown counter', async () => {
    const headers = await t.as('manager');
    expect((await patch(`${ADMIN}/counters/nope`, headers, { vip: true })).statusCode).toBe(404);
    expect((await del(`${ADMIN}/counters/nope`, headers)).statusCode).toBe(404);
  });

  it('deletes a counter that was never used', async () => {
    const headers = await t.as('manager');
    expect((await del(`${ADMIN}/counters/${counter(4)}`, headers)).statusCode).toBe(204);
    const numbers = (await get(`${ADMIN}/counters`, headers)).json().map((c: { number: number }) => c.number);
    expect(numbers).toEqual([1, 2, 3, 5, 6]);
  });

  it('keeps a counter that has been opened (409), and changes nothing', async () => {
    const teller = await t.as('teller3');
    await post(`/api/counters/${counter(3)}/open`, teller);
    await post(`/api/counters/${counter(3)}/close`, teller);
    const headers = await t.as('manager');
    expect((await get(`${ADMIN}/counters`, headers)).json().find((c: { id: string }) => c.id === counter(3)).deletable).toBe(false);
    const before = await dump(t);
    const res = await del(`${ADMIN}/counters/${counter(3)}`, headers);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('counter 3');
    expect(await dump(t)).toEqual(before);
  });
});

describe('machines', () => {
  it('adds, edits and removes a machine, and tells live screens each time', async () => {
    const events = recordEvents(t);
    const headers = await t.as('manager');
    const created = await post(`${ADMIN}/machines`, headers, { kind: 'self_service_terminal', label: ' Terminal 3 ' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'self_service_terminal', label: 'Terminal 3', inService: true });
    const url = `${ADMIN}/machines/${created.json().id}`;

    const broken = await patch(url, headers, { inService: false, label: 'Terminal 3 (upstairs)' });
    expect(broken.json()).toMatchObject({ inService: false, label: 'Terminal 3 (upstairs)' });
    const snapshot = (await get(`/api/branches/${BRANCH}/snapshot`, headers)).json();
    expect(snapshot.machines.find((m: { id: string }) => m.id === created.json().id).inService).toBe(false);

    expect((await del(url, headers)).statusCode).toBe(204);
    expect((await get(`${ADMIN}/machines`, headers)).json()).toHaveLength(5);
    expect(events.map((e) => e.type)).toEqual(['branch.configured', 'branch.configured', 'branch.configured']);
  });

  it.each([
    [{ kind: 'atm', label: '  ' }, 'body/label'],
    [{ kind: 'atm', label: '' }, 'body/label'],
    [{ kind: 'printer', label: 'P1' }, 'body/kind'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/machines`, headers, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('answers 404 for an unknown machine', async () => {
    const headers = await t.as('manager');
    expect((await patch(`${ADMIN}/machines/nope`, headers, { inService: false })).statusCode).toBe(404);
    expect((await del(`${ADMIN}/machines/nope`, headers)).statusCode).toBe(404);
  });
});
