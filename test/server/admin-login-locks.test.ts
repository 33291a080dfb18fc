/** The branch's sign-in locks for admins: who is locked or failing, and lifting a lock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../protocol/admin-schemas.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';
import { addNorthBranch, dump, requester } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, post } = requester(() => t);
const LOCKS = fillPath(ADMIN_ROUTES.loginLocks, { branchId: BRANCH });
const unlockUrl = (userId: string, branchId = BRANCH) => fillPath(ADMIN_ROUTES.userUnlock, { branchId, userId });
const login = (username: string, password: string, address = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
const userId = async (username: string) =>
  (await t.app.lobby.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const everything = async () => ({ ...(await dump(t)), locks: await t.app.lobby.db.selectFrom('login_locks').selectAll().orderBy('username').execute() });

async function fail(username: string, times: number) {
  for (let i = 0; i < times; i++) await login(username, 'wrong', `198.51.100.${i + 1}`);
}

describe('sign-in locks in the branch administration', () => {
  it('lists the locked and failing accounts of the branch for an admin, with the last address', async () => {
    await fail('teller1', 5);
    t.clock.advance(5_000);
    await fail('teller2', 2);
    await fail('no-such-user', 5);
    const res = await get(LOCKS, await t.as('admin'));
    expect(res.statusCode, res.body).toBe(200);
    const start = Date.parse('2026-11-23T02:00:00.000Z');
    expect(res.json()).toEqual([
      {
        userId: await userId('teller2'),
        username: 'teller2',
        displayName: 'Teller 2',
        failures: 2,
        lockedUntil: null,
        lastFailureAt: new Date(start + 5_000).toISOString(),
        lastFailureAddress: '198.51.100.2',
      },
      {
        userId: await userId('teller1'),
        username: 'teller1',
        displayName: 'Teller 1',
        failures: 5,
        lockedUntil: new Date(start + 30_000).toISOString(),
        lastFailureAt: new Date(start).toISOString(),
        lastFailureAddress: '198.51.100.5',
      },
    ]);
  });

  it('shows an ended lock as no lock, with its failures still counted', async () => {
    await fail('teller1', 5);
    t.clock.advance(31_000);
    const [lock] = (await get(LOCKS, await t.as('admin'))).json();
    expect(lock).toMatchObject({ username: 'teller1', failures: 5, lockedUntil: null });
  });

  it('lifts a lock: the right password works at once and the account leaves the list', async () => {
    await fail('teller1', 5);
    expect((await login('teller1', 'demo')).statusCode).toBe(429);
    const headers = await t.as('admin');
    const res = await post(unlockUrl(await userId('teller1')), headers);
    expect(res.statusCode, res.body).toBe(204);
    expect((await get(LOCKS, headers)).json()).toEqual([]);
    expect((await login('teller1', 'demo')).statusCode).toBe(200);
  });

  it('lists a locked admin of every branch too, so that another admin can lift the lock', async () => {
    const otherAdmin = await t.as('admin'); // signed in before the lock, as a second admin would be
    await fail('admin', 5);
    expect((await login('admin', 'demo')).statusCode).toBe(429);
    expect((await get(LOCKS, otherAdmin)).json()).toMatchObject([{ username: 'admin', failures: 5, lockedUntil: expect.any(String) }]);
    expect((await post(unlockUrl(await userId('admin')), otherAdmin)).statusCode).toBe(204);
    expect((await login('admin', 'demo')).statusCode).toBe(200);
  });

  it('answers 204 for an account without failures, changing nothing', async () => {
    const headers = await t.as('admin');
    const before = await everything();
    expect((await post(unlockUrl(await userId('teller3')), headers)).statusCode).toBe(204);
    expect(await everything()).toEqual(before);
  });

  it.each(['manager', 'teller1'])('refuses %s with 403 and changes nothing', async (username) => {
    await fail('teller2', 5);
    const headers = await t.as(username);
    const before = await everything();
    const list = await get(LOCKS, headers);
    const unlock = await post(unlockUrl(await userId('teller2')), headers);
    for (const res of [list, unlock]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('admin') });
    }
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['the kiosk', () => t.kiosk, 403],
    ['the display', () => t.display, 403],
    ['a caller without a session', () => ({}), 401],
  ])('refuses %s', async (_who, headers, status) => {
    expect((await get(LOCKS, headers())).statusCode).toBe(status);
    expect((await post(unlockUrl(await userId('teller1')), headers())).statusCode).toBe(status);
  });

  it('answers 400 naming the parameter for an id that cannot be one, and changes nothing', async () => {
    await fail('teller1', 5);
    const headers = await t.as('admin');
    const before = await everything();
    const res = await post(unlockUrl('x'.repeat(65)), headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('userId') });
    expect(await everything()).toEqual(before);
  });

  it("answers 404 for a user of another branch or none, and leaves that user's lock", async () => {
    await addNorthBranch(t);
    await fail('north-manager', 5);
    const headers = await t.as('admin');
    const before = await everything();
    expect((await post(unlockUrl('north-manager-id'), headers)).statusCode).toBe(404);
    expect((await post(unlockUrl('nobody-id'), headers)).statusCode).toBe(404);
    expect(await everything()).toEqual(before);
    expect((await get(LOCKS, headers)).json()).toEqual([]);
    expect((await get(fillPath(ADMIN_ROUTES.loginLocks, { branchId: 'north' }), headers)).json()).toMatchObject([{ username: 'north-manager' }]);
  });
});
