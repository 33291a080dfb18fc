/**
 * Sign-in locks over HTTP on a real SQLite file: failed sign-ins lock the username wherever they
 * come from, the lock holds the right password back and doubles, and the per-address limit only
 * guards against floods.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LOCK } from '../../server/src/domain/sign-in-lock.js';
import { LOGINS_PER_ADDRESS_PER_MINUTE } from '../../server/src/routes/auth.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

/** A sign-in from `address` (the peer's address as the server sees it). */
const login = (username: string, password: string, address = '127.0.0.1', app = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });

/** `count` wrong passwords for `username`, each from an address of its own. */
async function failFromManyAddresses(username: string, count: number, app = t.app) {
  const codes = [];
  for (let i = 0; i < count; i++) codes.push((await login(username, 'wrong password', `198.51.100.${i + 1}`, app)).json().code);
  return codes;
}

const lockRows = () => t.app.lobby.db.selectFrom('login_locks').selectAll().orderBy('username').execute();

describe('a username locks after failed sign-ins in a row', () => {
  it('locks after five failures from five different addresses, and then refuses the right password', async () => {
    expect(await failFromManyAddresses('teller1', 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    const res = await login('teller1', 'demo', '203.0.113.50');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('try again in 30 s') });
    expect(res.headers['retry-after']).toBe('30');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the right password once the lock has ended, and the success clears the count', async () => {
    await failFromManyAddresses('teller1', 5);
    t.clock.advance(29_000);
    expect((await login('teller1', 'demo')).json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(1_000);
    expect((await login('teller1', 'demo')).statusCode).toBe(200);
    expect(await lockRows()).toEqual([]);
    // Four more mistakes start from nothing: no lock.
    await failFromManyAddresses('teller1', 4);
    expect((await login('teller1', 'demo')).statusCode).toBe(200);
  });

  it('doubles the lock with each further failure: 30 s, 1 min, 2 min, 4 min', async () => {
    await failFromManyAddresses('teller1', 5);
    const waits = [];
    for (let i = 0; i < 4; i++) {
      const refused = await login('teller1', 'demo');
      waits.push(Number(refused.headers['retry-after']));
      t.clock.advance(waits[i] * 1000);
      expect((await login('teller1', 'another wrong password')).json().code).toBe('INVALID_CREDENTIALS');
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    expect((await lockRows())[0]).toMatchObject({ username: 'teller1', failures: 9 });
  });

  it('does not count attempts made while the lock runs', async () => {
    await failFromManyAddresses('teller1', 5);
    for (let i = 0; i < 10; i++) expect((await login('teller1', 'guess')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await lockRows())[0]).toMatchObject({ failures: 5 });
    t.clock.advance(30_000);
    expect((await login('teller1', 'demo')).statusCode).toBe(200);
  });

  it('leaves other accounts alone', async () => {
    await failFromManyAddresses('teller1', 5);
    expect((await login('teller1', 'demo')).statusCode).toBe(429);
    expect((await login('teller2', 'demo')).statusCode).toBe(200);
    expect((await login('manager', 'demo', '198.51.100.1')).statusCode).toBe(200);
  });

  it('refuses the right and a wrong password alike while locked, and a made-up username the same way', async () => {
    await failFromManyAddresses('teller1', 5);
    await failFromManyAddresses('no-such-user', 5);
    const right = await login('teller1', 'demo');
    const wrong = await login('teller1', 'not it');
    const unknown = await login('no-such-user', 'demo');
    for (const res of [right, wrong, unknown]) expect(res.statusCode).toBe(429);
    expect(wrong.json()).toEqual(right.json());
    expect(unknown.json()).toEqual(right.json());
    expect(unknown.headers['retry-after']).toBe(right.headers['retry-after']);
  });

  it('lets at most five of many guesses sent at once be checked', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => login('teller1', `guess ${i}`, `198.51.100.${i + 1}`)));
    const codes = replies.map((r) => r.json().code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(15);
  });

  it('keeps the lock through a restart of the server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-locks-'));
    try {
      const first = await createTestApp({ dir, clock: t.clock });
      await failFromManyAddresses('teller1', 5, first.app);
      await first.close();
      const second = await createTestApp({ dir, clock: t.clock, seed: false });
      try {
        expect((await login('teller1', 'demo', '127.0.0.1', second.app)).json().code).toBe('ACCOUNT_LOCKED');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('records of failures', () => {
  it('keep the last address, and forget failures older than a day', async () => {
    await login('teller1', 'wrong', '198.51.100.7');
    expect(await lockRows()).toEqual([
      { username: 'teller1', failures: 1, last_failure_at: t.clock.now().toISOString(), last_failure_address: '198.51.100.7', locked_until: null },
    ]);
    t.clock.advance(SIGN_IN_LOCK.forgetAfterMs + 1);
    await login('teller2', 'wrong');
    expect((await lockRows()).map((r) => r.username)).toEqual(['teller2']);
  });

  it('cannot grow without bound: beyond the limit the oldest unlocked records go, running locks stay', async () => {
    const db = t.app.lobby.db;
    const start = t.clock.now().getTime();
    const old = Array.from({ length: SIGN_IN_LOCK.maxUnlockedRecords }, (_, i) => ({
      username: `made-up-${i}`,
      failures: 1,
      last_failure_at: new Date(start - 3_600_000 + i).toISOString(),
      last_failure_address: '198.51.100.1',
      locked_until: null,
    }));
    for (let i = 0; i < old.length; i += 500) await db.insertInto('login_locks').values(old.slice(i, i + 500)).execute();
    await failFromManyAddresses('teller1', 5);
    const rows = await lockRows();
    expect(rows).toHaveLength(SIGN_IN_LOCK.maxUnlockedRecords);
    expect(rows.find((r) => r.username === 'teller1')).toMatchObject({ failures: 5 });
    expect(rows.find((r) => r.username === 'made-up-0')).toBeUndefined();
    expect((await login('teller1', 'demo')).json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('the per-address limit', () => {
  it("does not hold back a colleague's right password after many failures from the same address", async () => {
    const limited = await createTestApp({ loginsPerMinute: LOGINS_PER_ADDRESS_PER_MINUTE });
    try {
      const shared = '192.0.2.10';
      for (let i = 0; i < 25; i++) await login('teller1', `typo ${i}`, shared, limited.app);
      expect((await login('teller2', 'demo', shared, limited.app)).statusCode).toBe(200);
      expect((await login('manager', 'demo', shared, limited.app)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
