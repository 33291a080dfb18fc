import { describe, expect, it } from 'vitest';
import {
  decideDiarySave,
  editableUntil,
  isBusinessDay,
  isCalendarDay,
  isLocked,
  nextBusinessDay,
  waitFigures,
  type DiarySaveCommand,
} from '../../server/src/domain/diary-rules.js';

// 2026-11-23 is a Monday; 2026-11-27 a Friday.
const HOLIDAYS = ['2026-11-30', '2026-12-25'];

describe('business days', () => {
  it.each([
    ['2026-11-23', [], true, 'a Monday'],
    ['2026-11-27', [], true, 'a Friday'],
    ['2026-11-28', [], false, 'a Saturday'],
    ['2026-11-29', [], false, 'a Sunday'],
    ['2026-11-30', HOLIDAYS, false, 'a Monday the branch keeps as a holiday'],
  ])('%s is a business day: %s (%s)', (day, holidays, expected) => {
    expect(isBusinessDay(day, holidays)).toBe(expected);
  });

  it.each([
    ['2026-11-23', [], '2026-11-24', 'Monday → Tuesday'],
    ['2026-11-27', [], '2026-11-30', 'Friday → Monday, over the weekend'],
    ['2026-11-27', HOLIDAYS, '2026-12-01', 'Friday → Tuesday when Monday is a holiday'],
    ['2026-11-28', [], '2026-11-30', 'Saturday (worked) → Monday'],
    ['2026-12-24', HOLIDAYS, '2026-12-28', 'Christmas Eve → the Monday after Christmas and the weekend'],
    ['2026-12-31', [], '2027-01-01', 'over the year end'],
  ])('the next business day after %s with holidays %j is %s (%s)', (day, holidays, expected) => {
    expect(nextBusinessDay(day, holidays)).toBe(expected);
  });
});

describe('the editing window: until the end of the next business day', () => {
  it.each([
    ['2026-11-23', '2026-11-23', [], false, 'the same day'],
    ['2026-11-23', '2026-11-24', [], false, 'the next business day'],
    ['2026-11-23', '2026-11-25', [], true, 'the day after that'],
    ['2026-11-27', '2026-11-28', [], false, "Friday's entry on Saturday"],
    ['2026-11-27', '2026-11-30', [], false, "Friday's entry on Monday"],
    ['2026-11-27', '2026-12-01', [], true, "Friday's entry on Tuesday"],
    ['2026-11-27', '2026-12-01', HOLIDAYS, false, "Friday's entry on Tuesday after a Monday holiday"],
    ['2026-11-27', '2026-12-02', HOLIDAYS, true, "Friday's entry on Wednesday after a Monday holiday"],
  ])('an entry of %s on %s with holidays %j is locked: %s (%s)', (day, today, holidays, locked) => {
    expect(isLocked(day, today, holidays)).toBe(locked);
  });

  it('says until which day an entry stays open', () => {
    expect(editableUntil('2026-11-27', [])).toBe('2026-11-30');
  });
});

describe('who may save a diary entry, and when', () => {
  const manager = { id: 'manager-1', role: 'manager' as const };
  const base: DiarySaveCommand = { day: '2026-11-23', today: '2026-11-23', holidays: [], writer: manager, existing: null };

  it.each<[string, Partial<DiarySaveCommand>, ReturnType<typeof decideDiarySave>]>([
    ["creates today's entry", {}, { write: 'create' }],
    ["updates the manager's own entry", { existing: { authorId: 'manager-1' } }, { write: 'update' }],
    ["creates yesterday's entry, forgotten, the next morning", { day: '2026-11-22', today: '2026-11-23' }, { write: 'create' }],
    ["updates Friday's entry on Monday", { day: '2026-11-27', today: '2026-11-30', existing: { authorId: 'manager-1' } }, { write: 'update' }],
  ])('%s', (_case, change, expected) => {
    expect(decideDiarySave({ ...base, ...change })).toEqual(expected);
  });

  it.each<[string, Partial<DiarySaveCommand>, string, RegExp]>([
    ['a day that has not come', { day: '2026-11-24' }, 'VALIDATION_FAILED', /params\/day: 2026-11-24 has not come yet/],
    ['a day that does not exist', { day: '2026-02-30' }, 'VALIDATION_FAILED', /params\/day: 2026-02-30 is not a calendar day/],
    ['an admin (who reads but keeps no diary)', { writer: { id: 'admin', role: 'admin' } }, 'FORBIDDEN', /lobby manager/],
    ['a teller', { writer: { id: 'teller', role: 'teller' } }, 'FORBIDDEN', /lobby manager/],
    ["another manager's entry", { existing: { authorId: 'manager-2' } }, 'FORBIDDEN', /only its author/],
    ["Friday's entry on Tuesday", { day: '2026-11-27', today: '2026-12-01', existing: { authorId: 'manager-1' } }, 'RECORD_LOCKED', /until the end of 2026-11-30/],
    ['a new entry for a day whose window has passed', { day: '2026-11-20', today: '2026-11-24' }, 'RECORD_LOCKED', /read-only/],
  ])('refuses %s', (_case, change, code, message) => {
    const decision = decideDiarySave({ ...base, ...change });
    expect(decision).toMatchObject({ refused: code });
    expect('refused' in decision && decision.message).toMatch(message);
  });
});

describe('waits and service level of the day', () => {
  const targets = new Map([
    ['cash', 600],
    ['fx', 900],
  ]);
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 2, minutes)).toISOString();
  const called = (serviceId: string, issued: number, calledAfter: number) => ({ serviceId, issuedAt: at(issued), calledAt: at(issued + calledAfter) });

  it('has no waits and no service level when nobody was called', () => {
    expect(waitFigures([], targets)).toEqual({ called: 0, withinTarget: 0, longestWaitSeconds: null, meanWaitSeconds: null, serviceLevel: null });
  });

  it("counts the longest and mean wait, and the share called within each service's own target", () => {
    // Cash: 5 and 12 minutes (target 10); foreign exchange: 15 minutes (target 15, met exactly).
    const figures = waitFigures([called('cash', 0, 5), called('cash', 1, 12), called('fx', 2, 15)], targets);
    expect(figures).toEqual({ called: 3, withinTarget: 2, longestWaitSeconds: 900, meanWaitSeconds: 640, serviceLevel: 2 / 3 });
  });

  it('counts a service without a known target as missed, and never a negative wait', () => {
    const stepBack = { serviceId: 'cash', issuedAt: at(10), calledAt: at(9) };
    expect(waitFigures([called('gone', 0, 1), stepBack], targets)).toMatchObject({ called: 2, withinTarget: 1, longestWaitSeconds: 60, meanWaitSeconds: 30 });
  });
});

it.each([
  ['2026-11-23', true],
  ['2026-02-29', false],
  ['2028-02-29', true],
  ['2026-13-01', false],
  ['26-11-23', false],
])('%s is a calendar day: %s', (day, expected) => {
  expect(isCalendarDay(day)).toBe(expected);
});
