/**
 * Report periods: whole business days (YYYY-MM-DD) in the branch's time zone, inclusive at both
 * ends, as the report routes take them.
 */
import type { ReportQuery } from '../../../protocol/forecast-schemas.js';

/** A report period: `from` and `to` are business days, both included (the report routes' query, both named). */
export type ReportPeriod = Required<ReportQuery>;

/** The longest period the server reports on. */
export const MAX_PERIOD_DAYS = 366;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The business day at `nowMs` in `timeZone` (the branch's calendar, not the tablet's). */
export function businessDayAt(nowMs: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  return DAY_PATTERN.test(day) && addDays(day, 0) === day;
}

/** Days in the period, both ends counted. */
export function periodDays({ from, to }: ReportPeriod): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last `days` business days up to and including `today`. */
export function lastDays(today: string, days: number): ReportPeriod {
  return { from: addDays(today, -(days - 1)), to: today };
}

export type PeriodProblem = 'invalid-day' | 'from-after-to' | 'too-long' | 'in-future';

/** Why the server would refuse this period, or null when it is fine. */
export function periodProblem(period: ReportPeriod, today: string): PeriodProblem | null {
  if (!isCalendarDay(period.from) || !isCalendarDay(period.to)) return 'invalid-day';
  if (period.from > period.to) return 'from-after-to';
  if (periodDays(period) > MAX_PERIOD_DAYS) return 'too-long';
  if (period.from > today) return 'in-future';
  return null;
}

/**
 * The period as people write it: "Nov 17 – 23, 2026" in English, "2026年11月17日至11月23日" in Chinese
 * (ICU's own Chinese ranges fall back to 2026/11/17). Days are calendar days, so they are formatted
 * in UTC and never shift with the tablet's time zone.
 */
export function periodText({ from, to }: ReportPeriod, locale: string): string {
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(`${to}T00:00:00.000Z`);
  const chinese = locale.startsWith('zh');
  const full = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: chinese ? 'long' : 'short', day: 'numeric' });
  if (from === to) return full.format(start);
  if (!chinese) return full.formatRange(start, end);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const endFormat = sameYear ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', day: 'numeric' }) : full;
  return `${full.format(start)}至${endFormat.format(end)}`;
}

export const PERIOD_PRESETS = ['today', 'yesterday', 'this-week', 'this-month', 'last-month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/**
 * A named period around `today` (a business day): this week runs from Monday, as the bank's weeks
 * do; this and last month are calendar months. Periods that reach today end today.
 */
export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'this-week': {
      const weekday = new Date(`${today}T00:00:00.000Z`).getUTCDay(); // 0 Sunday … 6 Saturday
      return { from: addDays(today, -((weekday + 6) % 7)), to: today };
    }
    case 'this-month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last-month': {
      const lastDay = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
  }
}
