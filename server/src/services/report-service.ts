/**
 * Management reports from the ticket history: how good the promised waits were, and when
 * customers come (the staffing page plans counters from it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ArrivalsReport, EstimateAccuracyReport, ReportQuery } from '../../../protocol/forecast-schemas.js';
import { countArrivalsByHour } from '../domain/arrival-hours.js';
import { businessDay } from '../domain/business-day.js';
import { addDays, learnServiceTime } from '../domain/service-time.js';
import { measureEstimateAccuracy } from '../domain/wait-estimate.js';
import { AppError, notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { findBranch, listServices } from '../repositories/branch-repository.js';
import { finishedTickets, issuedTickets } from '../repositories/history-repository.js';
import { toBranch } from '../repositories/mappers.js';
import { assertStaff, type Actor } from '../domain/actor.js';

/** Longest period one report covers. */
export const MAX_REPORT_DAYS = 366;
/** Period when the caller names none: the last four weeks up to today. */
export const DEFAULT_REPORT_DAYS = 28;

const isCalendarDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;

export function createReportService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /** Checks access and the period; fills in the default period in the branch's calendar. */
  async function open(actor: Actor, branchId: string, period: ReportQuery) {
    assertStaff(actor, branchId, ['admin', 'manager']);
    const row = await findBranch(db, branchId);
    if (!row) throw notFound('branch', branchId);
    const branch = toBranch(row);
    const to = period.to ?? businessDay(clock.now(), branch.timeZone);
    const from = period.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
    for (const [name, day] of [['from', from], ['to', to]] as const) {
      if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `querystring/${name}: ${day} is not a calendar day (YYYY-MM-DD)`);
    }
    if (from > to) throw new AppError('VALIDATION_FAILED', `querystring/from: ${from} is after ${to}`);
    if (addDays(from, MAX_REPORT_DAYS - 1) < to) {
      throw new AppError('VALIDATION_FAILED', `querystring: a report covers at most ${MAX_REPORT_DAYS} days`);
    }
    return { branch, from, to, services: await listServices(db, branchId) };
  }

  return {
    /** Promised wait at issue against the wait that followed, overall and per service. */
    async estimateAccuracy(actor: Actor, branchId: string, period: ReportQuery): Promise<EstimateAccuracyReport> {
      const { from, to, services } = await open(actor, branchId, period);
      const rows = await issuedTickets(db, branchId, from, to);
      // Customers who had gone when called, or cancelled, were not waiting to the end.
      const measured = rows
        .filter((r) => r.called_at !== null && r.issue_estimate_seconds !== null && r.status !== 'no_show' && r.status !== 'cancelled')
        .map((r) => ({
          serviceId: r.service_id,
          estimateSeconds: r.issue_estimate_seconds!,
          actualSeconds: (Date.parse(r.called_at!) - Date.parse(r.issued_at)) / 1000,
        }));
      const serviceIds = [...new Set([...services.map((s) => s.id), ...measured.map((m) => m.serviceId)])];
      return {
        from,
        to,
        overall: measureEstimateAccuracy(measured),
        services: serviceIds.map((serviceId) => ({ serviceId, ...measureEstimateAccuracy(measured.filter((m) => m.serviceId === serviceId)) })),
      };
    },

    /** Tickets issued per hour of the day per service, and each service's mean service time. */
    async arrivalsByHour(actor: Actor, branchId: string, period: ReportQuery): Promise<ArrivalsReport> {
      const { branch, from, to, services } = await open(actor, branchId, period);
      const [issued, finished] = await Promise.all([issuedTickets(db, branchId, from, to), finishedTickets(db, branchId, from, to)]);
      const { days, byService } = countArrivalsByHour(issued, branch.timeZone);
      const durations = new Map<string, number[]>();
      for (const t of finished) {
        if (t.status !== 'done' || !t.startedAt) continue;
        let seconds = durations.get(t.serviceId);
        if (!seconds) durations.set(t.serviceId, (seconds = []));
        seconds.push((Date.parse(t.endedAt) - Date.parse(t.startedAt)) / 1000);
      }
      return {
        from,
        to,
        timeZone: branch.timeZone,
        days,
        services: services.map((s) => {
          const ticketsByHour = byService.get(s.id) ?? Array<number>(24).fill(0);
          const served = durations.get(s.id) ?? [];
          return {
            serviceId: s.id,
            tickets: ticketsByHour.reduce((sum, n) => sum + n, 0),
            ticketsByHour,
            arrivalsPerHour: ticketsByHour.map((n) => (days ? n / days : 0)),
            meanServiceSeconds: learnServiceTime({ configuredSeconds: s.default_service_seconds, recentSeconds: served, todaySeconds: [] }).meanSeconds,
            completedTickets: served.length,
          };
        }),
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
