/**
 * The branch's operating calendar in instants: which hours a business day has (weekday, holiday,
 * special day), when its counters serve and when each service issues tickets. Pure: wall-clock
 * times (HH:MM) become UTC instants through the branch's time zone (zone-offsets.ts).
 */
import type { DayHours, OperatingCalendar, ServiceCalendar } from '../../../protocol/calendar-schemas.js';
import { businessDay } from './business-day.js';
import { addDays } from './service-time.js';
import { offsetMinutesAt } from './zone-offsets.js';

const MINUTE = 60_000;

/** Minutes after midnight of an HH:MM time. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The instant of wall-clock `time` on `day` in `timeZone` (epoch ms). A time the clocks skip
 * (a daylight-saving gap) comes out as the instant an hour later, as a wall clock would show it.
 */
export function instantOf(day: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00.000Z`) + minutesOf(time) * MINUTE;
  // The offset at the guess, then at the corrected guess: two steps settle across a clock change.
  let at = wall - offsetMinutesAt(wall, timeZone) * MINUTE;
  at = wall - offsetMinutesAt(at, timeZone) * MINUTE;
  return at;
}

/** 0 for Monday … 6 for Sunday, as `weekdays` is ordered. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7;
}

/** What makes a day's hours: a special day, else a holiday (closed), else its weekday. */
export interface DaySource {
  hours: DayHours | null;
  /** The special day's note, or 'holiday'; null for an ordinary weekday. */
  note: string | null;
}

/** The hours of business day `day`; `hours` null when the branch is closed. */
export function hoursOfDay(calendar: OperatingCalendar, holidays: readonly string[], day: string): DaySource {
  const special = calendar.specialDays.find((d) => d.date === day);
  if (special) return { hours: special.hours, note: special.note || null };
  if (holidays.includes(day)) return { hours: null, note: 'holiday' };
  return { hours: calendar.weekdays[weekdayIndex(day)] ?? null, note: null };
}

/** One business day in instants (epoch ms); lunch null when there is no lunch closure. */
export interface DayTimes {
  day: string;
  opensAtMs: number;
  closesAtMs: number;
  lunch: { fromMs: number; untilMs: number } | null;
}

/** The day's hours in instants; null when the branch is closed that day. */
export function dayTimes(calendar: OperatingCalendar, holidays: readonly string[], day: string, timeZone: string): DayTimes | null {
  const { hours } = hoursOfDay(calendar, holidays, day);
  if (!hours) return null;
  const at = (time: string) => instantOf(day, time, timeZone);
  const lunch = hours.lunchFrom && hours.lunchUntil ? { fromMs: at(hours.lunchFrom), untilMs: at(hours.lunchUntil) } : null;
  return { day, opensAtMs: at(hours.opensAt), closesAtMs: at(hours.closesAt), lunch };
}

/** When counters serve on `times`' day: opening to closing, less lunch. */
export function servingSpans(times: DayTimes): [number, number][] {
  if (!times.lunch) return [[times.opensAtMs, times.closesAtMs]];
  return [
    [times.opensAtMs, times.lunch.fromMs],
    [times.lunch.untilMs, times.closesAtMs],
  ].filter(([from, until]) => until > from) as [number, number][];
}

/** When a service takes tickets on a day: from `issueFrom` (or opening) until the cut-off (or closing). */
export function issuingSpan(times: DayTimes, service: ServiceCalendar | undefined, timeZone: string): { fromMs: number; untilMs: number } {
  const fromMs = service?.issueFrom ? instantOf(times.day, service.issueFrom, timeZone) : times.opensAtMs;
  const untilMs = times.closesAtMs - (service?.cutOffMinutes ?? 0) * MINUTE;
  return { fromMs, untilMs };
}

/** Days ahead searched for the next opening: a year covers any real calendar. */
const SEARCH_DAYS = 370;

/**
 * The next instant after `afterMs` at which `serviceId` starts issuing (a later day's, or today's
 * still to come); null when no day within a year issues it.
 */
export function nextIssuingStart(
  calendar: OperatingCalendar,
  holidays: readonly string[],
  serviceId: string,
  afterMs: number,
  timeZone: string,
): number | null {
  const service = calendar.services.find((s) => s.serviceId === serviceId);
  let day = businessDay(new Date(afterMs), timeZone);
  for (let i = 0; i < SEARCH_DAYS; i++, day = addDays(day, 1)) {
    const times = dayTimes(calendar, holidays, day, timeZone);
    if (!times) continue;
    const span = issuingSpan(times, service, timeZone);
    if (span.untilMs > span.fromMs && span.fromMs > afterMs) return span.fromMs;
  }
  return null;
}

/** The next start of counter service after `afterMs` on the same business day (opening, or the end of lunch); null if none is left. */
export function nextServingStartToday(times: DayTimes | null, afterMs: number): number | null {
  if (!times) return null;
  for (const [from] of servingSpans(times)) if (from > afterMs) return from;
  return null;
}

/** Whether counters serve at `atMs` under the day's hours. */
export function isServingAt(times: DayTimes | null, atMs: number): boolean {
  return !!times && servingSpans(times).some(([from, until]) => atMs >= from && atMs < until);
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the branch's wall clock reads it, "YYYY-MM-DD HH:MM", for messages. */
export function wallClock(atMs: number, timeZone: string): string {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(atMs)).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
