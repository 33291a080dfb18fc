/** Branch days to the instants that bound them, for the audit log's date filter. */
import { describe, expect, it } from 'vitest';
import { auditPeriod, isCalendarDay, startOfBranchDay } from '../../server/src/domain/audit-period.js';

describe('startOfBranchDay', () => {
  it.each([
    ['2026-11-23', 'Asia/Shanghai', '2026-11-22T16:00:00.000Z', 'eight hours ahead of UTC, all year'],
    ['2026-11-23', 'Asia/Hong_Kong', '2026-11-22T16:00:00.000Z', 'Hong Kong keeps no daylight saving'],
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z', 'UTC itself'],
    ['2026-07-01', 'Europe/London', '2026-06-30T23:00:00.000Z', 'summer time, one hour ahead'],
    ['2026-01-15', 'Europe/London', '2026-01-15T00:00:00.000Z', 'winter, on UTC'],
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z', 'the day the clocks go forward at 01:00 starts before the jump'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', 'the day the clocks go forward at 02:00'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z', 'the day the clocks go back at 02:00'],
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z', 'midnight skipped: the day starts at 01:00 local'],
    ['2026-01-01', 'Pacific/Kiritimati', '2025-12-31T10:00:00.000Z', 'fourteen hours ahead'],
    ['2026-01-01', 'Pacific/Pago_Pago', '2026-01-01T11:00:00.000Z', 'eleven hours behind'],
  ])('%s in %s starts at %s (%s)', (day, zone, start) => {
    expect(startOfBranchDay(day, zone)).toBe(start);
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2026-11-23', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['20261123', false],
    ['', false],
  ])('%j → %s', (day, expected) => expect(isCalendarDay(day)).toBe(expected));
});

describe('auditPeriod', () => {
  const zone = 'Asia/Shanghai';
  it.each([
    [{}, { ok: true, from: undefined, to: undefined }],
    [{ from: '2026-11-23' }, { ok: true, from: '2026-11-22T16:00:00.000Z', to: undefined }],
    [{ to: '2026-11-23' }, { ok: true, from: undefined, to: '2026-11-23T16:00:00.000Z' }],
    [{ from: '2026-11-23', to: '2026-11-23' }, { ok: true, from: '2026-11-22T16:00:00.000Z', to: '2026-11-23T16:00:00.000Z' }],
    [{ from: '2026-11-30', to: '2026-12-01' }, { ok: true, from: '2026-11-29T16:00:00.000Z', to: '2026-12-01T16:00:00.000Z' }],
    [{ from: '2026-11-24', to: '2026-11-23' }, { ok: false, field: 'from', problem: '2026-11-24 is after 2026-11-23' }],
    [{ from: '2026-02-30' }, { ok: false, field: 'from', problem: '2026-02-30 is not a calendar day (YYYY-MM-DD)' }],
    [{ to: '2026-04-31' }, { ok: false, field: 'to', problem: '2026-04-31 is not a calendar day (YYYY-MM-DD)' }],
  ])('%j → %j', (days, expected) => expect(auditPeriod(days, zone)).toEqual(expected));
});
