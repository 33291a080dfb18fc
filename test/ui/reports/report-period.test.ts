import { describe, expect, it } from 'vitest';
import { planningRoutes } from '../../../protocol/planning-routes.js';
import { routeUrl } from '../../../protocol/route-kit.js';
import {
  addDays,
  presetPeriod,
  businessDayAt,
  isCalendarDay,
  lastDays,
  periodDays,
  periodProblem,
  periodText,
} from '../../../manager-ui/src/reports/report-period.js';

describe('report periods', () => {
  it("takes today from the branch's calendar, not the tablet's", () => {
    // 23:30 UTC on 22 Nov is already 23 Nov in Shanghai, still 22 Nov in London.
    const at = Date.parse('2026-11-22T23:30:00.000Z');
    expect(businessDayAt(at, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(businessDayAt(at, 'Europe/London')).toBe('2026-11-22');
  });

  it('moves by calendar days across month and year ends', () => {
    expect(addDays('2026-11-23', -6)).toBe('2026-11-17');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('defaults to the last 7 days including today', () => {
    const week = lastDays('2026-11-23', 7);
    expect(week).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(periodDays(week)).toBe(7);
  });

  it('refuses what the server would refuse, before asking it', () => {
    const today = '2026-11-23';
    expect(periodProblem({ from: '2026-11-17', to: '2026-11-23' }, today)).toBeNull();
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-02' }, today)).toBe('invalid-day');
    expect(periodProblem({ from: '', to: '2026-11-23' }, today)).toBe('invalid-day');
    expect(periodProblem({ from: '2026-11-24', to: '2026-11-20' }, today)).toBe('from-after-to');
    expect(periodProblem({ from: '2025-01-01', to: '2026-11-23' }, today)).toBe('too-long');
    expect(periodProblem({ from: '2026-12-01', to: '2026-12-07' }, today)).toBe('in-future');
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it('asks the server for exactly the days shown', () => {
    const period = { from: '2026-11-17', to: '2026-11-23' };
    expect(routeUrl(planningRoutes.arrivalsByHour, { branchId: 'demo', ...period })).toBe(
      '/api/branches/demo/reports/arrivals-by-hour?from=2026-11-17&to=2026-11-23',
    );
  });

  it('writes the period as people read it, in each language', () => {
    const week = { from: '2026-11-17', to: '2026-11-23' };
    // ICU puts thin spaces around the dash.
    expect(periodText(week, 'en').replace(/\s/gu, ' ')).toBe('Nov 17 – 23, 2026');
    expect(periodText(week, 'zh-Hant')).toBe('2026年11月17日至11月23日');
    expect(periodText(week, 'zh-Hans')).toBe('2026年11月17日至11月23日');
    expect(periodText({ from: '2025-12-29', to: '2026-01-04' }, 'zh-Hant')).toBe('2025年12月29日至2026年1月4日');
    expect(periodText({ from: '2026-11-23', to: '2026-11-23' }, 'en')).toBe('Nov 23, 2026');
  });
});

describe('period presets', () => {
  it.each([
    ['today', { from: '2026-11-27', to: '2026-11-27' }],
    ['yesterday', { from: '2026-11-26', to: '2026-11-26' }],
    // 2026-11-27 is a Friday: the week began on Monday the 23rd.
    ['this-week', { from: '2026-11-23', to: '2026-11-27' }],
    ['this-month', { from: '2026-11-01', to: '2026-11-27' }],
    ['last-month', { from: '2026-10-01', to: '2026-10-31' }],
  ] as const)('%s on Friday 2026-11-27 is %o', (preset, period) => {
    expect(presetPeriod(preset, '2026-11-27')).toEqual(period);
  });

  it('crosses years and weeks at their edges', () => {
    expect(presetPeriod('last-month', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('yesterday', '2027-01-01')).toEqual({ from: '2026-12-31', to: '2026-12-31' });
    // A Sunday belongs to the week that began the Monday before; a Monday starts its own.
    expect(presetPeriod('this-week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetPeriod('this-week', '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
    expect(presetPeriod('last-month', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});
