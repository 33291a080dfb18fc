/**
 * The branch's operating calendar (營業日曆): opening hours per weekday with a lunch closure,
 * special days (closed, or other hours, with a note), and per service an issuing window, a
 * cut-off before closing (取號截止) and a daily quota (限號). Times are the branch's wall-clock
 * times (HH:MM, in its time zone); the branch's `holidays` close it too. A branch without a
 * calendar issues tickets at any hour and is served whenever a counter is open.
 * Admins and managers read and replace it at `/api/branches/:branchId/admin/calendar`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './schema-kit.js';

/** A date in branch time (schemas.ts imports this file, so it cannot import IsoDate back). */
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/** A wall-clock time in the branch, 24-hour HH:MM. */
export const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, branch time' });
export type ClockTime = Static<typeof ClockTime>;

export const CALENDAR_LIMITS = {
  noteLength: 120,
  specialDays: 366,
  /** Minutes before closing at which a service stops issuing (取號截止). */
  cutOffMinutes: { min: 0, max: 600 },
  /** Tickets a service may issue per day (限號); ticket numbers stop at 999 anyway. */
  dailyQuota: { min: 1, max: 999 },
} as const;

const strict = { additionalProperties: false } as const;

/** One day's hours: counters serve from `opensAt` to `closesAt`, except at lunch (both null: no lunch closure). */
export const DayHours = Type.Object(
  {
    opensAt: ClockTime,
    closesAt: ClockTime,
    lunchFrom: Nullable(ClockTime),
    lunchUntil: Nullable(ClockTime),
  },
  strict,
);
export type DayHours = Static<typeof DayHours>;

/** A date with other hours than its weekday's: `hours` null closes the branch that day; a special day wins over `holidays`. */
export const SpecialDay = Type.Object(
  {
    date: IsoDate,
    hours: Nullable(DayHours),
    note: Type.String({ maxLength: CALENDAR_LIMITS.noteLength, description: 'Why, for staff: "Typhoon signal 8", "Saturday opening"' }),
  },
  strict,
);
export type SpecialDay = Static<typeof SpecialDay>;

/** When one service takes tickets. */
export const ServiceCalendar = Type.Object(
  {
    serviceId: Id,
    issueFrom: Nullable(ClockTime),
    cutOffMinutes: Nullable(
      Type.Integer({
        minimum: CALENDAR_LIMITS.cutOffMinutes.min,
        maximum: CALENDAR_LIMITS.cutOffMinutes.max,
        description: 'Tickets stop this many minutes before closing (取號截止); null: at closing',
      }),
    ),
    dailyQuota: Nullable(
      Type.Integer({ minimum: CALENDAR_LIMITS.dailyQuota.min, maximum: CALENDAR_LIMITS.dailyQuota.max, description: 'Tickets a day (限號); null: no quota' }),
    ),
  },
  { ...strict, description: 'issueFrom: the first ticket of the day (may be before opening: those customers are served from opening); null: at opening' },
);
export type ServiceCalendar = Static<typeof ServiceCalendar>;

export const OperatingCalendar = Type.Object(
  {
    weekdays: Type.Array(Nullable(DayHours), { minItems: 7, maxItems: 7, description: 'Monday first; null: closed that weekday' }),
    specialDays: Type.Array(SpecialDay, { maxItems: CALENDAR_LIMITS.specialDays }),
    services: Type.Array(ServiceCalendar, { maxItems: 26, description: 'Services not listed issue for the whole opening hours, without quota' }),
  },
  strict,
);
export type OperatingCalendar = Static<typeof OperatingCalendar>;

/** The admin's read and write of the calendar: null is "no calendar" (always issuing, as before calendars). */
export const CalendarBody = Type.Object({ calendar: Nullable(OperatingCalendar) }, strict);
export type CalendarBody = Static<typeof CalendarBody>;

export const CALENDAR_ROUTE = '/api/branches/:branchId/admin/calendar' as const;
