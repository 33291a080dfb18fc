/**
 * Counters needed per hour of the day, from the branch's own arrivals and service times and the
 * Erlang C staffing calculator on the server. Two readings of the same hall:
 * - each service alone: every service as its own queue with its own counters, added up;
 * - shared: all services as one queue served by counters that take any of them.
 * Real counters serve some services each, so the need lies between the two.
 */
import type { ArrivalsReport, StaffingPlan, StaffingQuery } from '../../../protocol/forecast-schemas.js';
import { activeHours } from '../reports/report-format.js';

/** The branch's service level target: `serviceLevel` of customers called within `targetSeconds`. */
export type StaffingTarget = Pick<StaffingQuery, 'serviceLevel' | 'targetSeconds'>;

/** 80% called within 10 minutes: the usual target for a bank hall. */
export const DEFAULT_TARGET: StaffingTarget = { serviceLevel: 0.8, targetSeconds: 600 };

export type ServiceArrivals = Pick<ArrivalsReport['services'][number], 'serviceId' | 'arrivalsPerHour' | 'meanServiceSeconds'>;

/** Asks the staffing calculator (`GET /api/tools/staffing`). */
export type StaffingLookup = (query: StaffingQuery) => Promise<StaffingPlan>;

/** One hour of the plan. */
export interface StaffingHour {
  hour: number;
  /** Customers expected in the hour, all services. */
  arrivalsPerHour: number;
  /** Counters each service needs on its own; 0 for a service nobody comes for in that hour. */
  countersByService: Record<string, number>;
  /** The sum of the above: every service with counters of its own. */
  sumOfServices: number;
  /** Counters needed when they share all services. */
  shared: number;
  /** The calculator's figures for the shared counters (null when nobody comes). */
  sharedFigures: StaffingPlan | null;
}

// Rates are averages over days: two decimals are all they hold, and rounding lets equal hours share a lookup.
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Hours from the first to the last with arrivals, in branch time. */
export function planningHours(services: readonly ServiceArrivals[]): number[] {
  return activeHours(services.map((s) => s.arrivalsPerHour));
}

/** All services as one queue: the arrivals add up, the service time is their arrival-weighted mean. */
export function pooledLoad(services: readonly ServiceArrivals[], hour: number): { arrivalsPerHour: number; meanServiceSeconds: number } | null {
  let arrivals = 0;
  let work = 0;
  for (const s of services) {
    const rate = s.arrivalsPerHour[hour] ?? 0;
    arrivals += rate;
    work += rate * s.meanServiceSeconds;
  }
  return arrivals > 0 ? { arrivalsPerHour: arrivals, meanServiceSeconds: work / arrivals } : null;
}

/** Checks the form's figures: a share strictly between 0 and 100 percent, and a wait of 1 minute or more. */
export function parseTarget(percent: number, minutes: number): StaffingTarget | null {
  if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) return null;
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) return null;
  return { serviceLevel: percent / 100, targetSeconds: Math.round(minutes * 60) };
}

/** Remembers answers, so changing the hours shown or re-rendering never asks twice. */
export function cachedLookup(lookup: StaffingLookup): StaffingLookup {
  const answers = new Map<string, Promise<StaffingPlan>>();
  return (query) => {
    const key = JSON.stringify([query.arrivalsPerHour, query.meanServiceSeconds, query.targetSeconds, query.serviceLevel]);
    let answer = answers.get(key);
    if (!answer) {
      answer = lookup(query);
      answers.set(key, answer);
      // A failed lookup may succeed on a retry.
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}

/** The plan for every hour with arrivals. Lookups run in parallel; the server answers each in a millisecond. */
export async function computeStaffingPlan(
  services: readonly ServiceArrivals[],
  target: StaffingTarget,
  lookup: StaffingLookup,
): Promise<StaffingHour[]> {
  const ask = (arrivalsPerHour: number, meanServiceSeconds: number) =>
    lookup({ arrivalsPerHour: round2(arrivalsPerHour), meanServiceSeconds: Math.round(meanServiceSeconds), ...target });
  return Promise.all(
    planningHours(services).map(async (hour): Promise<StaffingHour> => {
      const pooled = pooledLoad(services, hour);
      const [sharedFigures, ...alone] = await Promise.all([
        pooled ? ask(pooled.arrivalsPerHour, pooled.meanServiceSeconds) : Promise.resolve(null),
        ...services.map((s) => ((s.arrivalsPerHour[hour] ?? 0) > 0 ? ask(s.arrivalsPerHour[hour], s.meanServiceSeconds) : Promise.resolve(null))),
      ]);
      const countersByService = Object.fromEntries(services.map((s, i) => [s.serviceId, alone[i]?.counters ?? 0]));
      return {
        hour,
        arrivalsPerHour: pooled?.arrivalsPerHour ?? 0,
        countersByService,
        sumOfServices: Object.values(countersByService).reduce((sum, n) => sum + n, 0),
        shared: sharedFigures?.counters ?? 0,
        sharedFigures,
      };
    }),
  );
}

/** The busiest hour by shared counters (the earliest on a tie), or null for an empty plan. */
export function peakHour(plan: readonly StaffingHour[]): StaffingHour | null {
  return plan.reduce<StaffingHour | null>((peak, h) => (!peak || h.shared > peak.shared ? h : peak), null);
}
