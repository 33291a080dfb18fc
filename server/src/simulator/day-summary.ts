/** Figures of a simulated run: waits, service level, walk-outs and the estimator's error. */
import { measureEstimateAccuracy, type EstimateAccuracy } from '../domain/wait-estimate.js';
import type { SimulatedService } from './branch-profile.js';
import type { CustomerRecord, SimulationRun } from './lobby-simulation.js';

export interface WaitFigures {
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  maxWaitSeconds: number | null;
}

export interface ServiceOutcome extends WaitFigures {
  serviceId: string;
  label: string;
  tickets: number;
  diverted: number;
  called: number;
  abandoned: number;
  /** Still waiting when the run ended (nobody left to serve them). */
  unserved: number;
  targetWaitSeconds: number;
  /** Share of ticket holders called within the target; walk-outs count as missed. */
  serviceLevel: number | null;
}

export interface DaySummary {
  services: ServiceOutcome[];
  overall: Omit<ServiceOutcome, 'serviceId' | 'label' | 'targetWaitSeconds'>;
  estimate: EstimateAccuracy;
  counters: { id: string; busyShare: number }[];
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export function waitFigures(waitsSeconds: readonly number[]): WaitFigures {
  if (waitsSeconds.length === 0) return { meanWaitSeconds: null, p90WaitSeconds: null, maxWaitSeconds: null };
  const sorted = [...waitsSeconds].sort((a, b) => a - b);
  return {
    meanWaitSeconds: sorted.reduce((sum, w) => sum + w, 0) / sorted.length,
    p90WaitSeconds: percentile(sorted, 0.9),
    maxWaitSeconds: sorted[sorted.length - 1],
  };
}

const waitOf = (c: CustomerRecord) => (c.calledAtMs! - c.issuedAtMs) / 1000;

function outcome(customers: CustomerRecord[], diverted: number, targetOf: (c: CustomerRecord) => number) {
  const called = customers.filter((c) => c.calledAtMs !== null);
  const abandoned = customers.filter((c) => c.abandonedAtMs !== null).length;
  const decided = called.length + abandoned;
  return {
    tickets: customers.length,
    diverted,
    called: called.length,
    abandoned,
    unserved: customers.length - decided,
    ...waitFigures(called.map(waitOf)),
    serviceLevel: decided ? called.filter((c) => waitOf(c) <= targetOf(c)).length / decided : null,
  };
}

/** Per-service and overall figures of a run. */
export function summariseRun(run: SimulationRun, services: readonly SimulatedService[], openMs: number): DaySummary {
  const target = new Map(services.map((s) => [s.id, s.targetWaitSeconds]));
  const targetOf = (c: CustomerRecord) => target.get(c.serviceId) ?? Infinity;
  const totalDiverted = [...run.diverted.values()].reduce((sum, n) => sum + n, 0);
  return {
    services: services.map((s) => ({
      serviceId: s.id,
      label: s.label,
      targetWaitSeconds: s.targetWaitSeconds,
      ...outcome(
        run.customers.filter((c) => c.serviceId === s.id),
        run.diverted.get(s.id) ?? 0,
        targetOf,
      ),
    })),
    overall: outcome(run.customers, totalDiverted, targetOf),
    estimate: measureEstimateAccuracy(
      run.customers
        .filter((c) => c.estimateSeconds !== null && c.calledAtMs !== null)
        .map((c) => ({ estimateSeconds: c.estimateSeconds!, actualSeconds: waitOf(c) })),
    ),
    counters: [...run.busyMs].map(([id, busy]) => ({ id, busyShare: busy / Math.max(1, run.endMs - openMs) })),
  };
}
