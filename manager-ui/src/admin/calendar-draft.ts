/**
 * The Calendar tab's form as plain data: the operating calendar as typed (strings, empty for "none"),
 * the checks the server makes too (so a mistake is shown at its field before anything is sent), and
 * the body sent. Pure, so it is tested without a browser.
 */
import { CALENDAR_LIMITS, type DayHours, type OperatingCalendar } from '../../../protocol/calendar-schemas.js';

export interface HoursDraft {
  open: boolean;
  opensAt: string;
  closesAt: string;
  /** Empty: no lunch closure. */
  lunchFrom: string;
  lunchUntil: string;
}

export interface SpecialDayDraft extends HoursDraft {
  date: string;
  note: string;
}

export interface ServiceRuleDraft {
  serviceId: string;
  /** Empty: from opening. */
  issueFrom: string;
  /** Minutes before closing; empty: tickets until closing. */
  cutOffMinutes: string;
  /** Empty: no quota. */
  dailyQuota: string;
}

export interface CalendarDraft {
  /** false: the branch has no calendar (tickets at any hour). */
  enabled: boolean;
  /** Monday first. */
  weekdays: HoursDraft[];
  specialDays: SpecialDayDraft[];
  services: ServiceRuleDraft[];
}

export type CalendarProblem = 'required' | 'time' | 'closesBeforeOpens' | 'lunchHalf' | 'lunchOutside' | 'date' | 'duplicateDate' | 'cutOff' | 'quota';

/** Problems by field path: `weekdays.0.closesAt`, `specialDays.1.date`, `services.2.dailyQuota`. */
export type CalendarProblems = Record<string, CalendarProblem>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A bank's usual week: weekdays 09:00–17:00 with lunch 12:00–13:00, Saturday morning, Sunday closed. */
export const STARTER_WEEK: readonly (DayHours | null)[] = [
  ...Array.from({ length: 5 }, () => ({ opensAt: '09:00', closesAt: '17:00', lunchFrom: '12:00', lunchUntil: '13:00' })),
  { opensAt: '09:00', closesAt: '12:00', lunchFrom: null, lunchUntil: null },
  null,
];

function hoursDraft(hours: DayHours | null): HoursDraft {
  return hours
    ? { open: true, opensAt: hours.opensAt, closesAt: hours.closesAt, lunchFrom: hours.lunchFrom ?? '', lunchUntil: hours.lunchUntil ?? '' }
    : { open: false, opensAt: '09:00', closesAt: '17:00', lunchFrom: '', lunchUntil: '' };
}

/** The form for `calendar` (null: none, shown with the usual week to start from) and the branch's services. */
export function calendarDraft(calendar: OperatingCalendar | null, serviceIds: readonly string[]): CalendarDraft {
  const rules = new Map((calendar?.services ?? []).map((s) => [s.serviceId, s]));
  return {
    enabled: calendar !== null,
    weekdays: (calendar?.weekdays ?? STARTER_WEEK).map(hoursDraft),
    specialDays: (calendar?.specialDays ?? []).map((d) => ({ ...hoursDraft(d.hours), date: d.date, note: d.note })),
    services: serviceIds.map((serviceId) => {
      const rule = rules.get(serviceId);
      return {
        serviceId,
        issueFrom: rule?.issueFrom ?? '',
        cutOffMinutes: rule?.cutOffMinutes == null ? '' : String(rule.cutOffMinutes),
        dailyQuota: rule?.dailyQuota == null ? '' : String(rule.dailyQuota),
      };
    }),
  };
}

/** A blank special day, for "Add a special day". */
export const newSpecialDay = (date = ''): SpecialDayDraft => ({ ...hoursDraft(null), open: false, date, note: '' });

function checkHours(path: string, hours: HoursDraft, problems: CalendarProblems): void {
  if (!hours.open) return;
  for (const key of ['opensAt', 'closesAt'] as const) {
    if (!hours[key]) problems[`${path}.${key}`] = 'required';
    else if (!TIME.test(hours[key])) problems[`${path}.${key}`] = 'time';
  }
  if (problems[`${path}.opensAt`] || problems[`${path}.closesAt`]) return;
  if (minutes(hours.closesAt) <= minutes(hours.opensAt)) {
    problems[`${path}.closesAt`] = 'closesBeforeOpens';
    return;
  }
  if (!hours.lunchFrom && !hours.lunchUntil) return;
  if (!hours.lunchFrom || !hours.lunchUntil) {
    problems[`${path}.${hours.lunchFrom ? 'lunchUntil' : 'lunchFrom'}`] = 'lunchHalf';
    return;
  }
  const from = minutes(hours.lunchFrom);
  const until = minutes(hours.lunchUntil);
  if (from < minutes(hours.opensAt) || from >= minutes(hours.closesAt)) problems[`${path}.lunchFrom`] = 'lunchOutside';
  else if (until <= from || until > minutes(hours.closesAt)) problems[`${path}.lunchUntil`] = 'lunchOutside';
}

const isWhole = (text: string, min: number, max: number) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;

/** What is wrong with the form, by field path; empty when it may be sent. */
export function checkCalendarDraft(draft: CalendarDraft): CalendarProblems {
  const problems: CalendarProblems = {};
  if (!draft.enabled) return problems;
  draft.weekdays.forEach((day, i) => checkHours(`weekdays.${i}`, day, problems));
  const dates = new Set<string>();
  draft.specialDays.forEach((day, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || Number.isNaN(Date.parse(`${day.date}T00:00:00Z`))) problems[`specialDays.${i}.date`] = day.date ? 'date' : 'required';
    else if (dates.has(day.date)) problems[`specialDays.${i}.date`] = 'duplicateDate';
    dates.add(day.date);
    checkHours(`specialDays.${i}`, day, problems);
  });
  draft.services.forEach((rule, i) => {
    if (rule.issueFrom && !TIME.test(rule.issueFrom)) problems[`services.${i}.issueFrom`] = 'time';
    const { cutOffMinutes: cut, dailyQuota: quota } = CALENDAR_LIMITS;
    if (rule.cutOffMinutes && !isWhole(rule.cutOffMinutes, cut.min, cut.max)) problems[`services.${i}.cutOffMinutes`] = 'cutOff';
    if (rule.dailyQuota && !isWhole(rule.dailyQuota, quota.min, quota.max)) problems[`services.${i}.dailyQuota`] = 'quota';
  });
  return problems;
}

function hoursOf(hours: HoursDraft): DayHours | null {
  if (!hours.open) return null;
  const lunch = hours.lunchFrom && hours.lunchUntil;
  return { opensAt: hours.opensAt, closesAt: hours.closesAt, lunchFrom: lunch ? hours.lunchFrom : null, lunchUntil: lunch ? hours.lunchUntil : null };
}

/** The calendar to send (null: none). Services without any rule are left out: they issue all opening hours. */
export function calendarBody(draft: CalendarDraft): OperatingCalendar | null {
  if (!draft.enabled) return null;
  return {
    weekdays: draft.weekdays.map(hoursOf),
    specialDays: draft.specialDays.map((d) => ({ date: d.date, hours: hoursOf(d), note: d.note.trim() })),
    services: draft.services
      .filter((s) => s.issueFrom || s.cutOffMinutes || s.dailyQuota)
      .map((s) => ({
        serviceId: s.serviceId,
        issueFrom: s.issueFrom || null,
        cutOffMinutes: s.cutOffMinutes ? Number(s.cutOffMinutes) : null,
        dailyQuota: s.dailyQuota ? Number(s.dailyQuota) : null,
      })),
  };
}

/** The draft with one typed value set at its path (`weekdays.0.opensAt`, `specialDays.1.open`, `services.2.dailyQuota`). */
export function withValue(draft: CalendarDraft, path: string, value: string | boolean): CalendarDraft {
  const [list, index, key] = path.split('.') as ['weekdays' | 'specialDays' | 'services', string, string];
  if (!key) return path === 'enabled' ? { ...draft, enabled: Boolean(value) } : draft;
  const items = [...(draft[list] as object[])];
  items[Number(index)] = { ...items[Number(index)], [key]: value };
  return { ...draft, [list]: items };
}
