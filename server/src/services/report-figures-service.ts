/**
 * The branch head's figures (docs/reports.md): one service, one set of definitions, for the
 * Reports page, its CSV downloads and the monthly report. The database computes every figure
 * (repositories/report-figures-repository.ts); this service checks who asks and for which period,
 * and shapes the groups into the reply.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { COMPLAINT_CATEGORIES, REFERRAL_STATUSES } from '../../../protocol/record-kinds.js';
import { PAUSE_REASONS } from '../../../protocol/schemas.js';
import type {
  FiguresBreakdown,
  FiguresQuery,
  FiguresReport,
  FiguresRow,
  QueueFigures,
  RecordFiguresQuery,
  RecordFiguresReport,
} from '../../../protocol/report-routes.js';
import { assertStaff, type Actor } from '../domain/actor.js';
import { businessDay } from '../domain/business-day.js';
import { isCalendarDay } from '../domain/diary-rules.js';
import { addDays } from '../domain/service-time.js';
import { dayStartsAt, dayWindows, offsetSpans } from '../domain/zone-offsets.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { findBranch } from '../repositories/branch-repository.js';
import { reportFiguresRepository as figuresRepository, type FiguresPeriod, type QueueFigureRow } from '../repositories/report-figures-repository.js';
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS } from './report-service.js';

/** A count, sum or mean as the database returned it (PostgreSQL gives bigints and numerics as text). */
const count = (value: number | string | null | undefined): number => Number(value ?? 0);
const measure = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));
const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** A group's figures from its row (none: nothing happened) and the kiosk's diversions in it. */
function toFigures(row: QueueFigureRow | undefined, divertedAtKiosk: number): QueueFigures {
  const issued = count(row?.issued);
  const served = count(row?.served);
  const called = count(row?.called);
  const rated = count(row?.rated);
  const priority = count(row?.priority);
  const vip = count(row?.vip);
  const satisfied = count(row?.satisfied);
  const withinTarget = count(row?.within_target);
  return {
    issued,
    served,
    noShows: count(row?.no_shows),
    cancelled: count(row?.cancelled),
    stillOpen: count(row?.still_open),
    divertedAtKiosk,
    divertedByManager: count(row?.diverted),
    transferred: count(row?.transferred),
    wait: {
      called,
      meanSeconds: measure(row?.mean_wait),
      medianSeconds: measure(row?.median_wait),
      p90Seconds: measure(row?.p90_wait),
      maxSeconds: measure(row?.max_wait),
    },
    serviceTime: { timed: count(row?.timed), medianSeconds: measure(row?.median_service), p90Seconds: measure(row?.p90_service) },
    serviceLevel: { called, withinTarget, share: share(withinTarget, called) },
    priority: { tickets: priority, share: share(priority, issued), meanWaitSeconds: measure(row?.priority_mean_wait) },
    vip: { tickets: vip, share: share(vip, issued), meanWaitSeconds: measure(row?.vip_mean_wait) },
    ratings: {
      count: rated,
      satisfied,
      satisfiedShare: share(satisfied, rated),
      meanScore: measure(row?.mean_score),
      notRatedShare: share(count(row?.served_not_rated), served),
    },
  };
}

/** A group's key as the reply writes it: hours as 00–23, everything else as text. */
const keyOf = (by: FiguresBreakdown, key: string | number | null): string | null => {
  if (key === null) return null;
  return by === 'hour' ? String(Number(key)).padStart(2, '0') : String(key);
};

const sortKey = (row: FiguresRow) => row.label ?? row.key;

export function createReportFiguresService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /** The period (default: the last four weeks up to today) checked and placed in the branch's calendar. */
  async function openPeriod(branchId: string, query: { from?: string; to?: string }, withDays: boolean) {
    const branchRow = await findBranch(db, branchId);
    if (!branchRow) throw notFound('branch', branchId);
    const timeZone = branchRow.time_zone;
    const to = query.to ?? businessDay(clock.now(), timeZone);
    const from = query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
    for (const [name, day] of [['from', from], ['to', to]] as const) {
      if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `querystring/${name}: ${day} is not a calendar day (YYYY-MM-DD)`);
    }
    if (from > to) throw new AppError('VALIDATION_FAILED', `querystring/from: ${from} is after to (${to})`);
    if (addDays(from, MAX_REPORT_DAYS - 1) < to) {
      throw new AppError('VALIDATION_FAILED', `querystring/to: a report covers at most ${MAX_REPORT_DAYS} days (${from} to ${to} is more)`);
    }
    const startsAt = dayStartsAt(from, timeZone);
    const endsAt = dayStartsAt(addDays(to, 1), timeZone);
    const period: FiguresPeriod = {
      branchId,
      from,
      to,
      startsAt,
      endsAt,
      spans: offsetSpans(startsAt, endsAt, timeZone),
      days: withDays ? dayWindows(from, to, timeZone) : [],
    };
    return { period, timeZone };
  }

  return {
    /**
     * The queue's figures for the period, overall and by `by`. Managers and admins read the branch
     * (or one teller, with tellerId); a teller reads the tickets they called, and no one else's.
     */
    async figures(actor: Actor, branchId: string, query: FiguresQuery): Promise<FiguresReport> {
      assertStaff(actor, branchId, ['admin', 'manager', 'teller']);
      let tellerId = query.tellerId ?? null;
      if (actor.role === 'teller') {
        if (tellerId !== null && tellerId !== actor.id) throw forbidden('a teller sees only their own figures');
        tellerId = actor.id;
      }
      const by = query.by ?? 'day';
      const { period, timeZone } = await openPeriod(branchId, query, by === 'day');
      // A teller's tickets: the kiosk's diversions happened before any ticket, so none are theirs.
      const noDiversions = async () => [];
      const [totals, groups, kioskTotal, kioskGroups] = await Promise.all([
        figuresRepository.queueFigures(db, period, null, tellerId),
        figuresRepository.queueFigures(db, period, by, tellerId),
        tellerId === null ? figuresRepository.kioskDiversions(db, period, null) : noDiversions(),
        tellerId === null ? figuresRepository.kioskDiversions(db, period, by) : noDiversions(),
      ]);
      const byKey = new Map(groups.map((row) => [keyOf(by, row.key), row]));
      const divertedByKey = new Map(kioskGroups.map((row) => [keyOf(by, row.key), count(row.diverted)]));
      const keys = [...new Set([...byKey.keys(), ...divertedByKey.keys()])];
      const labels = await figuresRepository.labels(db, branchId, by, keys.filter((k): k is string => k !== null));
      const labelOf = (key: string | null) => {
        if (key === null) return null;
        if (by === 'day') return key;
        if (by === 'hour') return `${key}:00`;
        return labels.get(key) ?? key;
      };
      const rows: FiguresRow[] = keys
        .map((key) => ({ key, label: labelOf(key), ...toFigures(byKey.get(key), divertedByKey.get(key) ?? 0) }))
        .filter((row) => row.issued > 0 || row.divertedAtKiosk > 0)
        // Tickets with no counter or teller come last; counters sort by number, not as text.
        .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : sortKey(a)!.localeCompare(sortKey(b)!, 'en', { numeric: true })));
      return {
        from: period.from,
        to: period.to,
        timeZone,
        by,
        tellerId,
        total: toFigures(totals[0], kioskTotal.reduce((sum, row) => sum + count(row.diverted), 0)),
        rows,
      };
    },

    /** The period's complaints by category and reply, referrals by outcome, and equipment faults (managers and admins). */
    async recordFigures(actor: Actor, branchId: string, query: RecordFiguresQuery): Promise<RecordFiguresReport> {
      assertStaff(actor, branchId, ['admin', 'manager']);
      const { period, timeZone } = await openPeriod(branchId, query, false);
      const now = clock.now().toISOString();
      const [complaints, referrals, faults, pauses] = await Promise.all([
        figuresRepository.complaintsByCategory(db, period, now),
        figuresRepository.referralsByStatus(db, period),
        figuresRepository.faults(db, period),
        figuresRepository.pausesByReason(db, period, now),
      ]);
      const byReason = PAUSE_REASONS.map((reason) => {
        const row = pauses.find((p) => p.reason === reason);
        return { reason, pauses: count(row?.pauses), seconds: Math.round(count(row?.seconds)) };
      });
      const byCategory = COMPLAINT_CATEGORIES.map((category) => {
        const row = complaints.find((c) => c.category === category);
        return {
          category,
          received: count(row?.received),
          repliedInTime: count(row?.replied_in_time),
          repliedLate: count(row?.replied_late),
          awaitingReply: count(row?.awaiting_reply),
          overdue: count(row?.overdue),
        };
      });
      const total = (field: Exclude<keyof (typeof byCategory)[number], 'category'>) => byCategory.reduce((sum, c) => sum + c[field], 0);
      const byOutcome = REFERRAL_STATUSES.map((status) => ({ status, referrals: count(referrals.find((r) => r.status === status)?.referrals) }));
      return {
        from: period.from,
        to: period.to,
        timeZone,
        complaints: {
          received: total('received'),
          repliedInTime: total('repliedInTime'),
          repliedLate: total('repliedLate'),
          awaitingReply: total('awaitingReply'),
          overdue: total('overdue'),
          byCategory,
        },
        referrals: { made: byOutcome.reduce((sum, r) => sum + r.referrals, 0), byOutcome },
        faults,
        pauses: { pauses: byReason.reduce((sum, r) => sum + r.pauses, 0), seconds: byReason.reduce((sum, r) => sum + r.seconds, 0), byReason },
      };
    },
  };
}

export type ReportFiguresService = ReturnType<typeof createReportFiguresService>;
