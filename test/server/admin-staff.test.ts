import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/lib/tokens.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { ADMIN, addNorthBranch, dump, requester } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, post, patch } = requester(() => t);
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const userId = async (username: string) =>
  (await t.app.lobby.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const newTeller = { username: 'teller7', displayName: 'Teller 7', role: 'teller', password: 'counter-seven' };

describe('staff accounts', () => {
  it('lists the branch staff without any password hash', async () => {
    const res = await get(`${ADMIN}/users`, await t.as('manager'));
    expect(res.statusCode).toBe(200);
    const users = res.json();
    expect(users.map((u: { username: string }) => u.username)).toEqual(['manager', 'wealth1', 'teller1', 'teller2', 'teller3', 'teller4', 'teller5', 'teller6']);
    expect(users[0]).toMatchObject({ role: 'manager', active: true, branchId: BRANCH });
    expect(res.body).not.toMatch(/hash|scrypt/i);
  });

  it('creates a teller who can sign in; the password is stored only as a scrypt hash', async () => {
    const res = await post(`${ADMIN}/users`, await t.as('manager'), newTeller);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'teller7', displayName: 'Teller 7', role: 'teller', branchId: BRANCH, active: true });
    expect(res.body).not.toMatch(/hash|counter-seven/);
    const row = await t.app.lobby.db.selectFrom('users').selectAll().where('username', '=', 'teller7').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('counter-seven');
    expect((await login('teller7', 'counter-seven')).statusCode).toBe(200);
  });

  it.each([
    [{ password: 'seven77' }, 400, 'body/password'],
    [{ username: 'has space' }, 400, 'body/username'],
    [{ role: 'owner' }, 400, 'body/role'],
    [{ displayName: '  ' }, 400, 'body/displayName'],
    [{ username: 'teller1' }, 409, 'username teller1 is taken'],
    [{ username: 'admin' }, 409, 'username admin is taken'],
    [{ role: 'admin' }, 403, 'only an admin'],
  ])('refuses %j from a manager with %i (%s), and saves nothing', async (overrides, status, message) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/users`, headers, { ...newTeller, ...overrides });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().message).toContain(message);
    expect(await dump(t)).toEqual(before);
  });

  it('lets an admin create an admin for the branch, whom a manager then cannot change', async () => {
    const created = await post(`${ADMIN}/users`, await t.as('admin'), { ...newTeller, username: 'branch-admin', role: 'admin' });
    expect(created.statusCode, created.body).toBe(201);
    const manager = await t.as('manager');
    const before = await dump(t);
    expect((await patch(`${ADMIN}/users/${created.json().id}`, manager, { displayName: 'x' })).statusCode).toBe(403);
    expect((await post(`${ADMIN}/users/${created.json().id}/password`, manager, { password: 'taken-over' })).statusCode).toBe(403);
    expect((await patch(`${ADMIN}/users/${await userId('teller1')}`, manager, { role: 'admin' })).statusCode).toBe(403);
    expect(await dump(t)).toEqual(before);
  });

  it('changes a display name and a role', async () => {
    const id = await userId('teller2');
    const res = await patch(`${ADMIN}/users/${id}`, await t.as('manager'), { displayName: 'Wong Siu Ming 王小明', role: 'manager' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, displayName: 'Wong Siu Ming 王小明', role: 'manager' });
    expect((await login('teller2', 'demo')).json().user.role).toBe('manager');
  });

  it('deactivates a user: their session ends at once and they cannot sign in', async () => {
    const teller = await t.as('teller4');
    const res = await patch(`${ADMIN}/users/${await userId('teller4')}`, await t.as('manager'), { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await get(`/api/branches/${BRANCH}/snapshot`, teller)).statusCode).toBe(401);
    expect((await login('teller4', 'demo')).statusCode).toBe(401);
  });

  it('refuses to deactivate or demote yourself (409)', async () => {
    const headers = await t.as('manager');
    const before = await dump(t);
    for (const payload of [{ active: false }, { role: 'teller' }]) {
      const res = await patch(`${ADMIN}/users/${await userId('manager')}`, headers, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('your own');
    }
    expect(await dump(t)).toEqual(before);
  });

  it('refuses to deactivate a teller who staffs an open counter (409)', async () => {
    await post(`/api/counters/${counter(5)}/open`, await t.as('teller5'));
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await patch(`${ADMIN}/users/${await userId('teller5')}`, headers, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('counter 5');
    expect(await dump(t)).toEqual(before);
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const teller = await t.as('teller3');
    const url = `${ADMIN}/users/${await userId('teller3')}/password`;
    const res = await post(url, await t.as('manager'), { password: 'a new secret' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await get(`/api/branches/${BRANCH}/snapshot`, teller)).statusCode).toBe(401);
    expect((await login('teller3', 'demo')).statusCode).toBe(401);
    expect((await login('teller3', 'a new secret')).statusCode).toBe(200);
  });

  it('ends the other sessions of a manager who resets their own password, keeping the one in use', async () => {
    const stolen = { authorization: `Bearer ${(await login('manager', 'demo')).json().token}` };
    const mine = { authorization: `Bearer ${(await login('manager', 'demo')).json().token}` };
    const res = await post(`${ADMIN}/users/${await userId('manager')}/password`, mine, { password: 'a fresh secret' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await get('/api/auth/me', stolen)).statusCode).toBe(401);
    expect((await get('/api/auth/me', mine)).statusCode).toBe(200);
  });

  it('refuses a short password (400) and changes nothing', async () => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/users/${await userId('teller3')}/password`, headers, { password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body/password');
    expect(await dump(t)).toEqual(before);
  });

  it('answers 404 for an unknown user, or one of another branch', async () => {
    await addNorthBranch(t);
    const headers = await t.as('admin');
    for (const id of ['nope', 'north-manager-id', await userId('admin')]) {
      expect((await patch(`${ADMIN}/users/${id}`, headers, { displayName: 'x' })).statusCode).toBe(404);
      expect((await post(`${ADMIN}/users/${id}/password`, headers, { password: 'long enough' })).statusCode).toBe(404);
    }
  });
});

describe('device tokens', () => {
  it('lists tokens without the token or its hash', async () => {
    const res = await get(`${ADMIN}/device-tokens`, await t.as('manager'));
    expect(res.statusCode).toBe(200);
    expect(res.json().map((d: { kind: string }) => d.kind).sort()).toEqual(['display', 'kiosk']);
    expect(res.json()[0]).toEqual({ id: expect.any(String), branchId: BRANCH, kind: expect.any(String), label: expect.any(String), createdAt: expect.any(String), revokedAt: null });
    expect(res.body).not.toContain(hashToken('demo-kiosk'));
  });

  it('creates a kiosk token that is shown once, stored as a hash, and lets the kiosk issue tickets', async () => {
    const headers = await t.as('manager');
    const res = await post(`${ADMIN}/device-tokens`, headers, { kind: 'kiosk', label: 'Kiosk by the door' });
    expect(res.statusCode, res.body).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.app.lobby.db.selectFrom('device_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await get(`${ADMIN}/device-tokens`, headers)).body).not.toContain(token);

    const ticket = await post(`/api/branches/${BRANCH}/tickets`, { authorization: `Bearer ${token}` }, { serviceId: service('A') });
    expect(ticket.statusCode).toBe(201);
  });

  it('revokes a token: the device is refused, and a second revoke is a conflict', async () => {
    const headers = await t.as('manager');
    const kiosk = (await get(`${ADMIN}/device-tokens`, headers)).json().find((d: { kind: string }) => d.kind === 'kiosk');
    const res = await post(`${ADMIN}/device-tokens/${kiosk.id}/revoke`, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revokedAt).toBe(t.clock.now().toISOString());
    expect((await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') })).statusCode).toBe(401);

    const before = await dump(t);
    const again = await post(`${ADMIN}/device-tokens/${kiosk.id}/revoke`, headers);
    expect(again.statusCode).toBe(409);
    expect(await dump(t)).toEqual(before);
  });

  it.each([
    [{ kind: 'printer', label: 'P' }, 'body/kind'],
    [{ kind: 'display', label: ' ' }, 'body/label'],
    [{ kind: 'display' }, 'label'],
  ])('refuses %j with a 400 naming %s', async (payload, field) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/device-tokens`, headers, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('answers 404 for a token of another branch or none', async () => {
    await addNorthBranch(t);
    const db = t.app.lobby.db;
    await db.insertInto('device_tokens').values({ id: 'north-kiosk', branch_id: 'north', kind: 'kiosk', label: 'N', token_hash: 'x', created_at: '2026-11-23T00:00:00.000Z', revoked_at: null }).execute();
    const headers = await t.as('admin');
    for (const id of ['nope', 'north-kiosk']) expect((await post(`${ADMIN}/device-tokens/${id}/revoke`, headers)).statusCode).toBe(404);
  });
});
