/**
 * The operating calendar on a real server: admins and managers set it, the queue summaries say
 * whether and when each service opens, and the kiosk's ticket is refused outside the window or
 * over the quota. The demo branch is in Asia/Shanghai (UTC+8); times below are branch time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperatingCalendar } from '../../protocol/calendar-schemas.js';
import type { QueueSummary, Snapshot } from '../../protocol/schemas.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { ADMIN, dump, recordEvents } from './admin-helpers.js';

const CALENDAR_URL = `${ADMIN}/calendar`;
const weekday = { opensAt: '09:00', closesAt: '17:00', lunchFrom: '12:00', lunchUntil: '13:00' };
const CALENDAR: OperatingCalendar = {
  weekdays: [weekday, weekday, weekday, weekday, weekday, null, null],
  specialDays: [{ date: '2026-11-25', hours: null, note: 'Staff training day' }],
  services: [
    { serviceId: service('A'), issueFrom: '08:30', cutOffMinutes: 30, dailyQuota: null },
    { serviceId: service('B'), issueFrom: null, cutOffMinutes: null, dailyQuota: 2 },
  ],
};
/** Monday 2026-11-23 at `time` in the branch (UTC+8). */
const monday = (time: string) => new Date(`2026-11-23T${time}:00+08:00`);

let t: TestApp;
beforeEach(async () => {
  // MORNING: Monday 10:00 in the branch.
  t = await createTestApp();
  expect(t.clock.now()).toEqual(monday('10:00'));
});
afterEach(() => t.close());

const send = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function setCalendar(calendar: OperatingCalendar | null = CALENDAR) {
  const res = await send('PUT', CALENDAR_URL, await t.as('manager'), { calendar });
  expect(res.statusCode, res.body).toBe(200);
}

async function queues(headers: Record<string, string>): Promise<Map<string, QueueSummary>> {
  const snapshot = (await send('GET', `/api/branches/${BRANCH}/snapshot`, headers)).json() as Snapshot;
  return new Map(snapshot.queues.map((q) => [q.serviceId, q]));
}

const issue = async (prefix: string, headers: Record<string, string>) =>
  send('POST', `/api/branches/${BRANCH}/tickets`, headers, { serviceId: service(prefix), tier: 'regular' });

describe('the calendar in admin', () => {
  it('is null until set; a manager replaces it, screens are told, and null removes it again', async () => {
    const manager = await t.as('manager');
    expect((await send('GET', CALENDAR_URL, manager)).json()).toEqual({ calendar: null });
    const events = recordEvents(t);
    await setCalendar();
    expect((await send('GET', CALENDAR_URL, await t.as('admin'))).json()).toEqual({ calendar: CALENDAR });
    expect(events.map((e) => e.type)).toEqual(['branch.configured']);
    const snapshot = (await send('GET', `/api/branches/${BRANCH}/snapshot`, t.kiosk)).json() as Snapshot;
    expect(snapshot.branch.settings.calendar).toEqual(CALENDAR);
    await setCalendar(null);
    expect((await send('GET', CALENDAR_URL, manager)).json()).toEqual({ calendar: null });
  });

  it('keeps other settings when the calendar changes, and the calendar when settings change', async () => {
    await setCalendar();
    const manager = await t.as('manager');
    const patched = await t.app.inject({ method: 'PATCH', url: `${ADMIN}/branch`, headers: manager, payload: { settings: { redWaitSeconds: 1200 } } });
    expect(patched.json().settings).toMatchObject({ redWaitSeconds: 1200, calendar: CALENDAR });
  });

  it.each([
    ['closing before opening', { weekdays: [{ ...weekday, closesAt: '08:00' }, ...CALENDAR.weekdays.slice(1)] }, 'body/calendar/weekdays/0/closesAt'],
    ['half a lunch', { weekdays: [{ ...weekday, lunchUntil: null }, ...CALENDAR.weekdays.slice(1)] }, 'body/calendar/weekdays/0/lunchUntil'],
    ['lunch outside the hours', { weekdays: [{ ...weekday, lunchFrom: '08:00' }, ...CALENDAR.weekdays.slice(1)] }, 'body/calendar/weekdays/0/lunchFrom'],
    ['a time that is not HH:MM', { weekdays: [{ ...weekday, opensAt: '9:00' }, ...CALENDAR.weekdays.slice(1)] }, 'body/calendar/weekdays/0/opensAt'],
    ['six weekdays', { weekdays: CALENDAR.weekdays.slice(1) }, 'body/calendar/weekdays'],
    ['a date that does not exist', { specialDays: [{ date: '2026-02-30', hours: null, note: '' }] }, 'body/calendar/specialDays/0/date'],
    ['a special day twice', { specialDays: [CALENDAR.specialDays[0], CALENDAR.specialDays[0]] }, 'body/calendar/specialDays/1/date'],
    ['an unknown service', { services: [{ ...CALENDAR.services[0], serviceId: 'elsewhere-a' }] }, 'body/calendar/services/0/serviceId'],
    ['a service twice', { services: [CALENDAR.services[0], CALENDAR.services[0]] }, 'body/calendar/services/1/serviceId'],
    ['a quota of 0', { services: [{ ...CALENDAR.services[1], dailyQuota: 0 }] }, 'body/calendar/services/0/dailyQuota'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_what, change, field) => {
    const manager = await t.as('manager');
    const before = await dump(t);
    const res = await send('PUT', CALENDAR_URL, manager, { calendar: { ...CALENDAR, ...change } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('keeps tellers and devices out', async () => {
    // The other branch's manager and the rest of the matrix: test/server/authorization-matrix.test.ts.
    const teller = await t.as('teller1');
    expect((await send('GET', CALENDAR_URL, teller)).statusCode).toBe(403);
    expect((await send('PUT', CALENDAR_URL, teller, { calendar: CALENDAR })).statusCode).toBe(403);
    expect((await send('PUT', CALENDAR_URL, t.kiosk, { calendar: CALENDAR })).statusCode).toBe(403);
    expect((await send('GET', CALENDAR_URL, {})).statusCode).toBe(401);
  });
});

describe('the queue summaries and the kiosk under the calendar', () => {
  it('without a calendar: every service issues, open or no_counter by its counters', async () => {
    expect((await send('POST', `/api/counters/${counter(1)}/open`, await t.as('teller1'))).statusCode).toBe(200);
    const q = await queues(t.kiosk);
    expect(q.get(service('A'))).toMatchObject({ opening: 'open', quotaLeft: null, cutOffAt: null });
    expect(q.get(service('E'))).toMatchObject({ opening: 'no_counter' });
    t.clock.set(monday('03:00'));
    expect((await issue('E', t.kiosk)).statusCode).toBe(201);
  });

  it('before opening: issuing services open later from 09:00, counted from then; the others are not issuing yet', async () => {
    await setCalendar();
    t.clock.set(monday('08:40'));
    const q = await queues(t.kiosk);
    expect(q.get(service('A'))).toMatchObject({ opening: 'opens_later', servedFrom: monday('09:00').toISOString(), cutOffAt: monday('16:30').toISOString() });
    expect(q.get(service('A'))!.estimatedWaitSeconds).toBeGreaterThanOrEqual(20 * 60);
    expect(q.get(service('C'))).toMatchObject({ opening: 'not_issuing_yet', nextOpeningAt: monday('09:00').toISOString() });

    const refused = await issue('C', t.kiosk);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SERVICE_CLOSED', message: 'service C issues no tickets yet; tickets from 2026-11-23 09:00' });
    const taken = await issue('A', t.kiosk);
    expect(taken.statusCode).toBe(201);
    // Never a promise of a minute: the first customer is called when the counters open.
    expect(taken.json().estimatedWaitSeconds).toBe(20 * 60);
  });

  it('moves on by itself when the calendar does: at 09:00 the same hall with no counter open is no_counter', async () => {
    await setCalendar();
    t.clock.set(monday('08:59'));
    expect((await queues(t.display)).get(service('A'))!.opening).toBe('opens_later');
    t.clock.set(monday('09:01'));
    expect((await queues(t.display)).get(service('A'))!.opening).toBe('no_counter');
  });

  it('tells the screens itself when the calendar moves on: at 09:00 a branch.hours_changed event carries the new openings', async () => {
    await setCalendar();
    // A second before opening: the view computed now arms the engine's timer for 09:00 (a second away).
    t.clock.set(new Date(monday('09:00').getTime() - 1000));
    expect((await queues(t.display)).get(service('A'))!.opening).toBe('opens_later');
    const events = recordEvents(t);
    t.clock.set(monday('09:00'));
    await expect.poll(() => events.map((e) => e.type), { timeout: 5000 }).toContain('branch.hours_changed');
    const moved = events.find((e) => e.type === 'branch.hours_changed')!;
    expect(moved.queues.find((q) => q.serviceId === service('A'))!.opening).toBe('no_counter');
    expect(moved.queues.find((q) => q.serviceId === service('C'))!.opening).not.toBe('not_issuing_yet');
  });

  it('at lunch: tickets are issued, served from 13:00', async () => {
    await setCalendar();
    t.clock.set(monday('12:30'));
    expect((await queues(t.kiosk)).get(service('D'))).toMatchObject({ opening: 'opens_later', servedFrom: monday('13:00').toISOString() });
    expect((await issue('D', t.kiosk)).json().estimatedWaitSeconds).toBe(30 * 60);
  });

  it('past the cut-off: the kiosk is refused with the next opening; staff may still issue until closing', async () => {
    await setCalendar();
    t.clock.set(monday('16:40'));
    expect((await queues(t.kiosk)).get(service('A'))).toMatchObject({ opening: 'cut_off', nextOpeningAt: new Date('2026-11-24T08:30:00+08:00').toISOString() });
    const refused = await issue('A', t.kiosk);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SERVICE_CLOSED', message: 'service A stopped issuing tickets at 16:30 (取號截止); tickets from 2026-11-24 08:30' });
    expect((await issue('A', await t.as('manager'))).statusCode).toBe(201);
    t.clock.set(monday('17:05'));
    expect((await issue('A', await t.as('manager'))).json().code).toBe('SERVICE_CLOSED');
  });

  it('over the quota: quota_reached with nothing left, the kiosk refused, the manager’s judgement stands', async () => {
    await setCalendar();
    expect((await queues(t.kiosk)).get(service('B'))!.quotaLeft).toBe(2);
    expect((await issue('B', t.kiosk)).statusCode).toBe(201);
    expect((await issue('B', t.kiosk)).statusCode).toBe(201);
    expect((await queues(t.kiosk)).get(service('B'))).toMatchObject({ opening: 'quota_reached', quotaLeft: 0, nextOpeningAt: new Date('2026-11-24T09:00:00+08:00').toISOString() });
    const refused = await issue('B', t.kiosk);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SERVICE_QUOTA_REACHED', message: "service B has issued all of today's tickets (限號); tickets from 2026-11-24 09:00" });
    expect((await issue('B', await t.as('manager'))).statusCode).toBe(201);
  });

  it('on a closed day (a special day, then the weekend) every service is closed_today', async () => {
    await setCalendar();
    t.clock.set(new Date('2026-11-25T10:00:00+08:00'));
    expect((await queues(t.kiosk)).get(service('E'))).toMatchObject({ opening: 'closed_today', nextOpeningAt: new Date('2026-11-26T09:00:00+08:00').toISOString() });
    expect((await issue('E', t.kiosk)).json()).toMatchObject({ code: 'SERVICE_CLOSED', message: 'service E is closed today; tickets from 2026-11-26 09:00' });
    t.clock.set(new Date('2026-11-28T10:00:00+08:00'));
    expect((await queues(t.kiosk)).get(service('A'))).toMatchObject({ opening: 'closed_today', nextOpeningAt: new Date('2026-11-30T08:30:00+08:00').toISOString() });
  });
});
