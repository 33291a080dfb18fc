/**
 * A branch's live state as the server holds it between changes: the configuration the queue rules
 * read, every active ticket, and what the estimator has learned. Loaded once, then kept current by
 * applying each accepted change (`evolve`), so a button press reads nothing from the database.
 */
import { isActive, isAtCounter } from '../../../protocol/actions.js';
import type { Branch, Counter, Machine, RecentCall, Service, ThrottleAlert, Ticket } from '../../../protocol/schemas.js';
import { RECENT_CALLS_KEPT } from '../../../protocol/messages.js';
import { callsAfterChange } from '../../../protocol/recent-calls.js';
import type { QueueCounter, QueueService } from './queue-position.js';
import { collectQueueTimeEvidence, learnQueueTimes, type FinishedTicket, type LearnedQueueTimes, type QueueTimeEvidence } from './service-time.js';

/** A ticket as the server keeps it: what screens see, and what only the server may know. */
export interface TicketRecord extends Omit<Ticket, 'position' | 'estimatedWaitSeconds'> {
  businessDay: string;
  /** HMAC of the card or customer number given at the kiosk (never the number): never sent to a screen. */
  customerRef: string | null;
  /** The customer resource sheet's customer the number matched: never sent to a screen either. */
  customerId: string | null;
  issuedBy: string | null;
  /** The kiosk that issued it (its device token's id); null when staff did. */
  issuedByDevice: string | null;
  /** The wait promised when the ticket was issued. */
  issueEstimateSeconds: number | null;
}


/** What the estimator has learned: evidence of recent days and of "today" (the newest ticket's business day). */
export interface Learning {
  today: string | null;
  recent: ReadonlyMap<string, QueueTimeEvidence>;
  todays: Map<string, QueueTimeEvidence>;
  times: LearnedQueueTimes;
}

export interface BranchState {
  /** The branch's event sequence number this state reflects: the concurrency token of every change. */
  seq: number;
  branch: Branch;
  /** Active services, in display order. */
  services: Map<string, Service>;
  /** Counters, by number. */
  counters: Map<string, Counter>;
  machines: Machine[];
  /** Waiting, called and serving tickets of the branch, in arrival order of issue. */
  tickets: Map<string, TicketRecord>;
  /** The last number given per service prefix, and on which business day. */
  lastNumbers: Map<string, { day: string; value: number }>;
  learning: Learning;
  /** When each counter called a priority or VIP ticket (ISO), since the oldest active ticket arrived: the fairness rule. */
  tieredCalls: Map<string, string[]>;
  /** The latest calls and recalls, newest first. */
  recentCalls: RecentCall[];
  /** The latest throttle alert of each kiosk refused for issuing too fast, by device id. */
  throttleAlerts: Map<string, ThrottleAlert>;
  /**
   * The latest business day's no-shows by id: the staff's list to re-queue a late customer from
   * (過號重排). Loaded with the state; a state built by hand (a pure test) may go without.
   */
  noShows?: Map<string, TicketRecord>;
}

/** One row the change writes: a ticket inserted or updated, a counter updated, a number used; or a throttle alert, kept by its event. */
export type Change =
  | { kind: 'ticket'; ticket: TicketRecord; inserted: boolean }
  | { kind: 'counter'; counter: Counter }
  | { kind: 'number'; prefix: string; day: string; value: number }
  | { kind: 'throttle_alert'; alert: ThrottleAlert }
  /** A registered customer took a ticket: their last visit on the resource sheet. */
  | { kind: 'customer_visit'; customerId: string; at: string };

/** The learned times from evidence, for the services the branch has. */
export function learnTimes(services: Iterable<Service>, recent: ReadonlyMap<string, QueueTimeEvidence>, todays: ReadonlyMap<string, QueueTimeEvidence>) {
  return learnQueueTimes(
    [...services].map((s) => ({ id: s.id, configuredSeconds: s.defaultServiceSeconds })),
    recent,
    todays,
  );
}

/** The ticket that left a counter, as evidence of how long things take; null when it is not evidence. */
function asFinished(ticket: TicketRecord): FinishedTicket | null {
  if ((ticket.status !== 'done' && ticket.status !== 'no_show') || !ticket.endedAt) return null;
  return { serviceId: ticket.serviceId, businessDay: ticket.businessDay, status: ticket.status, calledAt: ticket.calledAt, startedAt: ticket.startedAt, endedAt: ticket.endedAt };
}

/**
 * Applies one accepted change to the held state. Mutates `state`: the engine applies changes only
 * to the state it owns, one change at a time, and reloads from the database if a write fails.
 */
export function evolve(state: BranchState, change: Change): void {
  switch (change.kind) {
    case 'ticket': {
      const { ticket } = change;
      const before = state.tickets.get(ticket.id);
      if (isActive(ticket.status)) state.tickets.set(ticket.id, ticket);
      else state.tickets.delete(ticket.id);
      if (ticket.status === 'no_show') state.noShows?.set(ticket.id, ticket);
      else state.noShows?.delete(ticket.id);
      // A call (straight into serving when the branch implies the start) or a recall. A ticket
      // coming back from a no-show (undone) has no `before`: that is not a new call.
      if (before && ticket.counterId && isAtCounter(ticket.status)) {
        if (before.status === 'waiting') recordCall(state, ticket, false);
        else if (ticket.callCount > before.callCount) recordCall(state, ticket, true);
      }
      state.recentCalls = callsAfterChange(state.recentCalls, ticket);
      const finished = asFinished(ticket);
      if (finished && finished.businessDay === state.learning.today) learnFrom(state, finished);
      if (state.learning.today === null || ticket.businessDay > state.learning.today) {
        startLearningDay(state, ticket.businessDay);
        for (const [id, noShow] of state.noShows ?? []) if (noShow.businessDay < ticket.businessDay) state.noShows!.delete(id);
      }
      return;
    }
    case 'counter':
      state.counters.set(change.counter.id, change.counter);
      return;
    case 'number':
      state.lastNumbers.set(change.prefix, { day: change.day, value: change.value });
      return;
    case 'throttle_alert':
      state.throttleAlerts.set(change.alert.deviceId, change.alert);
      return;
    case 'customer_visit': // the resource sheet is not held state
      return;
  }
}

function recordCall(state: BranchState, ticket: TicketRecord, recall: boolean): void {
  const counterId = ticket.counterId!;
  const at = ticket.calledAt!;
  state.recentCalls = [
    {
      ticketId: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      counterId,
      counterNumber: state.counters.get(counterId)?.number ?? 0,
      at,
      recall,
    },
    ...state.recentCalls,
  ].slice(0, RECENT_CALLS_KEPT);
  if (recall || ticket.tier === 'regular') return;
  // Calls older than every active ticket can no longer matter to the fairness rule.
  let oldest = at;
  for (const t of state.tickets.values()) if (t.issuedAt < oldest) oldest = t.issuedAt;
  const calls = (state.tieredCalls.get(counterId) ?? []).filter((c) => c >= oldest);
  calls.push(at);
  state.tieredCalls.set(counterId, calls);
}

function learnFrom(state: BranchState, finished: FinishedTicket): void {
  const { learning } = state;
  for (const [serviceId, evidence] of collectQueueTimeEvidence([finished])) {
    const known = learning.todays.get(serviceId);
    if (!known) learning.todays.set(serviceId, evidence);
    else {
      known.serviceSeconds.push(...evidence.serviceSeconds);
      known.noShowSeconds.push(...evidence.noShowSeconds);
      known.noShows += evidence.noShows;
    }
  }
  learning.times = learnTimes(state.services.values(), learning.recent, learning.todays);
}

/**
 * The first ticket of a new business day: today's evidence becomes part of the past. The recent
 * days' evidence is read again at the next load (the engine reloads once a day); until then the
 * previous day's figures stand in for them.
 */
function startLearningDay(state: BranchState, day: string): void {
  const { learning } = state;
  const recent = new Map(learning.recent);
  for (const [serviceId, evidence] of learning.todays) {
    const known = recent.get(serviceId);
    recent.set(serviceId, known ? {
      serviceSeconds: [...known.serviceSeconds, ...evidence.serviceSeconds],
      noShowSeconds: [...known.noShowSeconds, ...evidence.noShowSeconds],
      noShows: known.noShows + evidence.noShows,
    } : evidence);
  }
  state.learning = { today: day, recent, todays: new Map(), times: learnTimes(state.services.values(), recent, new Map()) };
}

/** The ticket as screens see it: without personal data. */
export function toWireTicket(ticket: TicketRecord, figures?: { position: number; estimatedWaitSeconds: number }): Ticket {
  const { businessDay: _day, customerRef: _ref, customerId: _customer, issuedBy: _by, issuedByDevice: _device, issueEstimateSeconds: _promise, ...wire } = ticket;
  return figures ? { ...wire, ...figures } : wire;
}

/** The tickets waiting for a call (the call rules order them by their place, `queuedAt ?? issuedAt`). */
export function waitingTickets(state: BranchState): TicketRecord[] {
  const waiting: TicketRecord[] = [];
  for (const t of state.tickets.values()) if (t.status === 'waiting') waiting.push(t);
  return waiting;
}

/** The services as the estimator sees them: learned times and targets. */
export function queueServices(state: BranchState): QueueService[] {
  return [...state.services.values()].map((s) => {
    const learned = state.learning.times.services.get(s.id);
    return {
      id: s.id,
      meanServiceSeconds: learned?.meanSeconds ?? s.defaultServiceSeconds,
      noShowShare: learned?.noShowShare ?? 0,
      targetWaitSeconds: s.targetWaitSeconds,
    };
  });
}

/** The counters as the estimator and the call rule see them: who they serve, who is at them, their tiered calls. */
export function queueCounters(state: BranchState): QueueCounter[] {
  return [...state.counters.values()].map((c) => {
    const ticket = c.currentTicketId ? state.tickets.get(c.currentTicketId) : undefined;
    const busy = ticket && isAtCounter(ticket.status);
    return {
      id: c.id,
      status: c.status,
      vip: c.vip,
      serviceIds: c.serviceIds,
      current: busy ? { serviceId: ticket.serviceId, startedAtMs: ticket.startedAt ? Date.parse(ticket.startedAt) : null } : null,
      tieredCallsAt: state.tieredCalls.get(c.id) ?? [],
    };
  });
}
