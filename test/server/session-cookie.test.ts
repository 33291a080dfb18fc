/**
 * The session cookie is HttpOnly and SameSite=Strict, and Secure when the console is served over
 * https, directly or behind a trusted proxy that says so. Signing out clears it with the same
 * attributes, or a browser would keep the Secure cookie.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(() => t?.close());

/** Signs the manager in, then out, with `headers` on both, and returns the cookie set by each. */
async function signInAndOut(headers: Record<string, string> = {}) {
  const login = await t!.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: 'manager', password: 'demo' } });
  expect(login.statusCode).toBe(200);
  const set = login.cookies.find((c) => c.name === 'lobbyflow_session')!;
  const logout = await t!.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, cookie: `lobbyflow_session=${set.value}` } });
  expect(logout.statusCode).toBe(204);
  const cleared = logout.cookies.find((c) => c.name === 'lobbyflow_session')!;
  return { set, cleared };
}

const SESSION_ATTRIBUTES = { path: '/', httpOnly: true, sameSite: 'Strict' };

describe('the session cookie', () => {
  it('is Secure, and cleared as Secure, behind a trusted proxy that says the page is https', async () => {
    t = await createTestApp({ trustProxy: true });
    const { set, cleared } = await signInAndOut({ 'x-forwarded-proto': 'https' });
    expect(set).toMatchObject({ ...SESSION_ATTRIBUTES, secure: true });
    expect(set.maxAge).toBeGreaterThan(0);
    expect(cleared).toMatchObject({ ...SESSION_ATTRIBUTES, secure: true, value: '', maxAge: 0 });
  });

  it('is not Secure over plain http, and is cleared with the same attributes', async () => {
    t = await createTestApp({ trustProxy: true });
    const { set, cleared } = await signInAndOut();
    expect(set).toMatchObject(SESSION_ATTRIBUTES);
    expect(set.secure).toBeUndefined();
    expect(cleared).toMatchObject({ ...SESSION_ATTRIBUTES, value: '', maxAge: 0 });
    expect(cleared.secure).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted: anyone can send it', async () => {
    t = await createTestApp();
    const { set } = await signInAndOut({ 'x-forwarded-proto': 'https' });
    expect(set.secure).toBeUndefined();
  });
});
