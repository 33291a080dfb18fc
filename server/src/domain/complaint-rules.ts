/**
 * The complaint log's rules (客戶投訴記錄表), as pure functions: when the reply to a complaint is
 * due, which state each action leads to, which fields each state lets a manager edit, and when a
 * complaint is overdue.
 */
import type { ComplaintStatus } from '../../../protocol/record-kinds.js';
import { businessDay } from './business-day.js';

// ── the reply deadline ─────────────────────────────────────────────────

export interface WorkingCalendar {
  /** IANA time zone of the branch: days are counted on its calendar. */
  timeZone: string;
  /** Days the branch is closed besides Saturdays and Sundays (YYYY-MM-DD, branch time). */
  holidays: readonly string[];
}

/** The calendar day after `day` (YYYY-MM-DD), with its weekday (0 = Sunday). */
function nextDay(day: string): { day: string; weekday: number } {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { day: next.toISOString().slice(0, 10), weekday: next.getUTCDay() };
}

/** Whether `day` (YYYY-MM-DD) is a working day of the branch: not a Saturday, Sunday or holiday. */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(day);
}

/** The `count`-th working day after `day`; `day` itself never counts. */
export function addWorkingDays(day: string, count: number, calendar: WorkingCalendar): string {
  let current = day;
  let left = count;
  // Bounded: a year of holidays would still end; a calendar without any working day would not, so stop.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    current = nextDay(current).day;
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** The offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - (at.getTime() - at.getUTCMilliseconds());
}

/** The instant the branch's calendar day `day` (YYYY-MM-DD) begins, in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  // Two passes: the offset at the first guess may differ from the one at local midnight (DST).
  let instant = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone);
  instant = midnightUtc - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/**
 * When the reply to a complaint received at `receivedAt` is due. The day it was received does not
 * count (nor do weekends and holidays); the reply is due by the END of the `workingDays`-th working
 * day after it, in the branch's time zone: received Friday 16:00 with 2 working days, due Tuesday
 * 23:59:59.999. End of day rather than the same time of day, because "within two working days" is
 * read by customers and regulators as whole days, and the manager should not lose the afternoon of
 * the last one because the customer came in late.
 */
export function replyDueAt(receivedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  const received = businessDay(receivedAt, calendar.timeZone);
  const lastDay = addWorkingDays(received, workingDays, calendar);
  return new Date(startOfDay(nextDay(lastDay).day, calendar.timeZone).getTime() - 1);
}

// ── states and transitions ─────────────────────────────────────────────

export type ComplaintAction = 'reply' | 'close' | 'reopen';

/** Why an action is refused: the record is closed to it (RECORD_LOCKED) or its state does not lead there (INVALID_TRANSITION). */
export type Refusal = { refused: 'RECORD_LOCKED' | 'INVALID_TRANSITION'; reason: string };

const TRANSITIONS: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  // open → replied → closed; closed → reopened → replied → closed.
  reply: { open: 'replied', reopened: 'replied' },
  close: { replied: 'closed' },
  reopen: { closed: 'reopened' },
};

/** The state `action` leads to from `status`, or why it cannot. */
export function transition(status: ComplaintStatus, action: ComplaintAction): { status: ComplaintStatus } | Refusal {
  const next = TRANSITIONS[action][status];
  if (next) return { status: next };
  if (status === 'closed') return { refused: 'RECORD_LOCKED', reason: `a closed complaint cannot be ${action === 'reply' ? 'replied to' : 'closed again'}: reopen it first` };
  const reasons: Record<ComplaintAction, string> = {
    reply: 'the complaint was replied to already: correct the reply by editing it',
    close: 'reply to the customer before closing the complaint',
    reopen: 'only a closed complaint can be reopened',
  };
  return { refused: 'INVALID_TRANSITION', reason: reasons[action] };
}

/** The fields a manager may edit on a complaint (PATCH), by their wire names. */
export const EDITABLE_FIELDS = [
  'channel',
  'category',
  'content',
  'customerName',
  'customerPhone',
  'handlerId',
  'reply',
  'outcome',
  'rootCause',
  'fix',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * Which fields each state lets a manager edit. A closed complaint is locked (reopen it first). The
 * reply is given through the reply action, which records when; once given its wording may be
 * corrected while the complaint is still replied. Outcome, root cause and fix may be noted at any
 * time before closing, since the investigation runs alongside the reply.
 */
export function editableFields(status: ComplaintStatus): readonly EditableField[] {
  switch (status) {
    case 'closed':
      return [];
    case 'replied':
      return EDITABLE_FIELDS;
    case 'open':
    case 'reopened':
      return EDITABLE_FIELDS.filter((field) => field !== 'reply');
  }
}

/** Whether editing `fields` is allowed in `status`, or why not. */
export function checkEdit(status: ComplaintStatus, fields: readonly string[]): { ok: true } | Refusal {
  if (fields.length === 0) return { ok: true };
  if (status === 'closed') return { refused: 'RECORD_LOCKED', reason: 'a closed complaint cannot be edited: reopen it first' };
  const allowed: readonly string[] = editableFields(status);
  const refused = fields.filter((field) => !allowed.includes(field));
  if (refused.length > 0) return { refused: 'INVALID_TRANSITION', reason: `${refused.join(', ')} cannot be edited while the complaint is ${status}` };
  return { ok: true };
}

/** Whether a complaint still waits for its reply (open or reopened). */
export const awaitsReply = (status: ComplaintStatus): boolean => status === 'open' || status === 'reopened';

/** Whether the complaint is past its reply deadline without a reply (the triage alert bar's rule). */
export function isOverdue(complaint: { status: ComplaintStatus; replyDueAt: string }, now: Date): boolean {
  return awaitsReply(complaint.status) && complaint.replyDueAt < now.toISOString();
}

// ── months ────────────────────────────────────────────────────────────

/** The branch's month (YYYY-MM) at `at`. */
export const monthOf = (at: Date, timeZone: string): string => businessDay(at, timeZone).slice(0, 7);

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The instants a branch month (or months `from`..`to`, inclusive) begins and ends (exclusive). */
export function monthRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDay(`${from}-01`, timeZone), end: startOfDay(`${nextMonth(to)}-01`, timeZone) };
}

/** The month `count` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive (YYYY-MM), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 120; month = nextMonth(month)) months.push(month);
  return months;
}
