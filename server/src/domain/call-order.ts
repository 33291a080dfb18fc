/**
 * Who a counter calls next: the VIP lane, priority customers, and fairness for ordinary customers.
 * Pure: takes plain data, returns the ticket to call. Shared by the queue service and the simulator.
 */
import type { BranchSettings, Tier } from '../../../protocol/schemas.js';

export interface WaitingTicket {
  id: string;
  serviceId: string;
  tier: Tier;
  /** Original arrival time (ISO); a transfer keeps it, so the customer keeps their place. */
  issuedAt: string;
  /**
   * Its place in the queue when a re-queue (過號重排) moved it (ISO). The call rules treat it as the
   * arrival, for order and for fairness alike: otherwise a late customer's early issue time would
   * make them the "longest overdue" and jump the very queue they were put behind.
   */
  queuedAt?: string;
}

export interface CallingCounter {
  id: string;
  vip: boolean;
  serviceIds: readonly string[];
}

export interface CallContext {
  counter: CallingCounter;
  /** Waiting tickets of the branch (any service; the rule filters). */
  waiting: readonly WaitingTicket[];
  /** Target wait per service id, in seconds. */
  targetWaitSeconds: ReadonlyMap<string, number>;
  /** Services that an open VIP counter serves right now. */
  servicesWithOpenVipCounter: ReadonlySet<string>;
  settings: Pick<BranchSettings, 'regularCountersTakeVip' | 'maxCallsAheadOfOverdue'>;
  /** When this counter called priority or VIP tickets (ISO), recent ones at least. */
  tieredCallsAt: readonly string[];
  now: Date;
}

const TIER_RANK: Record<Tier, number> = { vip: 0, priority: 1, regular: 2 };

/** When the ticket joined the line it waits in, as the call rules see it (ISO). */
export const placeOf = (ticket: WaitingTicket): string => ticket.queuedAt ?? ticket.issuedAt;

/**
 * Orders ISO times and UUIDv7 ids by their characters: the same order as a locale's for these
 * fixed-format strings, without its cost (the estimator sorts every waiting ticket).
 */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders tickets VIP, then priority, then regular; oldest first within a tier. */
export function byTierThenArrival(a: WaitingTicket, b: WaitingTicket): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || compareText(placeOf(a), placeOf(b)) || compareText(a.id, b.id);
}

const byArrival = (a: WaitingTicket, b: WaitingTicket) => compareText(placeOf(a), placeOf(b)) || compareText(a.id, b.id);

/** Whether a regular (non-VIP) counter may call a VIP ticket of `serviceId`. */
export function regularCounterTakesVip(
  serviceId: string,
  settings: CallContext['settings'],
  servicesWithOpenVipCounter: ReadonlySet<string>,
): boolean {
  switch (settings.regularCountersTakeVip) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'when_no_vip_counter':
      return !servicesWithOpenVipCounter.has(serviceId);
  }
}

/** The tickets this counter may call, in the order it would call them if fairness did not step in. */
export function callableTickets(ctx: Omit<CallContext, 'tieredCallsAt' | 'now' | 'targetWaitSeconds'>): WaitingTicket[] {
  const serves = new Set(ctx.counter.serviceIds);
  return ctx.waiting
    .filter((t) => serves.has(t.serviceId))
    .filter(
      (t) =>
        ctx.counter.vip || t.tier !== 'vip' || regularCounterTakesVip(t.serviceId, ctx.settings, ctx.servicesWithOpenVipCounter),
    )
    .sort(byTierThenArrival);
}

/**
 * The ticket `counter` should call next, or null when none waits for it.
 * A VIP counter takes VIP tickets first, then priority, then regular. A regular counter takes
 * priority before regular, and VIP only as the branch setting allows. Once a regular ticket has
 * waited past its service's target, at most `maxCallsAheadOfOverdue` priority or VIP tickets may
 * be called ahead of it at a regular counter (checked for the one overdue the longest, which has
 * had the most).
 */
export function pickNextTicket(ctx: CallContext): WaitingTicket | null {
  const callable = callableTickets(ctx);
  if (callable.length === 0) return null;
  if (ctx.counter.vip) return callable[0];

  const nowMs = ctx.now.getTime();
  // The regular ticket overdue the longest has had the most calls ahead of it since its target
  // passed. With different targets that need not be the oldest: an older ticket of a slower
  // service may have been overdue for less. `callable` is in arrival order, so ties go to the older.
  let longestOverdue: WaitingTicket | null = null;
  let overdueSince = Infinity;
  for (const ticket of callable) {
    if (ticket.tier !== 'regular') continue;
    const since = targetPassesAt(Date.parse(placeOf(ticket)), ticket.serviceId, ctx.targetWaitSeconds);
    if (nowMs > since && since < overdueSince) [longestOverdue, overdueSince] = [ticket, since];
  }
  if (longestOverdue) {
    // Counted from the newest call, and only as far as the limit: the estimator's replay calls this
    // once per waiting ticket, with every tiered call of the replay so far.
    const limit = ctx.settings.maxCallsAheadOfOverdue;
    let calledAhead = 0;
    for (let i = ctx.tieredCallsAt.length - 1; i >= 0 && calledAhead < limit; i--) {
      if (Date.parse(ctx.tieredCallsAt[i]) >= overdueSince) calledAhead++;
    }
    if (calledAhead >= limit) return longestOverdue;
  }
  return callable[0];
}

/** When a ticket of `serviceId` that arrived at `issuedAtMs` passes its service's target wait (ms; never without one). */
const targetPassesAt = (issuedAtMs: number, serviceId: string, targetWaitSeconds: ReadonlyMap<string, number>) =>
  issuedAtMs + (targetWaitSeconds.get(serviceId) ?? Infinity) * 1000;

/** Whether `a` arrived before `b` (ties broken by id), comparing the arrival in ms first. */
const earlier = (a: TimedTicket, b: TimedTicket) => a.issuedAtMs < b.issuedAtMs || (a.issuedAtMs === b.issuedAtMs && byArrival(a, b) < 0);

/** What the estimator's replay knows of a waiting ticket besides the ticket itself: its place in the queue (placeOf) in ms. */
export interface TimedTicket extends WaitingTicket {
  issuedAtMs: number;
}

/**
 * `pickNextTicket` for the estimator's replay, which asks it once per waiting ticket: the same
 * choice, over the heads of the lanes (see ticket-lanes.ts), without sorting, allocating or
 * parsing dates. `tieredCallsAtMs` are the counter's priority and VIP calls in epoch ms.
 * test/domain/call-order.test.ts checks that both always choose the same ticket.
 */
export function pickNextHead(
  counter: CallingCounter,
  heads: readonly TimedTicket[],
  rules: Pick<CallContext, 'targetWaitSeconds' | 'servicesWithOpenVipCounter' | 'settings'>,
  tieredCallsAtMs: readonly number[],
  nowMs: number,
): TimedTicket | null {
  let best: TimedTicket | null = null;
  let longestOverdue: TimedTicket | null = null;
  let overdueSince = Infinity;
  for (const ticket of heads) {
    if (!counter.vip && ticket.tier === 'vip' && !regularCounterTakesVip(ticket.serviceId, rules.settings, rules.servicesWithOpenVipCounter)) continue;
    if (best === null || TIER_RANK[ticket.tier] < TIER_RANK[best.tier] || (ticket.tier === best.tier && earlier(ticket, best))) best = ticket;
    if (counter.vip || ticket.tier !== 'regular') continue;
    const since = targetPassesAt(ticket.issuedAtMs, ticket.serviceId, rules.targetWaitSeconds);
    if (nowMs > since && (since < overdueSince || (since === overdueSince && earlier(ticket, longestOverdue!)))) [longestOverdue, overdueSince] = [ticket, since];
  }
  if (longestOverdue) {
    const limit = rules.settings.maxCallsAheadOfOverdue;
    let calledAhead = 0;
    for (let i = tieredCallsAtMs.length - 1; i >= 0 && calledAhead < limit; i--) if (tieredCallsAtMs[i] >= overdueSince) calledAhead++;
    if (calledAhead >= limit) return longestOverdue;
  }
  return best;
}
