/**
 * A new business day starts clean on every screen: once the server reads the branch again on the next
 * morning (a restart, or any reload), the wall display's recent calls and the no-show list are today's,
 * not yesterday's last ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function post(url: string, headers: Record<string, string>, payload?: object) {
  const res = await t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/** The staff snapshot, as the lobby manager signed in now reads it (yesterday's session has expired by the morning). */
async function snapshot() {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'demo' } });
  const res = await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: { authorization: `Bearer ${login.json().token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the next business day', () => {
  it("shows no recent call and no no-show of yesterday after the branch is read again", async () => {
    const teller = await t.as('teller1');
    await post(`/api/counters/${counter(1)}/open`, teller);
    await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
    await post(`/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
    const first = await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${first.id}/recall`, teller);
    await post(`/api/tickets/${first.id}/no-show`, teller);
    const second = await post(`/api/counters/${counter(1)}/call-next`, teller);
    await post(`/api/tickets/${second.id}/start`, teller);
    await post(`/api/tickets/${second.id}/complete`, teller);
    const today = await snapshot();
    expect(today.recentCalls.map((c: { number: string }) => c.number)).toEqual([second.number, first.number, first.number]);
    expect(today.noShows.map((n: { number: string }) => n.number)).toEqual([first.number]);

    // The same state read again on the same day keeps them.
    await t.app.lobby.engine.reload(BRANCH);
    expect((await snapshot()).recentCalls).toHaveLength(3);

    // The next morning, read again (as after a night's restart): nothing of yesterday.
    t.clock.advance(24 * 60 * 60 * 1000);
    await t.app.lobby.engine.reload(BRANCH);
    const tomorrow = await snapshot();
    expect(tomorrow.recentCalls).toEqual([]);
    expect(tomorrow.noShows ?? []).toEqual([]);
  });
});
