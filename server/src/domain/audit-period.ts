/**
 * The audit log is filtered by the branch's calendar days, while its rows carry UTC instants: these
 * pure rules turn an inclusive range of branch days into the instants that bound it.
 */
import { businessDay } from './business-day.js';

/** Whether `day` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === day;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `at` (ms; negative west of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)!.value);
  const parts = format.formatToParts(new Date(at));
  const wall = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'), part(parts, 'hour'), part(parts, 'minute'), part(parts, 'second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The first instant of branch day `day` in `timeZone`, as a UTC ISO string. */
export function startOfBranchDay(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  // The offset at local midnight may differ from the offset at UTC midnight (daylight saving), so ask twice.
  const first = midnight - zoneOffsetMs(midnight, timeZone);
  const second = midnight - zoneOffsetMs(first, timeZone);
  // Where the clocks jump over midnight the day starts at the jump: take the earliest candidate inside the day.
  const inside = [first, second].filter((at) => businessDay(new Date(at), timeZone) === day);
  return new Date(inside.length ? Math.min(...inside) : Math.max(first, second)).toISOString();
}

/** The day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type AuditPeriod =
  | { ok: true; /** inclusive */ from?: string; /** exclusive */ to?: string }
  | { ok: false; field: 'from' | 'to'; problem: string };

/**
 * The instants bounding the branch days `from`..`to` (both inclusive, either may be absent):
 * from the start of `from` to the start of the day after `to`.
 */
export function auditPeriod(days: { from?: string; to?: string }, timeZone: string): AuditPeriod {
  for (const field of ['from', 'to'] as const) {
    const day = days[field];
    if (day !== undefined && !isCalendarDay(day)) return { ok: false, field, problem: `${day} is not a calendar day (YYYY-MM-DD)` };
  }
  if (days.from && days.to && days.from > days.to) return { ok: false, field: 'from', problem: `${days.from} is after ${days.to}` };
  return {
    ok: true,
    from: days.from ? startOfBranchDay(days.from, timeZone) : undefined,
    to: days.to ? startOfBranchDay(nextDay(days.to), timeZone) : undefined,
  };
}
