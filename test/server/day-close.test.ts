import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/src/lib/clock.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  // 17:00 in Shanghai.
  t = await createTestApp({ clock: manualClock('2026-11-23T09:00:00.000Z') });
});
afterEach(() => t.close());

const issue = async () =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } })).json();

describe('closing past business days', () => {
  it('cancels yesterday’s waiting and called tickets, frees the counter, and leaves today’s alone', async () => {
    const waiting = await issue();
    const called = await issue();
    const teller = await t.as('teller1');
    await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/open`, headers: teller });
    await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/call-next`, headers: teller });
    expect(await t.app.lobby.dayClose.closePastDays(BRANCH)).toBe(0);

    t.clock.set('2026-11-24T01:00:00.000Z'); // 09:00 the next morning
    const today = await issue();
    // Yesterday's A001 and A002 still wait until the day closes: no number is given twice.
    expect(today.number).toBe('A003');
    expect(await t.app.lobby.dayClose.closePastDaysEverywhere()).toBe(2);

    const rows = await t.app.lobby.db.selectFrom('tickets').select(['id', 'status']).execute();
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(status.get(waiting.id)).toBe('cancelled');
    expect(status.get(called.id)).toBe('cancelled');
    expect(status.get(today.id)).toBe('waiting');
    const snapshot = (await t.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await t.as('manager') })).json();
    expect(snapshot.tickets.map((x: { id: string }) => x.id)).toEqual([today.id]);
    expect(snapshot.counters[0].currentTicketId).toBeNull();
    const events = await t.app.lobby.db.selectFrom('events').select(['type', 'actor_id']).where('ticket_id', '=', waiting.id).orderBy('seq').execute();
    expect(events.at(-1)).toEqual({ type: 'ticket.cancelled', actor_id: null });
    // The counter calls today's customer next, not yesterday's (yesterday's session has expired: sign in again).
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'teller1', password: 'demo' } });
    const morning = { authorization: `Bearer ${login.json().token}` };
    expect((await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/call-next`, headers: morning })).json().id).toBe(today.id);
  });
});
