/**
 * The work diary's rules, as pure functions: which days are business days, how long an entry stays
 * open to its author, who may write it, and how the day's waits are counted. Days are the branch's
 * calendar days (YYYY-MM-DD), so "the end of the next business day" in the branch's time zone is
 * simply "while today is not after it".
 */
import type { Role } from '../../../protocol/schemas.js';
import { addDays } from './service-time.js';

/** Whether `day` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export const isCalendarDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;

/** Whether the branch opens on `day`: not a Saturday or Sunday, and not one of its holidays. */
export function isBusinessDay(day: string, holidays: readonly string[]): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(day);
}

/** The first business day after `day`: Friday's is Monday, unless Monday is a holiday. */
export function nextBusinessDay(day: string, holidays: readonly string[]): string {
  let next = addDays(day, 1);
  // Weekends and at most a year of holidays: the loop always ends.
  while (!isBusinessDay(next, holidays)) next = addDays(next, 1);
  return next;
}

/** The last day on which an entry for `day` may still be changed: the next business day. */
export const editableUntil = (day: string, holidays: readonly string[]): string => nextBusinessDay(day, holidays);

/** Whether the entry for `day` is read-only on `today`: its next business day has ended. */
export const isLocked = (day: string, today: string, holidays: readonly string[]): boolean => today > editableUntil(day, holidays);

export type DiaryRefusal = { refused: 'VALIDATION_FAILED' | 'FORBIDDEN' | 'RECORD_LOCKED'; message: string };
export type DiarySaveDecision = { write: 'create' | 'update' } | DiaryRefusal;

export interface DiarySaveCommand {
  /** The day the entry is for. */
  day: string;
  /** The branch's business day now. */
  today: string;
  holidays: readonly string[];
  writer: { id: string; role: Role };
  /** The writer's entry for that day, if there is one. */
  existing: { authorId: string } | null;
}

/**
 * Whether a manager may write their entry for a day: not a future day, only their own entry, and
 * only until the end of the next business day. Admins read the diary but keep none.
 */
export function decideDiarySave(command: DiarySaveCommand): DiarySaveDecision {
  const { day, today, holidays, writer, existing } = command;
  if (!isCalendarDay(day)) return { refused: 'VALIDATION_FAILED', message: `params/day: ${day} is not a calendar day (YYYY-MM-DD)` };
  if (day > today) return { refused: 'VALIDATION_FAILED', message: `params/day: ${day} has not come yet (today is ${today})` };
  if (writer.role !== 'manager') return { refused: 'FORBIDDEN', message: 'only a lobby manager keeps a work diary' };
  if (existing && existing.authorId !== writer.id) return { refused: 'FORBIDDEN', message: 'only its author may change a diary entry' };
  if (isLocked(day, today, holidays)) {
    return { refused: 'RECORD_LOCKED', message: `the diary of ${day} could be changed until the end of ${editableUntil(day, holidays)}; it is read-only now` };
  }
  return { write: existing ? 'update' : 'create' };
}

/** A ticket called on the day, as the figures count it. */
export interface CalledTicket {
  serviceId: string;
  issuedAt: string;
  calledAt: string;
}

export interface WaitFigures {
  called: number;
  withinTarget: number;
  longestWaitSeconds: number | null;
  meanWaitSeconds: number | null;
  /** Share called within the service's target wait (0–1); null when nobody was called. */
  serviceLevel: number | null;
}

/**
 * Longest and mean wait (called − issued, whole seconds) of `tickets`, and the share called within
 * their service's target (`targetSeconds` by service id; a service without one counts as missed).
 */
export function waitFigures(tickets: readonly CalledTicket[], targetSeconds: ReadonlyMap<string, number>): WaitFigures {
  if (tickets.length === 0) return { called: 0, withinTarget: 0, longestWaitSeconds: null, meanWaitSeconds: null, serviceLevel: null };
  let longest = 0;
  let total = 0;
  let withinTarget = 0;
  for (const ticket of tickets) {
    // A clock stepped back never makes a negative wait.
    const seconds = Math.max(0, (Date.parse(ticket.calledAt) - Date.parse(ticket.issuedAt)) / 1000);
    longest = Math.max(longest, seconds);
    total += seconds;
    if (seconds <= (targetSeconds.get(ticket.serviceId) ?? -1)) withinTarget++;
  }
  return {
    called: tickets.length,
    withinTarget,
    longestWaitSeconds: Math.round(longest),
    meanWaitSeconds: Math.round(total / tickets.length),
    serviceLevel: withinTarget / tickets.length,
  };
}

/** The first and last day of a month written YYYY-MM, as business days compare. */
export const monthDays = (month: string): { first: string; last: string } => ({ first: `${month}-01`, last: `${month}-31` });
