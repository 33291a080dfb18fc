/**
 * A discrete-event simulation of a branch hall: customers arrive (Poisson, by hour), some are sent
 * to self-service, the rest take a ticket and wait; counters call with the server's own rule
 * (`pickNextTicket`), serve for a random (lognormal) time, and customers who wait too long leave.
 * As in a real hall, a customer who gives up keeps their place in the queue: when their number is
 * called nobody comes, and the teller marks a no-show after a short while.
 * Every random draw comes from one seeded generator, so a run can be repeated exactly, and the
 * customers of a run do not depend on what the counters do: two scenarios with the same seed see
 * the same people (common random numbers make what-if comparisons sharp).
 */
import type { Tier } from '../../../protocol/schemas.js';
import { pickNextTicket, type WaitingTicket } from '../domain/call-order.js';
import { peopleAhead } from '../domain/queue-position.js';
import { TicketLanes } from '../domain/ticket-lanes.js';
import type { EstimateCounter } from '../domain/wait-estimate.js';
import { drawArrivals } from './arrivals.js';
import type { BranchProfile, SimulatedService } from './branch-profile.js';
import { EventQueue } from './event-queue.js';
import { KioskEstimator } from './kiosk-estimator.js';
import { lognormal, mulberry32 } from './random.js';

const HOUR_MS = 3_600_000;
/** How long a counter waits for a customer who has gone (call, recall, mark no-show). */
export const NO_SHOW_MS = 60_000;

export interface CounterSetup {
  id: string;
  number: number;
  vip: boolean;
  serviceIds: readonly string[];
  /** Staffed periods [from, to) in epoch ms; to may be Infinity. */
  shifts: readonly (readonly [number, number])[];
  /** The customer at the counter when the run starts. */
  current?: { serviceId: string; startedAtMs: number | null } | null;
  tieredCallsAt?: readonly string[];
}

export interface InitialTicket {
  id: string;
  serviceId: string;
  tier: Tier;
  issuedAtMs: number;
  /** Sent to self-service as the run starts (what-if); still drawn, so other customers keep their draws. */
  divertedAtStart?: boolean;
}

export interface SimulationSetup {
  seed: number;
  startMs: number;
  services: readonly SimulatedService[];
  counters: readonly CounterSetup[];
  /** Customers already waiting when the run starts. */
  waiting?: readonly InitialTicket[];
  settings: BranchProfile['settings'];
  patienceSeconds: number | null;
  /** No one arrives after this. */
  arrivalsUntilMs: number;
  /** Stop here even if customers still wait; without it the run ends when the hall is empty. */
  stopAtMs?: number;
  /** Ask the wait estimator for each arriving customer's promise, as the kiosk does. */
  askEstimator?: boolean;
}

export interface CustomerRecord {
  id: string;
  serviceId: string;
  tier: Tier;
  issuedAtMs: number;
  /** When the customer was called and came to the counter. */
  calledAtMs: number | null;
  /** When the customer gave up waiting (they are marked no-show when called). */
  abandonedAtMs: number | null;
  counterId: string | null;
  /** What the estimator promised at issue (askEstimator only). */
  estimateSeconds: number | null;
  /**
   * The usual queue-system estimate at issue, as a baseline: people ahead × the configured service
   * time ÷ open counters serving the service (askEstimator only).
   */
  naiveEstimateSeconds: number | null;
  /** Already waiting when the run started. */
  initial: boolean;
}

export interface SimulationRun {
  customers: CustomerRecord[];
  /** Customers sent to self-service instead of taking a ticket, per service. */
  diverted: Map<string, number>;
  /** Time each counter spent serving, ms. */
  busyMs: Map<string, number>;
  endMs: number;
}

interface CounterState {
  setup: CounterSetup;
  open: boolean;
  busyUntilMs: number | null;
  current: { serviceId: string; startedAtMs: number | null } | null;
  /** The called customer had gone: the counter is only marking the no-show. */
  noShow: boolean;
  tieredCallsAt: string[];
}

type SimEvent =
  | { kind: 'free'; counter: CounterState }
  | { kind: 'shift'; counter: CounterState; open: boolean }
  | { kind: 'renege'; ticketId: string };

/** Runs one simulated period of the hall. */
export function simulateLobby(setup: SimulationSetup): SimulationRun {
  const random = mulberry32(setup.seed);
  const arrivals = drawArrivals(random, setup);
  const serviceById = new Map(setup.services.map((s) => [s.id, s]));
  const targets = new Map(setup.services.map((s) => [s.id, s.targetWaitSeconds]));
  const drawServiceMs = (serviceId: string) => {
    const s = serviceById.get(serviceId);
    return s ? lognormal(random, s.meanServiceSeconds, s.serviceCv) * 1000 : 300_000;
  };

  const events = new EventQueue<SimEvent>();
  const lanes = new TicketLanes();
  const records = new Map<string, CustomerRecord>();
  const serviceMsOf = new Map<string, number>();
  const diverted = new Map<string, number>();
  const busyMs = new Map<string, number>();
  const estimator = new KioskEstimator(setup.services, setup.settings, NO_SHOW_MS);

  const counters: CounterState[] = setup.counters.map((c) => {
    const state: CounterState = { setup: c, open: false, busyUntilMs: null, current: null, noShow: false, tieredCallsAt: [...(c.tieredCallsAt ?? [])] };
    for (const [from, to] of c.shifts) {
      if (from <= setup.startMs && setup.startMs < to) state.open = true;
      else if (from > setup.startMs) events.push(from, { kind: 'shift', counter: state, open: true });
      if (to > setup.startMs && Number.isFinite(to)) events.push(to, { kind: 'shift', counter: state, open: false });
    }
    if (c.current) {
      // Whoever is at the counter stays for the rest of a service that has already lasted `elapsed`.
      const elapsedMs = c.current.startedAtMs === null ? 0 : setup.startMs - c.current.startedAtMs;
      let remainingMs = drawServiceMs(c.current.serviceId) - elapsedMs;
      for (let tries = 0; remainingMs <= 0 && tries < 20; tries++) remainingMs = drawServiceMs(c.current.serviceId) - elapsedMs;
      if (remainingMs <= 0) remainingMs = drawServiceMs(c.current.serviceId) * 0.3;
      state.current = c.current;
      state.busyUntilMs = setup.startMs + remainingMs;
      events.push(state.busyUntilMs, { kind: 'free', counter: state });
    }
    return state;
  });

  let vipServices = new Set<string>();
  const refreshVipServices = () => {
    vipServices = new Set(counters.filter((c) => c.open && c.setup.vip).flatMap((c) => c.setup.serviceIds));
  };
  refreshVipServices();

  for (const t of [...(setup.waiting ?? [])].sort((a, b) => a.issuedAtMs - b.issuedAtMs)) {
    const serviceMs = drawServiceMs(t.serviceId);
    if (t.divertedAtStart) {
      diverted.set(t.serviceId, (diverted.get(t.serviceId) ?? 0) + 1);
      continue;
    }
    lanes.add({ id: t.id, serviceId: t.serviceId, tier: t.tier, issuedAt: new Date(t.issuedAtMs).toISOString() });
    records.set(t.id, { id: t.id, serviceId: t.serviceId, tier: t.tier, issuedAtMs: t.issuedAtMs, calledAtMs: null, abandonedAtMs: null, counterId: null, estimateSeconds: null, naiveEstimateSeconds: null, initial: true });
    serviceMsOf.set(t.id, serviceMs);
  }

  /** Every free, open counter calls the next customer by the branch's rules. */
  function dispatch(nowMs: number) {
    for (const counter of counters) {
      if (!counter.open || counter.busyUntilMs !== null || lanes.size === 0) continue;
      const next: WaitingTicket | null = pickNextTicket({
        counter: counter.setup,
        waiting: lanes.heads(counter.setup.serviceIds),
        targetWaitSeconds: targets,
        servicesWithOpenVipCounter: vipServices,
        settings: setup.settings,
        tieredCallsAt: counter.tieredCallsAt,
        now: new Date(nowMs),
      });
      if (!next) continue;
      lanes.take(next);
      const record = records.get(next.id)!;
      record.counterId = counter.setup.id;
      if (next.tier !== 'regular') counter.tieredCallsAt.push(new Date(nowMs).toISOString());
      const gone = record.abandonedAtMs !== null;
      if (!gone) record.calledAtMs = nowMs;
      const serviceMs = gone ? NO_SHOW_MS : serviceMsOf.get(next.id)!;
      // A no-show's minute at the counter is not a service: it teaches the estimator nothing.
      counter.current = { serviceId: next.serviceId, startedAtMs: gone ? null : nowMs };
      counter.noShow = gone;
      counter.busyUntilMs = nowMs + serviceMs;
      busyMs.set(counter.setup.id, (busyMs.get(counter.setup.id) ?? 0) + serviceMs);
      events.push(counter.busyUntilMs, { kind: 'free', counter });
    }
  }

  let nowMs = setup.startMs;
  let nextArrival = 0;
  let sequence = 0;
  const stopAt = setup.stopAtMs ?? Infinity;
  dispatch(nowMs);
  for (;;) {
    const arrivalAt = nextArrival < arrivals.length ? arrivals[nextArrival].atMs : Infinity;
    const eventAt = events.peekTime();
    const at = Math.min(arrivalAt, eventAt);
    if (at === Infinity || at > stopAt) break;
    nowMs = at;
    if (arrivalAt <= eventAt) {
      const arrival = arrivals[nextArrival++];
      if (arrival.diverted) {
        diverted.set(arrival.service.id, (diverted.get(arrival.service.id) ?? 0) + 1);
        continue;
      }
      const id = `sim-${String(++sequence).padStart(6, '0')}`;
      const ticket: WaitingTicket = { id, serviceId: arrival.service.id, tier: arrival.tier, issuedAt: new Date(nowMs).toISOString() };
      lanes.add(ticket);
      serviceMsOf.set(id, arrival.serviceMs);
      const record: CustomerRecord = { id, serviceId: ticket.serviceId, tier: ticket.tier, issuedAtMs: nowMs, calledAtMs: null, abandonedAtMs: null, counterId: null, estimateSeconds: null, naiveEstimateSeconds: null, initial: false };
      records.set(id, record);
      if (setup.askEstimator) {
        const hall = counters.map(
          (c): EstimateCounter => ({ ...c.setup, status: c.open ? 'open' : 'closed', current: c.current, tieredCallsAt: c.tieredCallsAt }),
        );
        record.estimateSeconds = estimator.promise(id, nowMs, lanes.waiting(), hall);
        const service = arrival.service;
        const openCounters = counters.filter((c) => c.open && c.setup.serviceIds.includes(service.id)).length;
        record.naiveEstimateSeconds =
          (peopleAhead(ticket, lanes.waiting(), false) * (service.configuredServiceSeconds ?? service.meanServiceSeconds)) / Math.max(1, openCounters);
      }
      if (Number.isFinite(arrival.patienceMs)) events.push(nowMs + arrival.patienceMs, { kind: 'renege', ticketId: id });
      dispatch(nowMs);
      continue;
    }
    const event = events.pop()!;
    if (event.kind === 'free') {
      const { counter } = event;
      if (counter.noShow) estimator.noShow(counter.current!.serviceId);
      else if (counter.current?.startedAtMs != null) estimator.served(counter.current.serviceId, (nowMs - counter.current.startedAtMs) / 1000);
      counter.current = null;
      counter.noShow = false;
      counter.busyUntilMs = null;
      dispatch(nowMs);
    } else if (event.kind === 'shift') {
      event.counter.open = event.open;
      refreshVipServices();
      dispatch(nowMs);
    } else {
      const record = records.get(event.ticketId)!;
      if (record.calledAtMs === null && record.counterId === null) record.abandonedAtMs = nowMs;
    }
  }
  return { customers: [...records.values()], diverted, busyMs, endMs: Math.min(nowMs, stopAt) };
}

/** The set-up for a whole day of a profile, opening at `openingMs`; counters open at closing serve everyone left. */
export function daySetup(profile: BranchProfile, options: { seed: number; openingMs: number; hours?: number; askEstimator?: boolean }): SimulationSetup {
  const hours = options.hours ?? profile.hours;
  const closingMs = options.openingMs + hours * HOUR_MS;
  return {
    seed: options.seed,
    startMs: options.openingMs,
    services: profile.services,
    counters: profile.counters.map((c) => ({
      ...c,
      shifts: c.shifts
        .filter(([from]) => from < hours)
        .map(([from, to]) => [options.openingMs + from * HOUR_MS, to >= hours ? Infinity : options.openingMs + to * HOUR_MS] as const),
    })),
    settings: profile.settings,
    patienceSeconds: profile.patienceSeconds,
    arrivalsUntilMs: closingMs,
    askEstimator: options.askEstimator ?? true,
  };
}
