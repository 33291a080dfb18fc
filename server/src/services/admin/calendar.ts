/**
 * The branch's operating calendar (protocol/calendar-schemas.ts), kept in the branch's settings so
 * it is loaded with the branch: admins and managers read it and replace it whole. A replace emits
 * `branch.configured` (so it is in the audit log and every screen resyncs); the kiosks then follow
 * the new hours at once.
 */
import type { CalendarBody, DayHours, OperatingCalendar } from '../../../../protocol/calendar-schemas.js';
import type { Actor } from '../../domain/actor.js';
import { minutesOf } from '../../domain/operating-calendar.js';
import { isCalendarDay } from '../../domain/audit-period.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { serviceRepository } from '../../repositories/service-repository.js';
import { branchAdmin, invalid, type AdminDeps } from './access.js';

/** Checks one day's hours: opening before closing, lunch inside them; throws a 400 naming the field. */
function checkHours(field: string, hours: DayHours | null): void {
  if (!hours) return;
  const opens = minutesOf(hours.opensAt);
  const closes = minutesOf(hours.closesAt);
  if (closes <= opens) throw invalid(`${field}/closesAt`, `closing (${hours.closesAt}) must come after opening (${hours.opensAt}) on the same day`);
  if ((hours.lunchFrom === null) !== (hours.lunchUntil === null)) {
    throw invalid(`${field}/${hours.lunchFrom === null ? 'lunchFrom' : 'lunchUntil'}`, 'give both ends of the lunch closure, or neither');
  }
  if (hours.lunchFrom !== null && hours.lunchUntil !== null) {
    const from = minutesOf(hours.lunchFrom);
    const until = minutesOf(hours.lunchUntil);
    if (from < opens || from >= closes) throw invalid(`${field}/lunchFrom`, `lunch (${hours.lunchFrom}) must start within opening hours (${hours.opensAt}–${hours.closesAt})`);
    if (until <= from || until > closes) throw invalid(`${field}/lunchUntil`, `lunch must end (${hours.lunchUntil}) after it starts (${hours.lunchFrom}) and by closing (${hours.closesAt})`);
  }
}

/** Checks what the schema cannot: times in order, real dates once each, known services once each. Sorts special days by date. */
export function checkCalendar(calendar: OperatingCalendar, serviceIds: ReadonlySet<string>): OperatingCalendar {
  calendar.weekdays.forEach((hours, i) => checkHours(`calendar/weekdays/${i}`, hours));
  const dates = new Set<string>();
  calendar.specialDays.forEach((day, i) => {
    if (!isCalendarDay(day.date)) throw invalid(`calendar/specialDays/${i}/date`, `${day.date} is not a date`);
    if (dates.has(day.date)) throw invalid(`calendar/specialDays/${i}/date`, `${day.date} is listed twice`);
    dates.add(day.date);
    checkHours(`calendar/specialDays/${i}/hours`, day.hours);
  });
  const seen = new Set<string>();
  calendar.services.forEach((service, i) => {
    if (!serviceIds.has(service.serviceId)) throw invalid(`calendar/services/${i}/serviceId`, `${service.serviceId} is not a service of this branch`);
    if (seen.has(service.serviceId)) throw invalid(`calendar/services/${i}/serviceId`, `${service.serviceId} is listed twice`);
    seen.add(service.serviceId);
  });
  return {
    weekdays: calendar.weekdays,
    specialDays: [...calendar.specialDays].map((d) => ({ ...d, note: d.note.trim() })).sort((a, b) => a.date.localeCompare(b.date)),
    services: calendar.services,
  };
}

export function createCalendarAdmin({ db, runInBranch }: AdminDeps) {
  return {
    /** The branch's calendar; null when it has none (tickets at any hour). */
    async get(actor: Actor, branchId: string): Promise<CalendarBody> {
      await branchAdmin(db, actor, branchId);
      const branch = (await branchRepository.findById(db, branchId))!;
      return { calendar: branch.settings.calendar ?? null };
    },

    /** Replaces the calendar (null removes it); 400 naming the field when it does not hold together. */
    async replace(actor: Actor, branchId: string, body: CalendarBody): Promise<CalendarBody> {
      const staff = await branchAdmin(db, actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const services = await serviceRepository.listAll(trx, branchId);
        const calendar = body.calendar && checkCalendar(body.calendar, new Set(services.map((s) => s.id)));
        const current = (await branchRepository.findById(trx, branchId))!;
        const { calendar: _old, ...rest } = current.settings;
        await branchRepository.update(trx, branchId, { settings: calendar ? { ...rest, calendar } : rest });
        emit({ type: 'branch.configured' });
        return { calendar };
      });
      return result;
    },
  };
}
