/**
 * The branch's queue figures from its held state: the one place the estimator, the calendar and
 * the counters are put together. The branch engine's snapshots and events (hence the kiosk, the
 * phone page, the wall display and triage) and the what-if's "ticket taken now" all read it, so
 * they cannot disagree. Pure.
 */
import type { QueueSummary } from '../../../protocol/schemas.js';
import { queueCounters, queueServices, waitingTickets, type BranchState } from './branch-state.js';
import { businessDay } from './business-day.js';
import type { WaitingTicket } from './call-order.js';
import { withOpenings } from './queue-opening.js';
import { queueFigures, type QueueCounter } from './queue-position.js';
import { calendarOf, issuedTodayFrom, nextCalendarChange, serviceIssuing } from './service-opening.js';

export interface BranchFigures {
  queues: QueueSummary[];
  /** Position and estimate of every waiting ticket, by id. */
  tickets: Map<string, { position: number; estimatedWaitSeconds: number }>;
  /** The calendar's next change, epoch ms: the figures hold until then (null: no calendar). */
  validUntilMs: number | null;
}

/** What a what-if changes in the hall before the figures are read: the counters, the waiting tickets. */
export interface HallChange {
  counters?: (counters: QueueCounter[]) => QueueCounter[];
  waiting?: (waiting: WaitingTicket[]) => WaitingTicket[];
}

/**
 * Every waiting ticket's position and estimate and each service's summary at `now`: before
 * opening and at lunch the counters count from the next start of service; each summary says
 * whether and when its service opens.
 */
export function branchFigures(state: BranchState, now: Date, change: HallChange = {}): BranchFigures {
  const nowMs = now.getTime();
  const calendar = calendarOf(state.branch);
  const today = businessDay(now, state.branch.timeZone);
  const services = [...state.services.values()];
  const issuing = new Map(services.map((s) => [s.id, serviceIssuing(calendar, s.id, nowMs, issuedTodayFrom(state.lastNumbers.get(s.prefix), today))]));
  // The branch's own hours: a service id of none reads the day without any service's window.
  const branchDay = serviceIssuing(calendar, '', nowMs, 0);
  const counters = change.counters ? change.counters(queueCounters(state)) : queueCounters(state);
  const waiting = change.waiting ? change.waiting(waitingTickets(state)) : waitingTickets(state);
  const figures = queueFigures(waiting, queueServices(state), counters, {
    now,
    settings: state.branch.settings,
    noShowSeconds: state.learning.times.noShowSeconds,
    plannedOpeningMs: branchDay.servingNow ? null : branchDay.servingFromMs,
  });
  const queues = withOpenings(figures.queues, {
    nowMs,
    issuing,
    selfServiceKind: new Map(services.map((s) => [s.id, s.selfServiceKind])),
    machinesInService: new Set(state.machines.filter((m) => m.inService).map((m) => m.kind)),
    settings: state.branch.settings,
  });
  return { queues, tickets: figures.tickets, validUntilMs: nextCalendarChange(calendar, nowMs) };
}
