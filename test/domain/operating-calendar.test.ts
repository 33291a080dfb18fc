/** The branch's operating calendar in instants: hours per day, lunch, special days, issuing windows. */
import { describe, expect, it } from 'vitest';
import type { DayHours, OperatingCalendar } from '../../protocol/calendar-schemas.js';
import {
  dayTimes,
  hoursOfDay,
  instantOf,
  isServingAt,
  issuingSpan,
  nextIssuingStart,
  nextServingStartToday,
  wallClock,
  weekdayIndex,
} from '../../server/src/domain/operating-calendar.js';

const weekday: DayHours = { opensAt: '09:00', closesAt: '17:00', lunchFrom: '12:00', lunchUntil: '13:00' };
const saturday: DayHours = { opensAt: '09:00', closesAt: '12:00', lunchFrom: null, lunchUntil: null };
const calendar: OperatingCalendar = {
  weekdays: [weekday, weekday, weekday, weekday, weekday, saturday, null],
  specialDays: [
    { date: '2026-12-24', hours: { opensAt: '09:00', closesAt: '12:00', lunchFrom: null, lunchUntil: null }, note: 'Christmas Eve' },
    { date: '2026-12-27', hours: saturday, note: 'Sunday opening' },
    { date: '2026-12-28', hours: null, note: 'Typhoon signal 8' },
  ],
  services: [
    { serviceId: 'a', issueFrom: '08:45', cutOffMinutes: 30, dailyQuota: null },
    { serviceId: 'b', issueFrom: null, cutOffMinutes: null, dailyQuota: 50 },
  ],
};
const holidays = ['2026-12-25'];

describe('instantOf', () => {
  it.each([
    ['2026-11-23', '09:00', 'Asia/Shanghai', '2026-11-23T01:00:00.000Z', 'eight hours ahead, no daylight saving'],
    ['2026-11-23', '09:00', 'Asia/Hong_Kong', '2026-11-23T01:00:00.000Z', 'Hong Kong'],
    ['2026-11-23', '00:30', 'Asia/Shanghai', '2026-11-22T16:30:00.000Z', 'just after midnight is the UTC day before'],
    ['2026-11-23', '23:59', 'Pacific/Pago_Pago', '2026-11-24T10:59:00.000Z', 'eleven hours behind: the next UTC day'],
    ['2026-07-01', '09:00', 'Europe/London', '2026-07-01T08:00:00.000Z', 'summer time'],
    ['2026-01-15', '09:00', 'Europe/London', '2026-01-15T09:00:00.000Z', 'winter'],
    ['2026-03-29', '09:00', 'Europe/London', '2026-03-29T08:00:00.000Z', 'the morning the clocks went forward'],
    ['2026-11-01', '09:00', 'America/New_York', '2026-11-01T14:00:00.000Z', 'the morning the clocks went back'],
  ])('%s %s in %s is %s (%s)', (day, time, zone, expected) => {
    expect(new Date(instantOf(day, time, zone)).toISOString()).toBe(expected);
  });
});

describe('hoursOfDay', () => {
  it.each<[string, DayHours | null, string | null, string]>([
    ['2026-11-23', weekday, null, 'a Monday'],
    ['2026-11-28', saturday, null, 'a Saturday: short hours'],
    ['2026-11-29', null, null, 'a Sunday: closed'],
    ['2026-12-25', null, 'holiday', 'a holiday on a weekday'],
    ['2026-12-24', calendar.specialDays[0].hours, 'Christmas Eve', 'a special day with other hours'],
    ['2026-12-27', saturday, 'Sunday opening', 'a special day opens a closed weekday'],
    ['2026-12-28', null, 'Typhoon signal 8', 'a special day closes an open weekday'],
  ])('%s: %j (%s)', (day, hours, note) => {
    expect(hoursOfDay(calendar, holidays, day)).toEqual({ hours, note });
  });

  it('counts weekdays from Monday', () => {
    expect([weekdayIndex('2026-11-23'), weekdayIndex('2026-11-28'), weekdayIndex('2026-11-29')]).toEqual([0, 5, 6]);
  });

  it('lets a special day win over a holiday on the same date', () => {
    const opened = { ...calendar, specialDays: [{ date: '2026-12-25', hours: saturday, note: 'Open after all' }] };
    expect(hoursOfDay(opened, holidays, '2026-12-25').hours).toEqual(saturday);
  });
});

describe('serving and issuing on a day (Asia/Shanghai)', () => {
  const zone = 'Asia/Shanghai';
  const at = (time: string) => instantOf('2026-11-23', time, zone);
  const monday = dayTimes(calendar, holidays, '2026-11-23', zone)!;

  it.each([
    ['08:59', false, '09:00'],
    ['09:00', true, '13:00'],
    ['11:59', true, '13:00'],
    ['12:00', false, '13:00'],
    ['12:59', false, '13:00'],
    ['13:00', true, null],
    ['16:59', true, null],
    ['17:00', false, null],
  ])('at %s counters serve: %s; next start of service today: %s', (time, serving, next) => {
    expect(isServingAt(monday, at(time))).toBe(serving);
    const start = nextServingStartToday(monday, at(time));
    expect(start === null ? null : wallClock(start, zone).slice(11)).toBe(next);
  });

  it('issues from issueFrom (before opening) until the cut-off, or opening to closing without them', () => {
    const a = issuingSpan(monday, calendar.services[0], zone);
    expect([wallClock(a.fromMs, zone), wallClock(a.untilMs, zone)]).toEqual(['2026-11-23 08:45', '2026-11-23 16:30']);
    const c = issuingSpan(monday, undefined, zone);
    expect([wallClock(c.fromMs, zone), wallClock(c.untilMs, zone)]).toEqual(['2026-11-23 09:00', '2026-11-23 17:00']);
  });

  it.each([
    ['a', '2026-11-23T08:00', '2026-11-23 08:45', 'later the same morning'],
    ['a', '2026-11-23T16:40', '2026-11-24 08:45', 'past the cut-off: the next morning'],
    ['b', '2026-11-28T11:00', '2026-11-30 09:00', 'Saturday: Sunday is closed, so Monday'],
    ['b', '2026-12-24T13:00', '2026-12-26 09:00', 'Christmas Eve afternoon: the holiday is skipped'],
    ['b', '2026-12-27T10:00', '2026-12-29 09:00', 'the Sunday opening: the typhoon day is skipped'],
  ])('service %s after %s next issues at %s (%s)', (serviceId, after, expected) => {
    const afterMs = instantOf(after.slice(0, 10), after.slice(11), zone);
    expect(wallClock(nextIssuingStart(calendar, holidays, serviceId, afterMs, zone)!, zone)).toBe(expected);
  });

  it('finds no next opening when every day is closed', () => {
    const closed: OperatingCalendar = { weekdays: [null, null, null, null, null, null, null], specialDays: [], services: [] };
    expect(nextIssuingStart(closed, [], 'a', at('09:00'), zone)).toBeNull();
  });
});

describe('a day boundary in another zone (UTC−11)', () => {
  it('reads the business day in branch time, not UTC', () => {
    const zone = 'Pacific/Pago_Pago';
    // 2026-11-24 02:00 UTC is Monday 2026-11-23 15:00 in Pago Pago: inside Monday's hours.
    const times = dayTimes(calendar, holidays, '2026-11-23', zone)!;
    expect(isServingAt(times, Date.parse('2026-11-24T02:00:00.000Z'))).toBe(true);
    expect(wallClock(times.closesAtMs, zone)).toBe('2026-11-23 17:00');
    expect(new Date(times.closesAtMs).toISOString()).toBe('2026-11-24T04:00:00.000Z');
  });
});
