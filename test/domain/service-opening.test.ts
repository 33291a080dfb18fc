/** Whether a service issues tickets now, the refusal when it does not, and the queue summary's opening. */
import { describe, expect, it } from 'vitest';
import type { DayHours, OperatingCalendar } from '../../protocol/calendar-schemas.js';
import type { QueueSummary } from '../../protocol/schemas.js';
import { instantOf, wallClock } from '../../server/src/domain/operating-calendar.js';
import { openingOf, publicQueues, withOpenings } from '../../server/src/domain/queue-opening.js';
import { assertServiceIssuing, issuedTodayFrom, nextCalendarChange, serviceIssuing, type CalendarContext } from '../../server/src/domain/service-opening.js';
import { AppError } from '../../server/src/errors.js';

const weekday: DayHours = { opensAt: '09:00', closesAt: '17:00', lunchFrom: '12:00', lunchUntil: '13:00' };
const calendar: OperatingCalendar = {
  weekdays: [weekday, weekday, weekday, weekday, weekday, null, null],
  specialDays: [],
  services: [
    { serviceId: 'a', issueFrom: '08:45', cutOffMinutes: 30, dailyQuota: null },
    { serviceId: 'q', issueFrom: null, cutOffMinutes: null, dailyQuota: 50 },
  ],
};
const zone = 'Asia/Hong_Kong';
const context: CalendarContext = { calendar, holidays: ['2026-11-26'], timeZone: zone };
/** Monday 2026-11-23 at a wall-clock time in Hong Kong. */
const monday = (time: string) => instantOf('2026-11-23', time, zone);
const wall = (ms: number | null) => (ms === null ? null : wallClock(ms, zone));

describe('serviceIssuing', () => {
  it.each<[string, string, number, string, boolean, string | null, string]>([
    ['a', '08:00', 0, 'not_issuing_yet', false, '2026-11-23 08:45', 'before its issuing window'],
    ['a', '08:50', 0, 'open', false, null, 'issuing before opening: served from 09:00'],
    ['a', '10:00', 0, 'open', true, null, 'in opening hours'],
    ['a', '12:30', 0, 'open', false, null, 'at lunch: still issuing'],
    ['a', '16:30', 0, 'cut_off', true, '2026-11-24 08:45', 'at the cut-off: counters still serve'],
    ['a', '17:30', 0, 'cut_off', false, '2026-11-24 08:45', 'after closing'],
    ['q', '08:50', 0, 'not_issuing_yet', false, '2026-11-23 09:00', 'no issueFrom: from opening'],
    ['q', '10:00', 49, 'open', true, null, 'one ticket left under the quota'],
    ['q', '10:00', 50, 'quota_reached', true, '2026-11-24 09:00', 'the quota used up'],
    ['z', '16:59', 0, 'open', true, null, 'a service not in the calendar issues all opening hours'],
    ['z', '17:00', 0, 'cut_off', false, '2026-11-24 09:00', 'and stops at closing'],
  ])('service %s at %s with %i issued: %s, serving %s, next %s (%s)', (serviceId, time, issued, issuing, servingNow, next) => {
    const state = serviceIssuing(context, serviceId, monday(time), issued);
    expect(state.issuing).toBe(issuing);
    expect(state.servingNow).toBe(servingNow);
    expect(wall(state.nextOpeningMs)).toBe(next);
  });

  it('says when service starts later today: opening, or the end of lunch', () => {
    expect(wall(serviceIssuing(context, 'a', monday('08:50'), 0).servingFromMs)).toBe('2026-11-23 09:00');
    expect(wall(serviceIssuing(context, 'a', monday('12:10'), 0).servingFromMs)).toBe('2026-11-23 13:00');
    expect(serviceIssuing(context, 'a', monday('10:00'), 0).servingFromMs).toBeNull();
  });

  it('gives the cut-off and the quota left', () => {
    const a = serviceIssuing(context, 'a', monday('10:00'), 7);
    expect([wall(a.cutOffMs), a.quotaLeft]).toEqual(['2026-11-23 16:30', null]);
    const q = serviceIssuing(context, 'q', monday('10:00'), 7);
    expect([q.cutOffMs, q.quotaLeft]).toEqual([null, 43]);
  });

  it.each([
    ['2026-11-26', 'a holiday', '2026-11-27 08:45'],
    ['2026-11-28', 'a closed Saturday', '2026-11-30 08:45'],
  ])('closes on %s (%s), next opening %s', (day, _why, next) => {
    const state = serviceIssuing(context, 'a', instantOf(day, '10:00', zone), 0);
    expect([state.issuing, wall(state.nextOpeningMs)]).toEqual(['closed_today', next]);
  });

  it('issues always and serves always without a calendar', () => {
    expect(serviceIssuing({ ...context, calendar: undefined }, 'a', monday('03:00'), 999)).toMatchObject({ issuing: 'open', servingNow: true, quotaLeft: null });
  });

  it('reads the business day across midnight in branch time (UTC+8 at 00:30 is the UTC day before)', () => {
    // Tuesday 00:30 in Hong Kong is Monday 16:30 UTC: Tuesday's window, not yet open.
    const state = serviceIssuing(context, 'a', Date.parse('2026-11-23T16:30:00.000Z'), 0);
    expect([state.issuing, wall(state.nextOpeningMs)]).toEqual(['not_issuing_yet', '2026-11-24 08:45']);
  });
});

describe('assertServiceIssuing', () => {
  const refusal = (serviceId: string, time: string, issued: number, byStaff: boolean) => {
    try {
      assertServiceIssuing(context, { id: serviceId, prefix: serviceId.toUpperCase() }, new Date(monday(time)), issued, byStaff);
      return null;
    } catch (err) {
      return err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
    }
  };

  it.each([
    ['a', '10:00', 0, false, null],
    ['a', '08:00', 0, false, 'SERVICE_CLOSED: service A issues no tickets yet; tickets from 2026-11-23 08:45'],
    ['a', '16:40', 0, false, 'SERVICE_CLOSED: service A stopped issuing tickets at 16:30 (取號截止); tickets from 2026-11-24 08:45'],
    ['a', '16:40', 0, true, null],
    ['a', '17:10', 0, true, 'SERVICE_CLOSED: service A stopped issuing tickets at 16:30 (取號截止); tickets from 2026-11-24 08:45'],
    ['a', '08:00', 0, true, 'SERVICE_CLOSED: service A issues no tickets yet; tickets from 2026-11-23 08:45'],
    ['q', '10:00', 50, false, "SERVICE_QUOTA_REACHED: service Q has issued all of today's tickets (限號); tickets from 2026-11-24 09:00"],
    ['q', '10:00', 50, true, null],
    ['z', '17:00', 0, false, 'SERVICE_CLOSED: service Z stopped issuing tickets at 17:00 (取號截止); tickets from 2026-11-24 09:00'],
  ])('service %s at %s with %i issued, by staff %s: %s', (serviceId, time, issued, byStaff, expected) => {
    expect(refusal(serviceId, time, issued, byStaff)).toBe(expected);
  });

  it('refuses everyone on a closed day', () => {
    expect(() => assertServiceIssuing(context, { id: 'a', prefix: 'A' }, new Date(instantOf('2026-11-26', '10:00', zone)), 0, true)).toThrow(
      'service A is closed today; tickets from 2026-11-27 08:45',
    );
  });
});

describe('nextCalendarChange', () => {
  it.each([
    ['07:00', '2026-11-23 08:45'],
    ['08:45', '2026-11-23 09:00'],
    ['10:00', '2026-11-23 12:00'],
    ['12:00', '2026-11-23 13:00'],
    ['13:00', '2026-11-23 16:30'],
    ['16:30', '2026-11-23 17:00'],
    ['17:00', '2026-11-24 00:00'],
  ])('at %s the figures hold until %s', (time, until) => {
    expect(wall(nextCalendarChange(context, monday(time)))).toBe(until);
  });

  it('is null without a calendar', () => {
    expect(nextCalendarChange({ ...context, calendar: undefined }, monday('10:00'))).toBeNull();
  });
});

describe('the queue summary', () => {
  const queue: QueueSummary = { serviceId: 'a', waitingCount: 2, longestWaitSeconds: 120, estimatedWaitSeconds: 900, openCounters: 0 };
  const summarise = (time: string, openCounters: number, kinds: string[] = ['atm']) =>
    withOpenings([{ ...queue, openCounters }], {
      nowMs: monday(time),
      issuing: new Map([['a', serviceIssuing(context, 'a', monday(time), 0)]]),
      selfServiceKind: new Map([['a', 'atm' as const]]),
      machinesInService: new Set(kinds as 'atm'[]),
      settings: { selfServiceMinSavingSeconds: 600 },
    })[0];

  it.each([
    ['08:50', 0, 'opens_later'],
    ['08:50', 1, 'open'],
    ['10:00', 0, 'no_counter'],
    ['10:00', 2, 'open'],
    ['12:30', 0, 'opens_later'],
    ['16:45', 2, 'cut_off'],
    ['08:00', 0, 'not_issuing_yet'],
  ])('at %s with %i counters open: %s', (time, open, opening) => {
    expect(summarise(time, open).opening).toBe(opening);
  });

  it('says when an opens_later service is served from, and when a closed one opens next', () => {
    expect(summarise('12:30', 0)).toMatchObject({ servedFrom: new Date(monday('13:00')).toISOString(), nextOpeningAt: null });
    expect(summarise('16:45', 2)).toMatchObject({ servedFrom: null, nextOpeningAt: new Date(instantOf('2026-11-24', '08:45', zone)).toISOString() });
    expect(summarise('10:00', 1)).toMatchObject({ cutOffAt: new Date(monday('16:30')).toISOString(), quotaLeft: null });
  });

  it('suggests self-service only with a machine of its kind in service and a wait at least the threshold', () => {
    expect(summarise('10:00', 1).suggestSelfService).toBe(true);
    expect(summarise('10:00', 1, []).suggestSelfService).toBe(false);
    expect(withOpenings([{ ...queue, openCounters: 1, estimatedWaitSeconds: 599 }], {
      nowMs: monday('10:00'),
      issuing: new Map([['a', serviceIssuing(context, 'a', monday('10:00'), 0)]]),
      selfServiceKind: new Map([['a', 'atm' as const]]),
      machinesInService: new Set(['atm'] as const),
      settings: { selfServiceMinSavingSeconds: 600 },
    })[0].suggestSelfService).toBe(false);
    expect(summarise('16:45', 1).suggestSelfService).toBe(false);
  });

  it('opening: a counter open wins over the calendar; none open in hours is no_counter', () => {
    const open = serviceIssuing(context, 'a', monday('12:30'), 0);
    expect([openingOf(open, 1), openingOf(open, 0)]).toEqual(['open', 'opens_later']);
  });

  it('hides VIP-only waits from public screens, keeping the opening and the count', () => {
    const vip: QueueSummary = { ...queue, serviceId: 'v', vipOnly: true, opening: 'open', suggestSelfService: true };
    const [shown, hidden] = publicQueues([queue, vip]);
    expect(shown).toBe(queue);
    expect(hidden).toEqual({ ...vip, estimatedWaitSeconds: 0, longestWaitSeconds: 0, suggestSelfService: false });
  });

  it('counts today’s tickets from the last number of today', () => {
    expect([issuedTodayFrom({ day: '2026-11-23', value: 12 }, '2026-11-23'), issuedTodayFrom({ day: '2026-11-22', value: 80 }, '2026-11-23'), issuedTodayFrom(undefined, '2026-11-23')]).toEqual([12, 0, 0]);
  });
});
