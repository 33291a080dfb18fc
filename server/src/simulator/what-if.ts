/**
 * What-if for the lobby manager: from the hall as it is now, simulate the next hour many times
 * with and without an action ("open counter 4", "send 5 customers to the ATM", "move counter 2 to
 * foreign exchange") and report the likely longest and mean wait of each. Run k of both scenarios
 * uses the same seed, so the same customers arrive and the difference is the action's.
 */
import type { ScenarioForecast, WaitRange, WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import type { Tier } from '../../../protocol/schemas.js';
import { AppError, notFound } from '../errors.js';
import type { BranchProfile, SimulatedService } from './branch-profile.js';
import { percentile } from './day-summary.js';
import { simulateLobby, type CounterSetup, type InitialTicket, type SimulationSetup } from './lobby-simulation.js';
import { mulberry32 } from './random.js';

export type WhatIfAction =
  | { action: 'open-counter'; counterId: string }
  | { action: 'close-counter'; counterId: string }
  | { action: 'divert'; serviceId: string; count: number }
  | { action: 'reassign-counter'; counterId: string; serviceIds: string[] };

export interface LiveCounter {
  id: string;
  number: number;
  vip: boolean;
  serviceIds: readonly string[];
  status: 'open' | 'paused' | 'closed';
  current: { serviceId: string; startedAtMs: number | null } | null;
  tieredCallsAt: readonly string[];
}

/** How many runs of how many minutes a forecast simulates. */
export interface WhatIfOptions {
  runs?: number;
  horizonMinutes?: number;
}

/** The hall at this moment, and what is expected of the next hour. */
export interface LiveHall {
  nowMs: number;
  /** Services with their expected arrivals for the next hour (`arrivalsPerHour[0]`) and service times. */
  services: readonly SimulatedService[];
  counters: readonly LiveCounter[];
  waiting: readonly InitialTicket[];
  settings: BranchProfile['settings'];
}

const counterLabel = (c: LiveCounter) => `counter ${c.number}`;

/** Checks the action against the hall; throws the error a manager should see. */
export function checkWhatIfAction(hall: LiveHall, action: WhatIfAction): void {
  const serviceIds = new Set(hall.services.map((s) => s.id));
  if ('counterId' in action) {
    const counter = hall.counters.find((c) => c.id === action.counterId);
    if (!counter) throw notFound('counter', action.counterId);
    if (action.action === 'open-counter' && counter.status === 'open') {
      throw new AppError('INVALID_TRANSITION', `${counterLabel(counter)} is already open`);
    }
    if (action.action === 'close-counter' && counter.status !== 'open') {
      throw new AppError('INVALID_TRANSITION', `${counterLabel(counter)} is not open`);
    }
    if (action.action === 'reassign-counter') {
      const unknown = action.serviceIds.find((id) => !serviceIds.has(id));
      if (unknown) throw notFound('service', unknown);
    }
  }
  if (action.action === 'divert') {
    if (!serviceIds.has(action.serviceId)) throw notFound('service', action.serviceId);
    const waiting = hall.waiting.filter((t) => t.serviceId === action.serviceId).length;
    if (action.count > waiting) {
      throw new AppError('VALIDATION_FAILED', `body/count: only ${waiting} customer(s) wait for this service, not ${action.count}`);
    }
  }
}

/** The simulation set-up of the hall, with or without the action, for run `seed`. */
function scenario(hall: LiveHall, action: WhatIfAction | null, seed: number, horizonMs: number): SimulationSetup {
  const counters: CounterSetup[] = hall.counters.map((c) => {
    let open = c.status === 'open';
    let serviceIds = c.serviceIds;
    if (action && 'counterId' in action && action.counterId === c.id) {
      if (action.action === 'open-counter') open = true;
      if (action.action === 'close-counter') open = false;
      if (action.action === 'reassign-counter') serviceIds = action.serviceIds;
    }
    return {
      id: c.id,
      number: c.number,
      vip: c.vip,
      serviceIds,
      shifts: open ? [[hall.nowMs, Infinity]] : [],
      current: c.current,
      tieredCallsAt: c.tieredCallsAt,
    };
  });
  let waiting = hall.waiting;
  if (action?.action === 'divert') {
    // The manager picks whoever has a self-service errand; we cannot know who, so pick at random,
    // ordinary customers first.
    const random = mulberry32(seed ^ 0x5eed);
    const rank = (tier: Tier) => (tier === 'regular' ? 0 : 1);
    const candidates = hall.waiting
      .filter((t) => t.serviceId === action.serviceId)
      .map((t) => ({ t, key: rank(t.tier) + random() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, action.count);
    const diverted = new Set(candidates.map((c) => c.t.id));
    waiting = hall.waiting.map((t) => (diverted.has(t.id) ? { ...t, divertedAtStart: true } : t));
  }
  return {
    seed,
    startMs: hall.nowMs,
    services: hall.services,
    counters,
    waiting,
    settings: hall.settings,
    patienceSeconds: null,
    arrivalsUntilMs: hall.nowMs + horizonMs,
    stopAtMs: hall.nowMs + horizonMs,
  };
}

function measure(setup: SimulationSetup) {
  const run = simulateLobby(setup);
  const endMs = setup.stopAtMs!;
  let longest = 0;
  let total = 0;
  let stillWaiting = 0;
  for (const c of run.customers) {
    const wait = ((c.calledAtMs ?? endMs) - c.issuedAtMs) / 1000;
    longest = Math.max(longest, wait);
    total += wait;
    if (c.calledAtMs === null) stillWaiting++;
  }
  return { longest, mean: run.customers.length ? total / run.customers.length : 0, stillWaiting };
}

function range(values: number[]): WaitRange {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => Math.round(percentile(sorted, share) ?? 0);
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

function forecast(results: ReturnType<typeof measure>[]): ScenarioForecast {
  return {
    longestWaitSeconds: range(results.map((r) => r.longest)),
    meanWaitSeconds: range(results.map((r) => r.mean)),
    waitingAtEnd: range(results.map((r) => r.stillWaiting)),
  };
}

/** Simulates the next `horizonMinutes` `runs` times with and without `action`. */
export function predictWhatIf(hall: LiveHall, action: WhatIfAction, options: WhatIfOptions = {}): WhatIfForecast {
  checkWhatIfAction(hall, action);
  const runs = options.runs ?? 200;
  const horizonMinutes = options.horizonMinutes ?? 60;
  const horizonMs = horizonMinutes * 60_000;
  const baseline: ReturnType<typeof measure>[] = [];
  const withAction: ReturnType<typeof measure>[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    baseline.push(measure(scenario(hall, null, seed, horizonMs)));
    withAction.push(measure(scenario(hall, action, seed, horizonMs)));
  }
  return { horizonMinutes, runs, baseline: forecast(baseline), withAction: forecast(withAction) };
}
