/**
 * People ahead of a waiting ticket, and the queue figures each screen shows.
 * Pure; the wait estimate itself lives in wait-estimate.ts.
 */
import type { BranchSettings, QueueSummary, Tier } from '../../../protocol/schemas.js';
import { byTierThenArrival, type WaitingTicket } from './call-order.js';
import { DEFAULT_NO_SHOW_SECONDS } from './service-time.js';
import { estimateNewTicket, estimateWaits, type CurrentCustomer, type EstimateCounter, type WaitEstimateInput } from './wait-estimate.js';

export interface QueueCounter {
  id?: string;
  status: 'open' | 'paused' | 'closed';
  vip: boolean;
  serviceIds: readonly string[];
  /** The customer at the counter and since when; when absent, `currentTicketId` only says it is busy. */
  current?: CurrentCustomer | null;
  currentTicketId?: string | null;
  statusChangedAt?: string;
  /** When this counter called priority or VIP tickets (ISO), for the fairness rule. */
  tieredCallsAt?: readonly string[];
}

export interface QueueService {
  id: string;
  /** Learned mean service time, seconds (service-time.ts). */
  meanServiceSeconds: number;
  targetWaitSeconds?: number;
  /** Share of called tickets whose customer has gone (service-time.ts). */
  noShowShare?: number;
}

/** What the estimate needs beyond the queue itself: the moment, and the branch's call settings. */
export interface QueueRules {
  now: Date;
  settings?: Pick<BranchSettings, 'regularCountersTakeVip' | 'maxCallsAheadOfOverdue'>;
  /** A counter's time on a customer who does not come, seconds. */
  noShowSeconds?: number;
  /**
   * When the branch's calendar has its counters serve next, while it has them not serving now
   * (before opening, at lunch), epoch ms: every counter not open counts from then (service-opening.ts).
   */
  plannedOpeningMs?: number | null;
}

const DEFAULT_CALL_SETTINGS: NonNullable<QueueRules['settings']> = { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 2 };

/**
 * Tickets of the same service that will be called before `ticket`. A VIP ticket goes to the VIP
 * lane when a VIP counter serving its service is open; then it neither waits behind nor is counted
 * ahead of the ordinary queue.
 */
export function peopleAhead(
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  vipLaneOpen: boolean,
): number {
  const lane = (tier: Tier) => (vipLaneOpen && tier === 'vip' ? 'vip' : 'counter');
  return waiting.filter(
    (other) =>
      other.id !== ticket.id &&
      other.serviceId === ticket.serviceId &&
      lane(other.tier) === lane(ticket.tier) &&
      byTierThenArrival(other, ticket) < 0,
  ).length;
}

/** `peopleAhead` for every waiting ticket at once: each lane sorted once, O(n log n) rather than O(n²). */
export function positionsInLanes(waiting: readonly WaitingTicket[], vipLaneOpen: (serviceId: string) => boolean): Map<string, number> {
  const lanes = new Map<string, WaitingTicket[]>();
  for (const ticket of waiting) {
    const key = `${ticket.serviceId}|${vipLaneOpen(ticket.serviceId) && ticket.tier === 'vip' ? 'vip' : 'counter'}`;
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = []));
    lane.push(ticket);
  }
  const positions = new Map<string, number>();
  for (const lane of lanes.values()) lane.sort(byTierThenArrival).forEach((ticket, i) => positions.set(ticket.id, i));
  return positions;
}

/** Counters open (not paused) that serve `serviceId`, split by whether they are VIP counters. */
export function openCountersFor(serviceId: string, counters: readonly QueueCounter[]) {
  const open = counters.filter((c) => c.status === 'open' && c.serviceIds.includes(serviceId));
  return { all: open.length, vip: open.filter((c) => c.vip).length, regular: open.filter((c) => !c.vip).length };
}

/** The latest moment the queue itself knows of, for callers that do not pass the time. */
function latestKnownMoment(waiting: readonly WaitingTicket[], counters: readonly QueueCounter[]): Date {
  let latest = 0;
  for (const t of waiting) latest = Math.max(latest, Date.parse(t.issuedAt));
  for (const c of counters) if (c.statusChangedAt) latest = Math.max(latest, Date.parse(c.statusChangedAt));
  return new Date(latest);
}

/** The estimator's input from the queue as screens describe it. */
export function waitEstimateInput(
  waiting: readonly WaitingTicket[],
  services: readonly QueueService[],
  counters: readonly QueueCounter[],
  rules?: QueueRules,
): WaitEstimateInput {
  const now = rules?.now ?? latestKnownMoment(waiting, counters);
  const meanServiceSeconds = new Map(services.map((s) => [s.id, s.meanServiceSeconds]));
  const targetWaitSeconds = new Map<string, number>();
  for (const s of services) if (s.targetWaitSeconds !== undefined) targetWaitSeconds.set(s.id, s.targetWaitSeconds);
  const estimateCounters: EstimateCounter[] = counters.map((c, i) => {
    let current = c.current ?? null;
    if (c.current === undefined && c.currentTicketId && c.serviceIds.length > 0) {
      // Busy with a customer we know nothing about: assume half-way through an average service.
      const serviceId = c.serviceIds[0];
      current = { serviceId, startedAtMs: now.getTime() - ((meanServiceSeconds.get(serviceId) ?? 0) * 1000) / 2 };
    }
    // Before opening or at lunch, the counters that serve a service are the ones planned for it:
    // the branch has no staffing plan per counter, and a teller's desk is staffed in opening hours.
    const opensAtMs = c.status !== 'open' ? (rules?.plannedOpeningMs ?? null) : null;
    return { id: c.id ?? `counter-${i}`, vip: c.vip, serviceIds: c.serviceIds, status: c.status, current, tieredCallsAt: c.tieredCallsAt ?? [], opensAtMs };
  });
  return {
    now,
    waiting,
    counters: estimateCounters,
    meanServiceSeconds,
    targetWaitSeconds,
    settings: rules?.settings ?? DEFAULT_CALL_SETTINGS,
    noShowShare: new Map(services.map((s) => [s.id, s.noShowShare ?? 0])),
    noShowSeconds: rules?.noShowSeconds ?? DEFAULT_NO_SHOW_SECONDS,
  };
}

export interface QueueFigures {
  /** Position and estimated wait for every waiting ticket, keyed by ticket id. */
  tickets: Map<string, { position: number; estimatedWaitSeconds: number }>;
  queues: QueueSummary[];
}

/**
 * Services only VIP counters serve: a ticket for them is a VIP ticket in practice, so their
 * newcomer figure is a VIP newcomer's, and public screens do not show it.
 */
export function vipOnlyServices(services: readonly { id: string }[], counters: readonly QueueCounter[]): Set<string> {
  const only = new Set<string>();
  for (const s of services) {
    const serving = counters.filter((c) => c.serviceIds.includes(s.id));
    if (serving.length > 0 && serving.every((c) => c.vip)) only.add(s.id);
  }
  return only;
}

/** Every waiting ticket's position and estimate, and each service's queue summary, from one replay (and one more per VIP-only service). */
export function queueFigures(
  waiting: readonly WaitingTicket[],
  services: readonly QueueService[],
  counters: readonly QueueCounter[],
  rules?: QueueRules,
): QueueFigures {
  const input = waitEstimateInput(waiting, services, counters, rules);
  const estimate = estimateWaits({ ...input, newcomerServiceIds: services.map((s) => s.id) });
  const vipLaneOpen = new Map(services.map((s) => [s.id, openCountersFor(s.id, counters).vip > 0]));

  const positions = positionsInLanes(waiting, (serviceId) => vipLaneOpen.get(serviceId) ?? false);
  const tickets = new Map<string, { position: number; estimatedWaitSeconds: number }>();
  for (const ticket of waiting) {
    tickets.set(ticket.id, { position: positions.get(ticket.id)!, estimatedWaitSeconds: estimate.waitSeconds.get(ticket.id) ?? 0 });
  }

  const nowMs = input.now.getTime();
  const vipOnly = vipOnlyServices(services, counters);
  const queues = services.map((service) => {
    const mine = waiting.filter((t) => t.serviceId === service.id);
    const oldestMs = mine.reduce((min, t) => Math.min(min, Date.parse(t.issuedAt)), nowMs);
    return {
      serviceId: service.id,
      waitingCount: mine.length,
      longestWaitSeconds: Math.max(0, Math.round((nowMs - oldestMs) / 1000)),
      estimatedWaitSeconds: vipOnly.has(service.id)
        ? estimateNewTicket(input, service.id, 'vip', `newcomer:${service.id}`)
        : (estimate.newcomerWaitSeconds.get(service.id) ?? 0),
      openCounters: openCountersFor(service.id, counters).all,
      ...(vipOnly.has(service.id) ? { vipOnly: true as const } : {}),
    };
  });
  return { tickets, queues };
}
