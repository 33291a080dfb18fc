/**
 * How good the wait estimate is, measured on simulated days: each simulated customer is promised
 * a wait by the server's estimator at the moment they take a ticket, and the promise is compared
 * with the wait that followed. Also how fast the simulator, the estimator and the what-if are.
 * Prints figures; asserts nothing.  Run: npx tsx test/bench/estimate-accuracy.ts  (DAYS=20 by default)
 */
import { performance } from 'node:perf_hooks';
import { estimateWaits, measureEstimateAccuracy, type EstimateCounter } from '../../server/src/domain/wait-estimate.js';
import type { Tier } from '../../protocol/schemas.js';
import { BENCHMARK_PROFILES } from '../../server/src/simulator/branch-profile.js';
import { summariseRun } from '../../server/src/simulator/day-summary.js';
import { daySetup, simulateLobby, type CustomerRecord } from '../../server/src/simulator/lobby-simulation.js';
import { mulberry32 } from '../../server/src/simulator/random.js';
import { predictWhatIf } from '../../server/src/simulator/what-if.js';

const DAYS = Number(process.env.DAYS ?? 20);
const OPENING_MS = Date.parse('2026-11-23T01:00:00.000Z');
const PROFILES = ['quiet', 'demo', 'busy', 'vip-heavy'];

const sec = (s: number | null) => (s === null ? '–' : `${Math.round(s)} s`);
const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
const cols = (values: (string | number)[], widths: number[]) => values.map((v, i) => String(v).padStart(widths[i])).join('');

function accuracyOf(customers: CustomerRecord[], promise: (c: CustomerRecord) => number | null = (c) => c.estimateSeconds) {
  return measureEstimateAccuracy(
    customers
      .filter((c) => promise(c) !== null && c.calledAtMs !== null)
      .map((c) => ({ estimateSeconds: promise(c)!, actualSeconds: (c.calledAtMs! - c.issuedAtMs) / 1000 })),
  );
}

console.log(`Wait estimate at issue vs the wait that followed, ${DAYS} simulated days per profile (seeds 1–${DAYS})\n`);
const widths = [10, 10, 11, 11, 11, 11, 12, 11, 11, 11, 13, 13];
console.log(cols(['profile', 'tickets/d', 'mean wait', 'gave up', 'MAE', '±5 min', 'bias', 'MAE reg.', 'MAE prio.', 'MAE VIP', 'naive MAE', 'naive ±5'], widths));
const speed: string[] = [];
for (const name of PROFILES) {
  const profile = BENCHMARK_PROFILES[name]();
  const customers: CustomerRecord[] = [];
  let abandoned = 0;
  let waitSum = 0;
  let called = 0;
  let withEstimatorMs = 0;
  for (let seed = 1; seed <= DAYS; seed++) {
    const started = performance.now();
    const run = simulateLobby(daySetup(profile, { seed, openingMs: OPENING_MS, askEstimator: true }));
    withEstimatorMs += performance.now() - started;
    const summary = summariseRun(run, profile.services, OPENING_MS);
    customers.push(...run.customers);
    abandoned += summary.overall.abandoned;
    waitSum += (summary.overall.meanWaitSeconds ?? 0) * summary.overall.called;
    called += summary.overall.called;
  }
  let withoutEstimatorMs = 0;
  for (let seed = 1; seed <= DAYS; seed++) {
    const started = performance.now();
    simulateLobby(daySetup(profile, { seed, openingMs: OPENING_MS, askEstimator: false }));
    withoutEstimatorMs += performance.now() - started;
  }
  const all = accuracyOf(customers);
  const tier = (t: Tier) => accuracyOf(customers.filter((c) => c.tier === t)).meanAbsoluteErrorSeconds;
  const naive = accuracyOf(customers, (c) => c.naiveEstimateSeconds);
  console.log(
    cols(
      [name, Math.round(customers.length / DAYS), sec(waitSum / called), pct(abandoned / customers.length), sec(all.meanAbsoluteErrorSeconds), pct(all.withinFiveMinutesShare), sec(all.meanSignedErrorSeconds), sec(tier('regular')), sec(tier('priority')), sec(tier('vip')), sec(naive.meanAbsoluteErrorSeconds), pct(naive.withinFiveMinutesShare)],
      widths,
    ),
  );
  speed.push(`${name.padStart(10)}: ${(withEstimatorMs / DAYS).toFixed(1)} ms per simulated day with an estimate for every arrival, ${(withoutEstimatorMs / DAYS).toFixed(1)} ms without`);
}
console.log('\nbias = mean of (actual − promised): negative when customers waited less than promised.');
console.log('naive = the usual queue-system figure, people ahead × configured service time ÷ open counters, as a baseline.');

console.log('\nSimulator speed (8-hour day, counters open until the hall is empty):');
for (const line of speed) console.log(line);

// The estimator on a large hall, as describeQueues runs it on every event.
const random = mulberry32(99);
const now = new Date(OPENING_MS + 3 * 3_600_000);
const services = ['A', 'B', 'C', 'D', 'E', 'V'];
const tiers: Tier[] = ['regular', 'regular', 'regular', 'regular', 'priority', 'vip'];
const waiting = Array.from({ length: 200 }, (_, i) => ({
  id: `t${String(i).padStart(3, '0')}`,
  serviceId: services[Math.floor(random() * 6)],
  tier: tiers[Math.floor(random() * tiers.length)],
  issuedAt: new Date(now.getTime() - (200 - i) * 15_000).toISOString(),
}));
const counters: EstimateCounter[] = Array.from({ length: 20 }, (_, i) => ({
  id: `c${i}`,
  vip: i >= 18,
  serviceIds: services.filter(() => random() < 0.5).concat(services[i % 6]),
  status: 'open',
  current: { serviceId: services[i % 6], startedAtMs: now.getTime() - random() * 600_000 },
  tieredCallsAt: [],
}));
const input = {
  now,
  waiting,
  counters,
  meanServiceSeconds: new Map(services.map((s, i) => [s, 180 + 60 * i])),
  targetWaitSeconds: new Map(services.map((s) => [s, 600])),
  settings: { regularCountersTakeVip: 'when_no_vip_counter' as const, maxCallsAheadOfOverdue: 2 },
  newcomerServiceIds: services,
};
for (let i = 0; i < 20; i++) estimateWaits(input);
let started = performance.now();
for (let i = 0; i < 100; i++) estimateWaits(input);
console.log(`\nEstimator: ${((performance.now() - started) / 100).toFixed(2)} ms for 200 waiting tickets at 20 counters (every ticket and a newcomer per service)`);

// What-if from a live demo hall: 30 waiting, counters 1, 3, 5 and 6 open.
const demo = BENCHMARK_PROFILES.demo();
const hallNow = OPENING_MS + 2 * 3_600_000;
const hall = {
  nowMs: hallNow,
  services: demo.services.map((s) => ({ ...s, arrivalsPerHour: [s.arrivalsPerHour[2]] })),
  counters: demo.counters.map((c) => ({
    id: c.id,
    number: c.number,
    vip: c.vip,
    serviceIds: c.serviceIds,
    status: [1, 3, 5, 6].includes(c.number) ? ('open' as const) : ('closed' as const),
    current: [1, 3, 5, 6].includes(c.number) ? { serviceId: c.serviceIds[0], startedAtMs: hallNow - 90_000 } : null,
    tieredCallsAt: [],
  })),
  waiting: Array.from({ length: 30 }, (_, i) => ({ id: `w${String(i).padStart(2, '0')}`, serviceId: demo.services[i % 5].id, tier: 'regular' as const, issuedAtMs: hallNow - (30 - i) * 40_000 })),
  settings: demo.settings,
};
predictWhatIf(hall, { action: 'open-counter', counterId: 'demo-counter-2' }, { runs: 20 });
started = performance.now();
const forecast = predictWhatIf(hall, { action: 'open-counter', counterId: 'demo-counter-2' }, { runs: 200 });
console.log(
  `What-if "open counter 2" (30 waiting, 200 runs × 2 scenarios of the next hour): ${(performance.now() - started).toFixed(0)} ms; ` +
    `longest wait ${sec(forecast.baseline.longestWaitSeconds.median)} → ${sec(forecast.withAction.longestWaitSeconds.median)}, ` +
    `mean wait ${sec(forecast.baseline.meanWaitSeconds.median)} → ${sec(forecast.withAction.meanWaitSeconds.median)} (medians)`,
);
