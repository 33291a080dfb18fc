/**
 * The monthly report (定期報告) to the branch head. Its figures are the report-figures service's
 * (one set of definitions, docs/reports.md), read for the month and the month before; the busiest
 * hour's staffing is the Erlang C calculator's; only the manager's own words are stored: a draft
 * (prefilled from the month's diary notes until one is saved), then submitted and read-only.
 * Managers and admins of the branch only; reading the month's complaints leaves an audit row.
 */
import type { FiguresReport, QueueFigures, RecordFiguresReport } from '../../../protocol/report-routes.js';
import type {
  MonthGlance,
  MonthlyReport,
  MonthlyReportList,
  MonthlyReportSummary,
  MonthlyReportText,
} from '../../../protocol/monthly-report-routes.js';
import { assertSeesPersonalData, type Actor } from '../domain/actor.js';
import { businessDay } from '../domain/business-day.js';
import { staffing } from '../domain/erlang-c.js';
import { addDays } from '../domain/service-time.js';
import { dayStartsAt } from '../domain/zone-offsets.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../lib/ids.js';
import { findBranch } from '../repositories/branch-repository.js';
import { inTransaction } from '../repositories/db.js';
import { diaryRepository, type StoredDiaryEntry } from '../repositories/diary-repository.js';
import { toBranch } from '../repositories/mappers.js';
import { monthlyReportRepository as reports, type StoredMonthlyReport } from '../repositories/monthly-report-repository.js';
import { createReportFiguresService } from './report-figures-service.js';
import type { RecordDeps } from './records/record-deps.js';

/** The share of customers the suggested counters call within the target wait. */
export const STAFFING_SERVICE_LEVEL = 0.8;
/** The target wait when the branch has no services to take one from. */
const DEFAULT_TARGET_SECONDS = 600;

/** The month before `month` (YYYY-MM). */
export function previousMonthOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The first and last calendar day of `month`. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** One month's headline figures from its queue figures and records. */
function glance(figures: FiguresReport, records: RecordFiguresReport): MonthGlance {
  const total: QueueFigures = figures.total;
  return {
    from: figures.from,
    to: figures.to,
    issued: total.issued,
    served: total.served,
    meanWaitSeconds: total.wait.meanSeconds,
    p90WaitSeconds: total.wait.p90Seconds,
    serviceLevel: total.serviceLevel.share,
    noShows: total.noShows,
    diversions: total.divertedAtKiosk + total.divertedByManager,
    meanRating: total.ratings.meanScore,
    ratedShare: total.ratings.notRatedShare === null ? null : 1 - total.ratings.notRatedShare,
    complaintsReceived: records.complaints.received,
    complaintsRepliedInTime: records.complaints.repliedInTime,
  };
}

/** The diary's notes of the month, oldest day first, one line per entry that says something. */
function notes(entries: readonly StoredDiaryEntry[], field: 'conversations' | 'potentialCustomers' | 'problems'): string {
  return entries
    .filter((entry) => entry[field].trim() !== '')
    .map((entry) => `${entry.businessDay} ${entry[field].trim()}`)
    .join('\n');
}

const toSummary = (report: StoredMonthlyReport): MonthlyReportSummary => ({
  month: report.month,
  status: report.status,
  authorId: report.authorId,
  authorName: report.authorName,
  updatedAt: report.updatedAt,
  submittedAt: report.submittedAt,
});

export function createMonthlyReportService({ db, clock, audit }: RecordDeps) {
  const figures = createReportFiguresService({ db, clock });

  /** Checks who asks and which month: a month that has not begun is refused. */
  async function open(actor: Actor, branchId: string, month?: string) {
    assertSeesPersonalData(actor, branchId);
    const row = await findBranch(db, branchId);
    if (!row) throw notFound('branch', branchId);
    const branch = toBranch(row);
    const today = businessDay(clock.now(), branch.timeZone);
    if (month !== undefined && `${month}-01` > today) {
      throw new AppError('VALIDATION_FAILED', `params/month: ${month} has not begun (today is ${today})`);
    }
    return { actor, branch, today };
  }

  return {
    /** The branch's saved reports, newest month first. */
    async list(actor: Actor, branchId: string): Promise<MonthlyReportList> {
      await open(actor, branchId);
      return { reports: (await reports.list(db, branchId)).map(toSummary) };
    },

    /** The month's report: figures against the month before, busiest hours and days, records, and the text. */
    async report(actor: Actor, branchId: string, month: string): Promise<MonthlyReport> {
      const started = performance.now();
      const { actor: reader, branch, today } = await open(actor, branchId, month);
      const { first, last } = monthBounds(month);
      const to = last < today ? last : today;
      const previousMonth = previousMonthOf(month);
      const previous = monthBounds(previousMonth);
      const period = { from: first, to };
      const [byDay, byHour, records, previousFigures, previousRecords, target, saved] = await Promise.all([
        figures.figures(reader, branchId, { ...period, by: 'day' }),
        figures.figures(reader, branchId, { ...period, by: 'hour' }),
        figures.recordFigures(reader, branchId, period),
        figures.figures(reader, branchId, { from: previous.first, to: previous.last, by: 'day' }),
        figures.recordFigures(reader, branchId, { from: previous.first, to: previous.last }),
        reports.strictestTargetSeconds(db, branchId),
        reports.find(db, branchId, month),
      ]);
      const targetSeconds = target ?? DEFAULT_TARGET_SECONDS;
      const daysWithTickets = Math.max(1, byDay.rows.filter((row) => row.issued > 0).length);
      const busiestHours = byHour.rows
        .filter((row) => row.key !== null && row.issued > 0)
        .sort((a, b) => b.issued - a.issued || a.key!.localeCompare(b.key!))
        .slice(0, 3)
        .map((row) => {
          const arrivalsPerHour = row.issued / daysWithTickets;
          // The hour's median service time stands for the mean Erlang C needs (robust to a forgotten "done").
          const serviceSeconds = row.serviceTime.medianSeconds ?? byHour.total.serviceTime.medianSeconds;
          let suggestedCounters: number | null = null;
          if (serviceSeconds !== null && serviceSeconds > 0) {
            try {
              suggestedCounters = staffing({ arrivalsPerHour, meanServiceSeconds: serviceSeconds, targetSeconds, serviceLevel: STAFFING_SERVICE_LEVEL }).counters;
            } catch {
              suggestedCounters = null;
            }
          }
          return {
            hour: row.key!,
            issued: row.issued,
            arrivalsPerHour: Math.round(arrivalsPerHour * 10) / 10,
            meanWaitSeconds: row.wait.meanSeconds,
            serviceLevel: row.serviceLevel.share,
            suggestedCounters,
          };
        });
      const busiestDays = byDay.rows
        .filter((row) => row.key !== null && row.issued > 0)
        .sort((a, b) => b.issued - a.issued || a.key!.localeCompare(b.key!))
        .slice(0, 3)
        .map((row) => ({ day: row.key!, issued: row.issued, served: row.served, meanWaitSeconds: row.wait.meanSeconds, serviceLevel: row.serviceLevel.share }));

      const complaints = await reports.complaintsReceived(db, branchId, dayStartsAt(first, branch.timeZone), dayStartsAt(addDays(to, 1), branch.timeZone));
      if (complaints.length > 0) {
        await audit.write(db, reader, branchId, { action: 'read', recordType: 'complaint', fields: ['category', 'receivedAt', 'status', 'outcome'] });
      }

      let text: MonthlyReportText;
      if (saved) {
        text = { customerNeeds: saved.customerNeeds, opinions: saved.opinions, marketInfo: saved.marketInfo, proposals: saved.proposals };
      } else {
        const entries = (await diaryRepository.listBetween(db, branchId, first, last)).slice().reverse();
        if (entries.length > 0) {
          await audit.write(db, reader, branchId, { action: 'read', recordType: 'diary', fields: ['conversations', 'potentialCustomers', 'problems'] });
        }
        text = {
          customerNeeds: notes(entries, 'conversations'),
          opinions: notes(entries, 'problems'),
          marketInfo: notes(entries, 'potentialCustomers'),
          proposals: '',
        };
      }

      return {
        branchId,
        branchName: branch.name,
        month,
        previousMonth,
        status: saved?.status ?? 'none',
        authorName: saved?.authorName ?? null,
        updatedAt: saved?.updatedAt ?? null,
        submittedAt: saved?.submittedAt ?? null,
        current: glance(byDay, records),
        previous: glance(previousFigures, previousRecords),
        staffingTarget: { targetSeconds, serviceLevel: STAFFING_SERVICE_LEVEL },
        busiestHours,
        busiestDays,
        complaints,
        referrals: records.referrals,
        faults: records.faults,
        text,
        prefilled: !saved,
        computeMs: Math.round(performance.now() - started),
      };
    },

    /** Saves the month's text as a draft (creating it); RECORD_LOCKED once submitted. */
    async save(actor: Actor, branchId: string, month: string, text: MonthlyReportText): Promise<MonthlyReportSummary> {
      const { actor: writer } = await open(actor, branchId, month);
      const at = clock.now().toISOString();
      await inTransaction(db, async (trx) => {
        const existing = await reports.find(trx, branchId, month);
        if (!existing) {
          await reports.insert(trx, { id: newId(), branchId, month, authorId: writer.id, at, ...text });
          return;
        }
        if (existing.status !== 'draft' || !(await reports.updateDraft(trx, existing.id, text, writer.id, at))) {
          throw new AppError('RECORD_LOCKED', `the report of ${month} was submitted on ${existing.submittedAt}: it can no longer change`);
        }
      });
      return toSummary((await reports.find(db, branchId, month))!);
    },

    /** Submits the saved draft to the branch head; afterwards nobody may change it. */
    async submit(actor: Actor, branchId: string, month: string): Promise<MonthlyReportSummary> {
      await open(actor, branchId, month);
      const at = clock.now().toISOString();
      await inTransaction(db, async (trx) => {
        const existing = await reports.find(trx, branchId, month);
        if (!existing) throw new AppError('INVALID_TRANSITION', `there is no draft of ${month} to submit: save it first`);
        if (existing.status !== 'draft' || !(await reports.submit(trx, existing.id, at))) {
          throw new AppError('RECORD_LOCKED', `the report of ${month} was already submitted on ${existing.submittedAt}`);
        }
      });
      return toSummary((await reports.find(db, branchId, month))!);
    },
  };
}

export type MonthlyReportService = ReturnType<typeof createMonthlyReportService>;
