/**
 * How long a customer is likely to wait: an expected-value replay of the real call rules. Pure.
 *
 * Each open counter becomes free when its current customer is expected to leave; the counter that
 * is free first calls with `pickNextTicket` (the queue service's own rule: tiers, VIP lane,
 * fairness), stays busy for the expected time of that ticket (its service's mean, less the chance
 * that the customer has gone and the call is a short no-show), and so on until every waiting
 * ticket has a call time. Random service times are replaced by their means and customers who
 * arrive later are not foreseen: the figure is the wait if the hall carries on as it is now.
 * (Foreseeing later VIP and priority arrivals was tried; on simulated days it made the error
 * larger, because customers ahead who give up offset it.)
 */
import type { BranchSettings, Tier } from '../../../protocol/schemas.js';
import { pickNextHead, placeOf, type CallingCounter, type TimedTicket, type WaitingTicket } from './call-order.js';
import { TicketLanes } from './ticket-lanes.js';

export interface CurrentCustomer {
  serviceId: string;
  /** When service started (epoch ms), or null while the customer is called but not yet at the counter. */
  startedAtMs: number | null;
}

export interface EstimateCounter extends CallingCounter {
  status: 'open' | 'paused' | 'closed';
  /** The customer at the counter now; null when the counter is free. */
  current: CurrentCustomer | null;
  /** When this counter called priority or VIP tickets (ISO), for the fairness rule. */
  tieredCallsAt: readonly string[];
  /**
   * A counter not open now that the branch's calendar has serving from this instant (epoch ms):
   * before opening and at lunch, customers are called from then on, not never and not now.
   */
  opensAtMs?: number | null;
}

export interface WaitEstimateInput {
  now: Date;
  waiting: readonly WaitingTicket[];
  counters: readonly EstimateCounter[];
  /** Mean service time per service id, seconds (see service-time.ts). */
  meanServiceSeconds: ReadonlyMap<string, number>;
  /** Share of called tickets whose customer has gone, per service id (0 when absent). */
  noShowShare?: ReadonlyMap<string, number>;
  /** A counter's time on a customer who does not come, seconds. */
  noShowSeconds?: number;
  /** Target wait per service id, seconds (drives the fairness rule). */
  targetWaitSeconds: ReadonlyMap<string, number>;
  settings: Pick<BranchSettings, 'regularCountersTakeVip' | 'maxCallsAheadOfOverdue'>;
  /** Services for which to estimate a regular ticket issued now. */
  newcomerServiceIds?: readonly string[];
  /** Only this waiting ticket's figure is wanted: the replay may stop once it is called. */
  onlyTicketId?: string;
}

export interface WaitEstimate {
  /** Expected seconds from now until each waiting ticket is called. */
  waitSeconds: Map<string, number>;
  /** Expected wait of a regular ticket issued now, per requested service. */
  newcomerWaitSeconds: Map<string, number>;
}

/** Planning figure for a service nobody has measured or configured. */
export const FALLBACK_SERVICE_SECONDS = 300;

/**
 * Share of the mean still expected from a customer already served longer than the mean. Service
 * times are skewed: someone at the counter for long is likely to need a little longer still.
 */
export const OVERRUN_REMAINING_SHARE = 0.3;

/** Expected seconds until the current customer leaves, given how long they have been served. */
export function expectedRemainingSeconds(meanSeconds: number, elapsedSeconds: number | null): number {
  if (elapsedSeconds === null) return meanSeconds;
  return Math.max(meanSeconds - Math.max(0, elapsedSeconds), OVERRUN_REMAINING_SHARE * meanSeconds);
}

interface Slot {
  counter: CallingCounter;
  freeAtMs: number;
  /** When this counter called priority or VIP tickets (epoch ms), the replay's calls included. */
  tieredCallsAtMs: number[];
  /** When the counter first found nothing to call: a regular ticket issued now would be called then. */
  drainedAtMs: number | null;
}

interface ReplayRules {
  /** Expected counter time for a waiting ticket: its service, or a short no-show. */
  holdMs: (serviceId: string) => number;
  targetWaitSeconds: ReadonlyMap<string, number>;
  settings: WaitEstimateInput['settings'];
  servicesWithOpenVipCounter: ReadonlySet<string>;
}

/** Runs the counters over the tickets in `lanes` and returns each call time. Mutates the slots and the lanes. */
function replay(slots: Slot[], lanes: TicketLanes, rules: ReplayRules, stopAfterId?: string): Map<string, number> {
  const calledAtMs = new Map<string, number>();
  const active = [...slots];
  while (active.length > 0 && lanes.size > 0 && !(stopAfterId !== undefined && calledAtMs.has(stopAfterId))) {
    let first = 0;
    for (let i = 1; i < active.length; i++) if (active[i].freeAtMs < active[first].freeAtMs) first = i;
    const slot = active[first];
    const next = pickNextHead(slot.counter, lanes.heads(slot.counter.serviceIds) as TimedTicket[], rules, slot.tieredCallsAtMs, slot.freeAtMs);
    if (!next) {
      // Nothing it may call now; the lanes only shrink, so it never will.
      slot.drainedAtMs = slot.freeAtMs;
      active.splice(first, 1);
      continue;
    }
    calledAtMs.set(next.id, slot.freeAtMs);
    lanes.take(next);
    if (next.tier !== 'regular') slot.tieredCallsAtMs.push(slot.freeAtMs);
    slot.freeAtMs += rules.holdMs(next.serviceId);
  }
  for (const slot of active) slot.drainedAtMs ??= slot.freeAtMs;
  return calledAtMs;
}

/** The same waiting ticket objects come back replay after replay (the server holds them): parse each arrival once. */
const timedTickets = new WeakMap<WaitingTicket, TimedTicket>();

function timedTicket(ticket: WaitingTicket): TimedTicket {
  let timed = timedTickets.get(ticket);
  if (!timed || timed.issuedAt !== ticket.issuedAt || timed.queuedAt !== ticket.queuedAt || timed.tier !== ticket.tier || timed.serviceId !== ticket.serviceId) {
    timed = { id: ticket.id, serviceId: ticket.serviceId, tier: ticket.tier, issuedAt: ticket.issuedAt, queuedAt: ticket.queuedAt, issuedAtMs: Date.parse(placeOf(ticket)) };
    timedTickets.set(ticket, timed);
  }
  return timed;
}

/** Expected wait of every waiting ticket, and of a regular ticket issued now, under the branch's call rules. */
export function estimateWaits(input: WaitEstimateInput): WaitEstimate {
  const nowMs = input.now.getTime();
  const meanMs = (serviceId: string) => (input.meanServiceSeconds.get(serviceId) ?? FALLBACK_SERVICE_SECONDS) * 1000;
  const noShowMs = (input.noShowSeconds ?? 0) * 1000;
  const holdMs = (serviceId: string) => {
    const share = input.noShowShare?.get(serviceId) ?? 0;
    return (1 - share) * meanMs(serviceId) + share * noShowMs;
  };
  const open = input.counters.filter((c) => c.status === 'open');
  const planned = input.counters.filter((c) => c.status !== 'open' && c.opensAtMs != null && c.opensAtMs > nowMs);
  const rules: ReplayRules = {
    holdMs,
    targetWaitSeconds: input.targetWaitSeconds,
    settings: input.settings,
    // A VIP counter planned to open keeps its lane: it will be open when the replay reaches it.
    servicesWithOpenVipCounter: new Set([...open, ...planned].filter((c) => c.vip).flatMap((c) => c.serviceIds)),
  };

  const slots: Slot[] = open.map((counter) => {
    const current = counter.current;
    // Called but not at the counter yet: a whole service, unless they have gone.
    let remainingMs = 0;
    if (current?.startedAtMs === null) remainingMs = holdMs(current.serviceId);
    else if (current) remainingMs = expectedRemainingSeconds(meanMs(current.serviceId) / 1000, (nowMs - current.startedAtMs) / 1000) * 1000;
    return { counter, freeAtMs: nowMs + remainingMs, tieredCallsAtMs: counter.tieredCallsAt.map((at) => Date.parse(at)), drainedAtMs: null };
  });
  for (const counter of planned) slots.push({ counter, freeAtMs: counter.opensAtMs!, tieredCallsAtMs: [], drainedAtMs: null });
  const timed = input.waiting.map(timedTicket);
  const calledAtMs = replay(slots, new TicketLanes(timed), rules, input.onlyTicketId);
  const toSeconds = (atMs: number) => Math.max(0, Math.round((atMs - nowMs) / 1000));
  // Only one ticket's figure is wanted and the replay reached it: the calls after it cannot move it.
  if (input.onlyTicketId !== undefined && calledAtMs.has(input.onlyTicketId)) {
    return { waitSeconds: new Map([[input.onlyTicketId, toSeconds(calledAtMs.get(input.onlyTicketId)!)]]), newcomerWaitSeconds: new Map() };
  }

  // Tickets no open counter may call (its counters are closed or paused, or a VIP ticket the
  // regular counters may not take): we assume a counter opens for them now rather than promise
  // an endless wait. Such a counter works only on these tickets, so it changes no other figure.
  const newcomerServices = input.newcomerServiceIds ?? [];
  const uncalled = timed.filter((t) => !calledAtMs.has(t.id));
  const orphanServices = new Set(uncalled.map((t) => t.serviceId));
  for (const serviceId of newcomerServices) {
    if (!slots.some((s) => s.counter.serviceIds.includes(serviceId))) orphanServices.add(serviceId);
  }
  const standIns: Slot[] = [...orphanServices].map((serviceId) => ({
    counter: { id: `stand-in:${serviceId}`, vip: true, serviceIds: [serviceId] },
    freeAtMs: nowMs,
    tieredCallsAtMs: [],
    drainedAtMs: null,
  }));
  for (const [id, at] of replay(standIns, new TicketLanes(uncalled), rules)) calledAtMs.set(id, at);

  const waitSeconds = new Map<string, number>();
  for (const ticket of input.waiting) waitSeconds.set(ticket.id, toSeconds(calledAtMs.get(ticket.id) ?? nowMs));

  const newcomerWaitSeconds = new Map<string, number>();
  for (const serviceId of newcomerServices) {
    const serving = slots.filter((s) => s.counter.serviceIds.includes(serviceId));
    const candidates = serving.length > 0 ? serving : standIns.filter((s) => s.counter.serviceIds[0] === serviceId);
    const at = Math.min(...candidates.map((s) => s.drainedAtMs ?? s.freeAtMs));
    newcomerWaitSeconds.set(serviceId, toSeconds(at));
  }
  return { waitSeconds, newcomerWaitSeconds };
}

/** A regular, priority or VIP customer's expected wait if they took a ticket now (the kiosk's promise). */
export function estimateNewTicket(input: Omit<WaitEstimateInput, 'newcomerServiceIds'>, serviceId: string, tier: Tier, id = 'new'): number {
  const newcomer: WaitingTicket = { id, serviceId, tier, issuedAt: input.now.toISOString() };
  return estimateWaits({ ...input, waiting: [...input.waiting, newcomer], onlyTicketId: id }).waitSeconds.get(id)!;
}

export interface EstimateAccuracy {
  /** Tickets with both a promise and a call. */
  tickets: number;
  meanAbsoluteErrorSeconds: number | null;
  /** Share of tickets called within ±5 minutes of the promise. */
  withinFiveMinutesShare: number | null;
  /** Mean of actual − promised: positive when customers wait longer than promised. */
  meanSignedErrorSeconds: number | null;
}

/** How well promises matched the waits that followed (actual wait = called − issued). */
export function measureEstimateAccuracy(pairs: Iterable<{ estimateSeconds: number; actualSeconds: number }>): EstimateAccuracy {
  let tickets = 0;
  let absolute = 0;
  let signed = 0;
  let within = 0;
  for (const { estimateSeconds, actualSeconds } of pairs) {
    const error = actualSeconds - estimateSeconds;
    tickets++;
    absolute += Math.abs(error);
    signed += error;
    if (Math.abs(error) <= 300) within++;
  }
  if (tickets === 0) return { tickets, meanAbsoluteErrorSeconds: null, withinFiveMinutesShare: null, meanSignedErrorSeconds: null };
  return { tickets, meanAbsoluteErrorSeconds: absolute / tickets, withinFiveMinutesShare: within / tickets, meanSignedErrorSeconds: signed / tickets };
}
