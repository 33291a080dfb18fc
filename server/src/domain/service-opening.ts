/**
 * Whether a service takes tickets now under the branch's calendar, and whether its counters are
 * meant to serve now: the rule behind the kiosk's closed tiles, the refused ticket (409
 * SERVICE_CLOSED / SERVICE_QUOTA_REACHED) and the queue summaries' `opening`. Pure.
 *
 * A branch without a calendar issues at any hour and serves whenever a counter is open, as before
 * calendars existed.
 */
import type { OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import type { Branch, ServiceOpening } from '../../../protocol/schemas.js';
import { businessDay } from './business-day.js';
import { addDays } from './service-time.js';
import { dayStartsAt } from './zone-offsets.js';
import { AppError } from '../errors.js';
import { dayTimes, isServingAt, issuingSpan, nextIssuingStart, nextServingStartToday, servingSpans, wallClock } from './operating-calendar.js';

/** The branch facts the rule reads. */
export interface CalendarContext {
  calendar: OperatingCalendar | undefined;
  holidays: readonly string[];
  timeZone: string;
}

/** The calendar's side of a service's opening, before the counters are looked at. */
export interface ServiceIssuing {
  /** 'open' when tickets are issued now; otherwise why not. */
  issuing: Extract<ServiceOpening, 'open' | 'not_issuing_yet' | 'cut_off' | 'quota_reached' | 'closed_today'>;
  /** Whether the calendar has the counters serving now (always, without a calendar). */
  servingNow: boolean;
  /** Not serving now: the next start of service today (opening, end of lunch), epoch ms; else null. */
  servingFromMs: number | null;
  /** Not issuing: when tickets are issued next, epoch ms (null: not within a year). */
  nextOpeningMs: number | null;
  /** Today's cut-off (取號截止) when the service has one, epoch ms. */
  cutOffMs: number | null;
  /** Tickets left under today's quota (限號); null: no quota. */
  quotaLeft: number | null;
  /** Today's closing, epoch ms; null on a closed day or without a calendar. */
  closesAtMs: number | null;
}

const ALWAYS: ServiceIssuing = { issuing: 'open', servingNow: true, servingFromMs: null, nextOpeningMs: null, cutOffMs: null, quotaLeft: null, closesAtMs: null };

/**
 * The service's issuing state at `nowMs`, given how many tickets it issued today. Before today's
 * window: not_issuing_yet; past the cut-off or closing: cut_off; a closed day: closed_today; the
 * quota used up: quota_reached (checked last: the customer hears first whether it is open at all).
 */
export function serviceIssuing(context: CalendarContext, serviceId: string, nowMs: number, issuedToday: number): ServiceIssuing {
  const { calendar, holidays, timeZone } = context;
  if (!calendar) return ALWAYS;
  const day = businessDay(new Date(nowMs), timeZone);
  const times = dayTimes(calendar, holidays, day, timeZone);
  const next = () => nextIssuingStart(calendar, holidays, serviceId, nowMs, timeZone);
  if (!times) return { ...ALWAYS, issuing: 'closed_today', servingNow: false, nextOpeningMs: next() };

  const service = calendar.services.find((s) => s.serviceId === serviceId);
  const span = issuingSpan(times, service, timeZone);
  const servingNow = isServingAt(times, nowMs);
  const base: ServiceIssuing = {
    issuing: 'open',
    servingNow,
    servingFromMs: servingNow ? null : nextServingStartToday(times, nowMs),
    nextOpeningMs: null,
    cutOffMs: service?.cutOffMinutes != null ? span.untilMs : null,
    quotaLeft: service?.dailyQuota != null ? Math.max(0, service.dailyQuota - issuedToday) : null,
    closesAtMs: times.closesAtMs,
  };
  if (span.untilMs <= span.fromMs) return { ...base, issuing: 'closed_today', nextOpeningMs: next() };
  if (nowMs < span.fromMs) return { ...base, issuing: 'not_issuing_yet', nextOpeningMs: span.fromMs };
  if (nowMs >= span.untilMs) return { ...base, issuing: 'cut_off', nextOpeningMs: next() };
  if (base.quotaLeft === 0) return { ...base, issuing: 'quota_reached', nextOpeningMs: next() };
  return base;
}

/**
 * The next instant after `nowMs` at which the calendar changes anything for the day (an issuing
 * window opens or shuts, service starts or stops, the day turns): figures computed now hold until
 * then. Null without a calendar.
 */
export function nextCalendarChange(context: CalendarContext, nowMs: number): number | null {
  const { calendar, holidays, timeZone } = context;
  if (!calendar) return null;
  const day = businessDay(new Date(nowMs), timeZone);
  const moments: number[] = [];
  const times = dayTimes(calendar, holidays, day, timeZone);
  if (times) {
    for (const [from, until] of servingSpans(times)) moments.push(from, until);
    for (const service of calendar.services) {
      const span = issuingSpan(times, service, timeZone);
      moments.push(span.fromMs, span.untilMs);
    }
  }
  const dayTurn = Date.parse(dayStartsAt(addDays(day, 1), timeZone));
  moments.push(dayTurn);
  return Math.min(...moments.filter((m) => m > nowMs));
}

/** Issued today, from the last number given: numbers restart at 1 each business day and go up one by one. */
export function issuedTodayFrom(last: { day: string; value: number } | undefined, today: string): number {
  return last?.day === today ? last.value : 0;
}

/** The service as a refusal names it. */
interface NamedService {
  id: string;
  prefix: string;
}

/**
 * Refuses a ticket the calendar does not allow now: 409 SERVICE_CLOSED (closed day, before the
 * issuing window, past the cut-off) or SERVICE_QUOTA_REACHED, saying when tickets are issued next.
 * Staff issuing for a customer in front of them (a walk-in at the counter or the lobby manager's
 * sheet) may issue past the cut-off until closing and past the quota: the cut-off and the quota
 * protect the afternoon's counters from the kiosk's queue, and a teller who takes a customer in
 * at 16:40 has judged that the counter can still serve them. Nobody issues on a closed day,
 * before the window or after closing: no counter would serve that ticket.
 */
export function assertServiceIssuing(context: CalendarContext, service: NamedService, now: Date, issuedToday: number, byStaff: boolean): void {
  const state = serviceIssuing(context, service.id, now.getTime(), issuedToday);
  if (state.issuing === 'open') return;
  const stillOpen = state.closesAtMs !== null && now.getTime() < state.closesAtMs;
  if (byStaff && stillOpen && (state.issuing === 'cut_off' || state.issuing === 'quota_reached')) return;
  const next = state.nextOpeningMs === null ? 'no opening is planned within a year' : `tickets from ${wallClock(state.nextOpeningMs, context.timeZone)}`;
  const at = (ms: number | null) => (ms === null ? '' : ` at ${wallClock(ms, context.timeZone).slice(11)}`);
  switch (state.issuing) {
    case 'quota_reached':
      throw new AppError('SERVICE_QUOTA_REACHED', `service ${service.prefix} has issued all of today's tickets (限號); ${next}`);
    case 'closed_today':
      throw new AppError('SERVICE_CLOSED', `service ${service.prefix} is closed today; ${next}`);
    case 'not_issuing_yet':
      throw new AppError('SERVICE_CLOSED', `service ${service.prefix} issues no tickets yet; ${next}`);
    case 'cut_off':
      throw new AppError('SERVICE_CLOSED', `service ${service.prefix} stopped issuing tickets${at(state.cutOffMs ?? state.closesAtMs)} (取號截止); ${next}`);
  }
}

/** The calendar facts of a branch. */
export function calendarOf(branch: Pick<Branch, 'timeZone' | 'settings'>): CalendarContext {
  return { calendar: branch.settings.calendar, holidays: branch.settings.holidays, timeZone: branch.timeZone };
}
