/**
 * A branch as the simulator sees it: its services (arrivals by hour, service times, tiers,
 * self-service), its counters with their services and hours, and how patient customers are.
 * Profiles are plain JSON, so a branch can be described in a file (`--config`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DEMO_COUNTERS, DEMO_SERVICES, demoCounterId, demoServiceId } from '../demo/demo-branch-layout.js';

export const SimulatedService = Type.Object({
  id: Type.String({ minLength: 1 }),
  /** Short label for printing, e.g. the ticket prefix. */
  label: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  meanServiceSeconds: Type.Number({ exclusiveMinimum: 0, description: 'True mean service time' }),
  serviceCv: Type.Number({ minimum: 0, maximum: 3, description: 'Spread of service times (sd / mean, lognormal)' }),
  configuredServiceSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'What the branch configured: the estimator’s prior' })),
  targetWaitSeconds: Type.Number({ minimum: 0 }),
  arrivalsPerHour: Type.Array(Type.Number({ minimum: 0 }), { minItems: 1, description: 'One rate per hour after opening; the last repeats' }),
  vipShare: Type.Number({ minimum: 0, maximum: 1 }),
  priorityShare: Type.Number({ minimum: 0, maximum: 1 }),
  divertShare: Type.Number({ minimum: 0, maximum: 1, description: 'Share sent to self-service instead of a ticket' }),
});
export type SimulatedService = Static<typeof SimulatedService>;

export const SimulatedCounter = Type.Object({
  id: Type.String({ minLength: 1 }),
  number: Type.Integer(),
  vip: Type.Boolean(),
  serviceIds: Type.Array(Type.String(), { minItems: 1 }),
  shifts: Type.Array(Type.Tuple([Type.Number({ minimum: 0 }), Type.Number({ minimum: 0 })]), {
    description: 'Staffed hours after opening, [from, to), e.g. [[0, 3.5], [4.5, 8]] for a lunch break',
  }),
});
export type SimulatedCounter = Static<typeof SimulatedCounter>;

export const BranchProfile = Type.Object({
  name: Type.String(),
  hours: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
  services: Type.Array(SimulatedService, { minItems: 1 }),
  counters: Type.Array(SimulatedCounter, { minItems: 1 }),
  settings: Type.Object({
    regularCountersTakeVip: Type.Union([Type.Literal('when_no_vip_counter'), Type.Literal('always'), Type.Literal('never')]),
    maxCallsAheadOfOverdue: Type.Integer({ minimum: 0 }),
  }),
  patienceSeconds: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()], {
    description: 'Mean wait before a customer gives up; null: nobody does',
  }),
});
export type BranchProfile = Static<typeof BranchProfile>;

/** Checks a profile read from a file; throws with every problem found. */
export function parseProfile(json: unknown): BranchProfile {
  if (Value.Check(BranchProfile, json)) {
    const ids = new Set(json.services.map((s) => s.id));
    const unknown = json.counters.flatMap((c) => c.serviceIds.filter((id) => !ids.has(id)).map((id) => `counter ${c.number} serves unknown service ${id}`));
    if (unknown.length === 0) return json;
    throw new Error(`invalid branch profile: ${unknown.join('; ')}`);
  }
  const problems = [...Value.Errors(BranchProfile, json)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
  throw new Error(`invalid branch profile: ${problems.join('; ')}`);
}

/** The demo branch's customers per hour across all services, from 09:00: a morning and a lunch peak. */
export const DEMO_ARRIVALS = [30, 44, 40, 48, 42, 34, 38, 28];
/** Share of the demo branch's customers per service prefix. */
export const DEMO_MIX: Record<string, number> = { A: 0.38, B: 0.2, C: 0.14, D: 0.1, E: 0.1, V: 0.08 };
/** Staffed hours of the demo branch's counters on an ordinary day: staggered lunch breaks for 1–4. */
const DEMO_SHIFTS: Record<number, [number, number][]> = {
  1: [[0, 3], [4, 8]],
  2: [[0, 4], [5, 8]],
  3: [[0, 3], [4, 8]],
  4: [[0, 4], [5, 8]],
  5: [[0, 8]],
  6: [[0, 8]],
};

/** The demo branch (the same services and counters as the seeded `demo` branch: demo/demo-branch-layout.ts) on an ordinary day. */
export function demoProfile(): BranchProfile {
  return {
    name: 'demo',
    hours: DEMO_ARRIVALS.length,
    services: DEMO_SERVICES.map((s) => ({
      id: demoServiceId(s.prefix),
      label: s.prefix,
      name: s.en,
      meanServiceSeconds: s.serviceMinutes * 60,
      serviceCv: 0.6,
      targetWaitSeconds: s.targetMinutes * 60,
      arrivalsPerHour: DEMO_ARRIVALS.map((perHour) => perHour * DEMO_MIX[s.prefix]),
      vipShare: s.prefix === 'V' ? 1 : 0.04,
      priorityShare: s.prefix === 'V' ? 0 : 0.05,
      divertShare: s.selfService ? 0.1 : 0,
    })),
    counters: DEMO_COUNTERS.map((c) => ({
      id: demoCounterId(c.number),
      number: c.number,
      vip: c.vip ?? false,
      serviceIds: [...c.serves].map(demoServiceId),
      shifts: DEMO_SHIFTS[c.number] ?? [[0, DEMO_ARRIVALS.length]],
    })),
    settings: { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 2 },
    patienceSeconds: 40 * 60,
  };
}

const scaleArrivals = (profile: BranchProfile, factor: number): BranchProfile => ({
  ...profile,
  services: profile.services.map((s) => ({ ...s, arrivalsPerHour: s.arrivalsPerHour.map((r) => r * factor) })),
});

/** Benchmark profiles: a quiet day, a busy day with queues and walk-outs, and a branch full of valued customers. */
export const BENCHMARK_PROFILES: Record<string, () => BranchProfile> = {
  demo: demoProfile,
  quiet: () => ({ ...scaleArrivals(demoProfile(), 0.5), name: 'quiet' }),
  busy: () => ({ ...scaleArrivals(demoProfile(), 1.15), name: 'busy', patienceSeconds: 25 * 60 }),
  'vip-heavy': () => {
    // Many valued customers: counter 5 becomes a second VIP counter, and regular counters leave VIPs to them.
    const base = demoProfile();
    return {
      ...base,
      name: 'vip-heavy',
      services: base.services.map((s) =>
        s.label === 'V' ? { ...s, arrivalsPerHour: s.arrivalsPerHour.map((r) => r * 1.25) } : { ...s, vipShare: 0.15, priorityShare: 0.08 },
      ),
      counters: base.counters.map((c) => (c.number === 5 ? { ...c, vip: true, serviceIds: ['demo-v', ...c.serviceIds] } : c)),
    };
  },
};
