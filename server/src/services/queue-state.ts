/** Loads what the queue rules need for one branch, and turns it into the figures screens show. */
import type { BranchSettings, QueueSummary, Ticket } from '../../../protocol/schemas.js';
import type { WaitingTicket } from '../domain/call-order.js';
import { queueFigures, type QueueCounter, type QueueService } from '../domain/queue-position.js';
import { addDays, collectQueueTimeEvidence, learnQueueTimes, RECENT_DAYS, type QueueTimeEvidence } from '../domain/service-time.js';
import { findBranch, listServices } from '../repositories/branch-repository.js';
import { listCounters } from '../repositories/counter-repository.js';
import type { Db } from '../repositories/db.js';
import { finishedTickets, finishedTicketsFingerprint, latestBusinessDay, tieredCallsSince } from '../repositories/history-repository.js';
import { DEFAULT_SETTINGS, toService, toTicket } from '../repositories/mappers.js';
import { listActiveTickets } from '../repositories/ticket-repository.js';

export type QueueState = Awaited<ReturnType<typeof loadQueueState>>;

/**
 * Evidence per branch and period ("recent" days, "today"), kept between events: reading a week of
 * finished tickets on every change would cost more than the rest of the change. The fingerprint
 * (period, count, last end) tells when it must be read again: today's on each completion, the
 * recent days' once a day. Two entries per branch at most.
 */
const evidenceCache = new Map<string, { fingerprint: string; evidence: Map<string, QueueTimeEvidence> }>();

async function finishedEvidence(db: Db, branchId: string, period: 'recent' | 'today', fromDay: string, toDay: string) {
  const key = `${branchId}|${period}`;
  const fingerprint = await finishedTicketsFingerprint(db, branchId, fromDay, toDay, period === 'recent');
  const cached = evidenceCache.get(key);
  if (cached?.fingerprint === fingerprint) return cached.evidence;
  const evidence = collectQueueTimeEvidence(await finishedTickets(db, branchId, fromDay, toDay));
  evidenceCache.set(key, { fingerprint, evidence });
  return evidence;
}

/**
 * The branch's queue and everything its estimate needs. "Today" is the business day of the newest
 * ticket, so this needs no clock: the first ticket of a day starts a new day of learning.
 */
export async function loadQueueState(db: Db, branchId: string) {
  const [branchRow, serviceRows, counters, activeRows, today] = await Promise.all([
    findBranch(db, branchId),
    listServices(db, branchId),
    listCounters(db, branchId),
    listActiveTickets(db, branchId),
    latestBusinessDay(db, branchId),
  ]);
  const services = serviceRows.map(toService);
  const tickets = activeRows.map(toTicket);
  const waiting: WaitingTicket[] = tickets.filter((t) => t.status === 'waiting');
  const settings: BranchSettings = branchRow
    ? { ...DEFAULT_SETTINGS, ...(JSON.parse(branchRow.settings) as Partial<BranchSettings>) }
    : DEFAULT_SETTINGS;

  // The fairness rule only looks at calls made since the oldest waiting ticket became overdue.
  const oldestWaiting = waiting.reduce<string | null>((min, t) => (min === null || t.issuedAt < min ? t.issuedAt : min), null);
  const openIds = counters.filter((c) => c.status === 'open').map((c) => c.id);
  const none = new Map<string, QueueTimeEvidence>();
  const [recent, todays, tieredCalls] = await Promise.all([
    today ? finishedEvidence(db, branchId, 'recent', addDays(today, -RECENT_DAYS), addDays(today, -1)) : none,
    today ? finishedEvidence(db, branchId, 'today', today, today) : none,
    oldestWaiting ? tieredCallsSince(db, openIds, oldestWaiting) : Promise.resolve([]),
  ]);

  const learned = learnQueueTimes(
    services.map((s) => ({ id: s.id, configuredSeconds: s.defaultServiceSeconds })),
    recent,
    todays,
  );
  const queueServices: QueueService[] = services.map((s) => ({
    id: s.id,
    meanServiceSeconds: learned.services.get(s.id)!.meanSeconds,
    noShowShare: learned.services.get(s.id)!.noShowShare,
    targetWaitSeconds: s.targetWaitSeconds,
  }));

  const byId = new Map(tickets.map((t) => [t.id, t]));
  const queueCounters: QueueCounter[] = counters.map((c) => {
    const ticket = c.currentTicketId ? byId.get(c.currentTicketId) : undefined;
    const busy = ticket && (ticket.status === 'called' || ticket.status === 'serving');
    return {
      id: c.id,
      status: c.status,
      vip: c.vip,
      serviceIds: c.serviceIds,
      current: busy ? { serviceId: ticket.serviceId, startedAtMs: ticket.startedAt ? Date.parse(ticket.startedAt) : null } : null,
      tieredCallsAt: tieredCalls.filter((call) => call.counter_id === c.id).map((call) => call.at),
    };
  });
  return { services, counters, tickets, waiting, queueServices, queueCounters, settings, today, noShowSeconds: learned.noShowSeconds };
}

const figuresAt = (state: QueueState, now: Date) =>
  queueFigures(state.waiting, state.queueServices, state.queueCounters, { now, settings: state.settings, noShowSeconds: state.noShowSeconds });

/** Position and estimated wait of every waiting ticket at `now`, keyed by ticket id. */
export function estimateWaitingTickets(state: QueueState, now: Date) {
  return figuresAt(state, now).tickets;
}

/** Queue figures per service and each waiting ticket with its position and estimate. */
export function describeQueues(state: QueueState, now: Date): { queues: QueueSummary[]; tickets: Ticket[] } {
  const figures = figuresAt(state, now);
  return {
    queues: figures.queues,
    tickets: state.tickets.map((t) => ({ ...t, ...figures.tickets.get(t.id) })),
  };
}
