/**
 * LOBBYFLOW_TRUST_PROXY: behind a proxy the server believes X-Forwarded-For and X-Forwarded-Proto
 * from that proxy only, so sign-in limits and records see the real client; unset, they are ignored.
 */
import { describe, expect, it } from 'vitest';
import { parseTrustProxy, readConfig } from '../../server/src/config.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PROXY = '10.0.0.2';

/** A sign-in arriving through the proxy for the client `client`. */
const viaProxy = (t: TestApp, client: string, password = 'wrong', headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'teller1', password },
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': client, ...headers },
  });

const lastFailureAddress = async (t: TestApp) =>
  (await t.app.lobby.db.selectFrom('login_locks').select('last_failure_address').executeTakeFirstOrThrow()).last_failure_address;

async function withApp(options: Parameters<typeof createTestApp>[0], test: (t: TestApp) => Promise<void>) {
  const t = await createTestApp(options);
  try {
    await test(t);
  } finally {
    await t.close();
  }
}

describe('parseTrustProxy', () => {
  it.each<[string | undefined, boolean | string[]]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.0/8, 192.168.1.1 ,::1', ['10.0.0.0/8', '192.168.1.1', '::1']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
    ['fd00::/8', ['fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each([
    ['1', /hop counts/],
    ['proxy.example', /"proxy.example"/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['10.0.0.1/8/8', /"10.0.0.1\/8\/8"/],
    ['127.0.0.1,yes', /"yes"/],
  ])('refuses %j at start-up, naming the variable', (value, problem) => {
    expect(() => readConfig({ LOBBYFLOW_TRUST_PROXY: value })).toThrow(/LOBBYFLOW_TRUST_PROXY/);
    expect(() => parseTrustProxy(value)).toThrow(problem);
  });

  it('is off when the variable is not set', () => {
    expect(readConfig({}).trustProxy).toBe(false);
  });
});

describe('behind a proxy', () => {
  it('records the client from X-Forwarded-For when the proxy is trusted', () =>
    withApp({ trustProxy: [PROXY] }, async (t) => {
      await viaProxy(t, '203.0.113.7');
      expect(await lastFailureAddress(t)).toBe('203.0.113.7');
    }));

  it('ignores X-Forwarded-For when trustProxy is off, and from a peer that is not the trusted proxy', async () => {
    await withApp({}, async (t) => {
      await viaProxy(t, '203.0.113.7');
      expect(await lastFailureAddress(t)).toBe(PROXY);
    });
    await withApp({ trustProxy: ['10.9.9.9'] }, async (t) => {
      await viaProxy(t, '203.0.113.7');
      expect(await lastFailureAddress(t)).toBe(PROXY);
    });
  });

  it('gives each client behind a trusted proxy its own per-address limit; untrusted, they all share one', async () => {
    const clients = ['203.0.113.1', '203.0.113.2', '203.0.113.3'];
    await withApp({ trustProxy: [PROXY], loginsPerMinute: 2 }, async (t) => {
      for (const client of clients) expect((await viaProxy(t, client, 'demo')).statusCode).toBe(200);
    });
    await withApp({ loginsPerMinute: 2 }, async (t) => {
      const codes = [];
      for (const client of clients) codes.push((await viaProxy(t, client, 'demo')).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    });
  });

  it('marks the session cookie Secure when a trusted proxy says the page is https', async () => {
    const secure = (res: { headers: Record<string, unknown> }) => /;\s*Secure/i.test(String(res.headers['set-cookie']));
    await withApp({ trustProxy: [PROXY] }, async (t) => {
      expect(secure(await viaProxy(t, '203.0.113.7', 'demo', { 'x-forwarded-proto': 'https' }))).toBe(true);
    });
    await withApp({}, async (t) => {
      expect(secure(await viaProxy(t, '203.0.113.7', 'demo', { 'x-forwarded-proto': 'https' }))).toBe(false);
    });
  });
});
