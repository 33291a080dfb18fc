import { describe, expect, it } from 'vitest';
import { erlangC } from '../../server/src/domain/erlang-c';
import { BENCHMARK_PROFILES, demoProfile, type BranchProfile } from '../../server/src/simulator/branch-profile';
import { summariseRun } from '../../server/src/simulator/day-summary';
import { daySetup, NO_SHOW_MS, simulateLobby } from '../../server/src/simulator/lobby-simulation';

const OPENING = Date.parse('2026-11-23T01:00:00.000Z');
const HOUR = 3_600_000;

const runDay = (profile: BranchProfile, seed: number, askEstimator = false) =>
  simulateLobby(daySetup(profile, { seed, openingMs: OPENING, askEstimator }));

/** Mean wait of the called customers over several seeded days. */
function meanWait(profile: BranchProfile, seeds = [1, 2, 3, 4, 5]) {
  const waits = seeds.flatMap((seed) => runDay(profile, seed).customers.filter((c) => c.calledAtMs !== null).map((c) => c.calledAtMs! - c.issuedAtMs));
  return waits.reduce((sum, w) => sum + w, 0) / waits.length / 1000;
}

/** A one-service hall: `counters` identical counters all day, 30 customers an hour, 4-minute services. */
function smallHall(counters: number, changes: Partial<BranchProfile> = {}, hours = 4): BranchProfile {
  return {
    name: 'small',
    hours,
    services: [
      { id: 'A', label: 'A', meanServiceSeconds: 240, serviceCv: 0.5, targetWaitSeconds: 600, arrivalsPerHour: [30], vipShare: 0, priorityShare: 0, divertShare: 0 },
    ],
    counters: Array.from({ length: counters }, (_, i) => ({ id: `c${i + 1}`, number: i + 1, vip: false, serviceIds: ['A'], shifts: [[0, hours]] as [number, number][] })),
    settings: { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 2 },
    patienceSeconds: null,
    ...changes,
  };
}

describe('simulateLobby', () => {
  it('repeats a day exactly with the same seed', () => {
    const first = runDay(demoProfile(), 42, true);
    const again = runDay(demoProfile(), 42, true);
    expect(again).toEqual(first);
    expect(first.customers.length).toBeGreaterThan(100);
    expect(runDay(demoProfile(), 43, true).customers).not.toEqual(first.customers);
  });

  it('makes customers wait less when more counters are open', () => {
    const demo = demoProfile();
    const fewer = { ...demo, counters: demo.counters.filter((c) => c.number !== 3 && c.number !== 4) };
    const more = { ...demo, counters: [...demo.counters, { ...demo.counters[0], id: 'extra', number: 7, shifts: [[0, 8]] as [number, number][] }] };
    const [few, usual, many] = [fewer, demo, more].map((p) => meanWait(p));
    expect(few).toBeGreaterThan(usual);
    expect(usual).toBeGreaterThan(many);
  });

  it('agrees with queueing theory for a steady one-service hall', () => {
    // 30 an hour at 4 minutes on 3 counters: A = 2 Erlangs. Erlang C gives the mean wait for
    // exponential services; for lognormal ones with CV 0.5 the usual M/G/c approximation scales it
    // by (1 + CV²) / 2. The day starts with an empty hall, so allow for that.
    const exponential = erlangC({ arrivalsPerHour: 30, meanServiceSeconds: 240, counters: 3, targetSeconds: 0 }).meanWaitSeconds;
    const expected = ((1 + 0.5 ** 2) / 2) * exponential;
    const simulated = meanWait(smallHall(3, {}, 8), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(simulated).toBeGreaterThan(0.7 * expected);
    expect(simulated).toBeLessThan(1.2 * expected);
  });

  it('sends customers to self-service at the given rate instead of issuing tickets', () => {
    const hall = smallHall(2);
    const run = runDay({ ...hall, services: [{ ...hall.services[0], divertShare: 0.3 }] }, 1);
    const diverted = run.diverted.get('A') ?? 0;
    const share = diverted / (diverted + run.customers.length);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('lets impatient customers give up; their call then costs the counter only a short no-show', () => {
    const crowded = smallHall(1, { patienceSeconds: 10 * 60 });
    const run = runDay(crowded, 1);
    const gaveUp = run.customers.filter((c) => c.abandonedAtMs !== null);
    expect(gaveUp.length).toBeGreaterThan(10);
    for (const c of gaveUp) {
      expect(c.calledAtMs).toBeNull();
      expect(c.abandonedAtMs! - c.issuedAtMs).toBeGreaterThan(0);
    }
    expect(runDay(smallHall(1), 1).customers.every((c) => c.abandonedAtMs === null)).toBe(true);
    expect(NO_SHOW_MS).toBe(60_000);
  });

  it('calls VIP customers first at the VIP counter, with the server’s own rule', () => {
    const hall = smallHall(1);
    const vipHall: BranchProfile = { ...hall, services: [{ ...hall.services[0], vipShare: 0.3, arrivalsPerHour: [16] }], counters: [{ ...hall.counters[0], vip: true }] };
    const customers = [1, 2, 3].flatMap((seed) => runDay(vipHall, seed).customers.filter((c) => c.calledAtMs !== null));
    const mean = (tier: string) => {
      const waits = customers.filter((c) => c.tier === tier).map((c) => c.calledAtMs! - c.issuedAtMs);
      return waits.reduce((s, w) => s + w, 0) / waits.length;
    };
    expect(mean('vip')).toBeLessThan(0.5 * mean('regular'));
  });

  it('calls nobody at a counter outside its hours, and serves everyone left at closing', () => {
    const hall = smallHall(1);
    const lateStart = { ...hall, counters: [{ ...hall.counters[0], shifts: [[1, 4]] as [number, number][] }] };
    const run = runDay(lateStart, 3);
    const calls = run.customers.map((c) => c.calledAtMs!);
    expect(Math.min(...calls)).toBeGreaterThanOrEqual(OPENING + HOUR);
    expect(run.customers.every((c) => c.calledAtMs !== null)).toBe(true);
    expect(Math.max(...run.customers.map((c) => c.issuedAtMs))).toBeLessThan(OPENING + 4 * HOUR);
  });

  it('asks the wait estimator for every arriving customer and measures its error', () => {
    const profile = demoProfile();
    const run = runDay(profile, 7, true);
    expect(run.customers.every((c) => c.estimateSeconds !== null && c.estimateSeconds >= 0)).toBe(true);
    const summary = summariseRun(run, profile.services, OPENING);
    expect(summary.estimate.tickets).toBe(summary.overall.called);
    expect(summary.estimate.meanAbsoluteErrorSeconds).toBeGreaterThan(0);
    expect(summary.estimate.meanAbsoluteErrorSeconds).toBeLessThan(5 * 60);
  });

  it.each(Object.keys(BENCHMARK_PROFILES))('simulates a whole %s day, estimates included, well under a second', (name) => {
    const profile = BENCHMARK_PROFILES[name]();
    runDay(profile, 1, true);
    const started = performance.now();
    runDay(profile, 2, true);
    expect(performance.now() - started).toBeLessThan(800);
  });
});

describe('summariseRun', () => {
  it('counts service level over those who were called or gave up', () => {
    const hall = smallHall(1, { patienceSeconds: 15 * 60 });
    const run = runDay(hall, 1);
    const summary = summariseRun(run, hall.services, OPENING);
    const a = summary.services[0];
    expect(a.tickets).toBe(run.customers.length);
    expect(a.called + a.abandoned + a.unserved).toBe(a.tickets);
    const withinTarget = run.customers.filter((c) => c.calledAtMs !== null && c.calledAtMs - c.issuedAtMs <= 600_000).length;
    expect(a.serviceLevel).toBeCloseTo(withinTarget / (a.called + a.abandoned), 12);
    expect(a.p90WaitSeconds!).toBeLessThanOrEqual(a.maxWaitSeconds!);
  });
});
