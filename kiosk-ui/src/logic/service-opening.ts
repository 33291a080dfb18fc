/**
 * Whether a service takes tickets now, as the server's queue summary says (the branch's calendar
 * and counters decide on the server; the kiosk only shows it). Pure.
 */
import type { QueueSummary, ServiceOpening } from '../../../protocol/index.js';

/** The summary's opening; an older server sends none, and then the service is open. */
export function openingOf(queue: QueueSummary | undefined): ServiceOpening {
  return queue?.opening ?? 'open';
}

/** Whether the kiosk may issue a ticket for the service now (the server would refuse the others with 409). */
export function takesTickets(opening: ServiceOpening): boolean {
  return opening === 'open' || opening === 'opens_later' || opening === 'no_counter';
}

/** Whether a minutes estimate would promise what no counter delivers now: then the kiosk says when service starts instead. */
export function waitIsPromise(opening: ServiceOpening): boolean {
  return opening === 'open';
}

/** Quota hint only when few are left: "8 tickets left today". */
export const QUOTA_HINT_BELOW = 20;
/** Cut-off hint only when it is near: "Last tickets at 16:30". */
export const CUT_OFF_HINT_WITHIN_MS = 60 * 60_000;

/** "9:00" in the branch's time zone (no leading zero: it reads as a clock on a sign). */
export function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The branch-time calendar day of an instant, "2026-11-30". */
export function branchDay(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

export type NextOpeningWhen =
  | { day: 'today'; time: string }
  | { day: 'tomorrow'; time: string }
  /** Later: `weekday` names the day in the locale ("週一" / "周一" / "Mon"), `date` the month and day. */
  | { day: 'later'; time: string; weekday: string; date: string };

/** When the next opening is, relative to `now`, in branch time; `locale` names the weekday and date. */
export function nextOpeningWhen(iso: string, now: Date, timeZone: string, locale: string): NextOpeningWhen {
  const time = clockTime(iso, timeZone);
  const day = branchDay(iso, timeZone);
  if (day === branchDay(now, timeZone)) return { day: 'today', time };
  const tomorrow = new Date(`${branchDay(now, timeZone)}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  if (day === tomorrow.toISOString().slice(0, 10)) return { day: 'tomorrow', time };
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' }).format(new Date(iso));
  const date = new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric' }).format(new Date(iso));
  return { day: 'later', time, weekday, date };
}
