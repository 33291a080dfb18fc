/**
 * A branch's calendar in UTC instants, for queries that group UTC timestamps by the branch's day
 * and hour without the database knowing time zones (SQLite does not; PostgreSQL would, but the same
 * query must run on both). Pure: Intl does the time zone arithmetic.
 */
import { businessDay } from './business-day.js';
import { addDays } from './service-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The branch's UTC offset in minutes at instant `at` (ms): +480 in Shanghai. */
export function offsetMinutesAt(at: number, timeZone: string): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / MINUTE);
}

/**
 * The first instant (to the minute) of business day `day` in the branch: midnight there, or the
 * first minute after it where a clock change skips midnight.
 */
export function dayStartsAt(day: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  // Offsets lie within ±15 hours: the day starts somewhere in this window.
  let low = midnightUtc - 15 * HOUR;
  let high = midnightUtc + 15 * HOUR;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (businessDay(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high).toISOString();
}

/** Business days `from`…`to` with the UTC instants each starts and ends (the next one's start). */
export function dayWindows(from: string, to: string, timeZone: string): { day: string; startsAt: string; endsAt: string }[] {
  const windows = [];
  let startsAt = dayStartsAt(from, timeZone);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const endsAt = dayStartsAt(addDays(day, 1), timeZone);
    windows.push({ day, startsAt, endsAt });
    startsAt = endsAt;
  }
  return windows;
}

/** One stretch of constant UTC offset; `until` (exclusive, UTC ISO) is null for the last. */
export interface OffsetSpan {
  offsetMinutes: number;
  until: string | null;
}

/**
 * The branch's UTC offsets between two instants, oldest first: one span where the clocks do not
 * change, more across a daylight-saving change. Clock changes are months apart, so sampling every
 * six hours finds each, and a search narrows it to the minute.
 */
export function offsetSpans(fromIso: string, toIso: string, timeZone: string): OffsetSpan[] {
  const end = Date.parse(toIso);
  let at = Date.parse(fromIso);
  let offset = offsetMinutesAt(at, timeZone);
  const spans: OffsetSpan[] = [];
  while (at < end) {
    const next = Math.min(at + 6 * HOUR, end);
    const nextOffset = offsetMinutesAt(next, timeZone);
    if (nextOffset !== offset) {
      let low = at;
      let high = next;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (offsetMinutesAt(middle, timeZone) === offset) low = middle;
        else high = middle;
      }
      spans.push({ offsetMinutes: offset, until: new Date(high).toISOString() });
      offset = nextOffset;
    }
    at = next;
  }
  spans.push({ offsetMinutes: offset, until: null });
  return spans;
}
