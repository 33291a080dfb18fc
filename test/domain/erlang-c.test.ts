import { describe, expect, it } from 'vitest';
import { ErlangCError, erlangB, erlangC, staffing } from '../../server/src/domain/erlang-c';

// Expected values below were cross-checked once with an independent direct-formula
// computation (sum of A^k/k! in exact rationals, exp at 50 digits) before being committed.

// Call Centre Helper worked example (callcentrehelper.com/erlang-c-formula-example-121281.htm),
// also the pyworkforce README example: 100 calls per 30 min = 200/h, 180 s handling -> A = 10 Erlangs.
const callCentre = { arrivalsPerHour: 200, meanServiceSeconds: 180, targetSeconds: 20 };

/** Returns the ErlangCError code thrown by `run`, or a marker that makes the assertion fail. */
function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof ErlangCError ? error.code : `not an ErlangCError: ${String(error)}`;
  }
  return 'did not throw';
}

/** Erlang C computed directly in log-space (log-sum-exp over A^k/k!), independent of the B recursion. */
function erlangCLogSpace(traffic: number, counters: number): number {
  const logTerms: number[] = [];
  let logFactorial = 0;
  for (let k = 0; k <= counters; k++) {
    if (k > 0) logFactorial += Math.log(k);
    logTerms.push(k * Math.log(traffic) - logFactorial);
  }
  const logQueued = logTerms[counters] + Math.log(counters / (counters - traffic));
  const logAll = [...logTerms.slice(0, counters), logQueued];
  const max = Math.max(...logAll);
  const logDenominator = max + Math.log(logAll.reduce((sum, t) => sum + Math.exp(t - max), 0));
  return Math.exp(logQueued - logDenominator);
}

describe('erlangB', () => {
  it.each([
    { traffic: 1, servers: 1, blocking: 0.5 },
    { traffic: 2, servers: 2, blocking: 0.4 },
    { traffic: 10, servers: 10, blocking: 0.2145823431 },
    { traffic: 5, servers: 10, blocking: 0.0183845703 },
    { traffic: 480, servers: 500, blocking: 0.0143257807 },
  ])('gives B($traffic Erlangs, $servers servers) = $blocking', ({ traffic, servers, blocking }) => {
    expect(erlangB(traffic, servers)).toBeCloseTo(blocking, 9);
  });

  // Capacity tables list the load (rounded to 3 decimals) that gives the target blocking, so the
  // target must lie between B at the load ± half a unit in the last place.
  // 1%: erlang.com calculator manual (15 lines -> 8.108 E). 2%: Lucent Erlang-B capacity table.
  it.each([
    { servers: 15, load: 8.108, target: 0.01 },
    { servers: 1, load: 0.02, target: 0.02 },
    { servers: 5, load: 1.657, target: 0.02 },
    { servers: 9, load: 4.345, target: 0.02 },
    { servers: 15, load: 9.01, target: 0.02 },
    { servers: 21, load: 14.036, target: 0.02 },
    { servers: 31, load: 22.827, target: 0.02 },
    { servers: 51, load: 41.189, target: 0.02 },
    { servers: 89, load: 77.342, target: 0.02 },
  ])('reproduces the published table: $servers lines carry $load E at $target blocking', ({ servers, load, target }) => {
    expect(erlangB(load - 0.0005, servers)).toBeLessThanOrEqual(target);
    expect(erlangB(load + 0.0005, servers)).toBeGreaterThanOrEqual(target);
  });

  it('blocks everything with no servers and nothing with no traffic', () => {
    expect(erlangB(3, 0)).toBe(1);
    expect(erlangB(0, 4)).toBe(0);
  });
});

describe('erlangC', () => {
  it('matches the published 14-counter result for 10 Erlangs (pyworkforce README)', () => {
    const result = erlangC({ ...callCentre, counters: 14 });
    expect(result.trafficErlangs).toBe(10);
    expect(result.probabilityOfWaiting).toBeCloseTo(0.1741319336, 9);
    expect(result.serviceLevel).toBeCloseTo(0.8883500192, 9);
    expect(result.occupancy).toBeCloseTo(10 / 14, 12);
  });

  // 11 counters is the worked example's first step (P(wait) 0.6821, Wq = 0.6821 x 180 / 1 s).
  it.each([
    { counters: 11, probabilityOfWaiting: 0.6821182047, serviceLevel: 0.3896138117, meanWaitSeconds: 122.7812768 },
    { counters: 12, probabilityOfWaiting: 0.4493882243, serviceLevel: 0.6401580404, meanWaitSeconds: 40.44494019 },
    { counters: 13, probabilityOfWaiting: 0.285270453, serviceLevel: 0.7955947884, meanWaitSeconds: 17.11622718 },
    { counters: 14, probabilityOfWaiting: 0.1741319336, serviceLevel: 0.8883500192, meanWaitSeconds: 7.835937012 },
    { counters: 15, probabilityOfWaiting: 0.102042367, serviceLevel: 0.9414528429, meanWaitSeconds: 3.673525212 },
  ])('with $counters counters for 10 Erlangs waits with P = $probabilityOfWaiting', (row) => {
    const result = erlangC({ ...callCentre, counters: row.counters });
    expect(result.probabilityOfWaiting).toBeCloseTo(row.probabilityOfWaiting, 9);
    expect(result.serviceLevel).toBeCloseTo(row.serviceLevel, 9);
    expect(result.meanWaitSeconds).toBeCloseTo(row.meanWaitSeconds, 6);
  });

  it('handles minutes-scale service: 360 per half hour, 4 min service, 55 counters, 15 s target', () => {
    const result = erlangC({ arrivalsPerHour: 720, meanServiceSeconds: 240, counters: 55, targetSeconds: 15 });
    expect(result.trafficErlangs).toBe(48);
    expect(result.probabilityOfWaiting).toBeCloseTo(0.2387009364, 9);
    expect(result.serviceLevel).toBeCloseTo(0.8458830922, 9);
    expect(result.meanWaitSeconds).toBeCloseTo(8.184032104, 8);
  });

  it('never makes anyone wait when nobody arrives', () => {
    expect(erlangC({ ...callCentre, arrivalsPerHour: 0, counters: 1 })).toEqual({
      probabilityOfWaiting: 0,
      meanWaitSeconds: 0,
      serviceLevel: 1,
      occupancy: 0,
      trafficErlangs: 0,
    });
  });
});

describe('large branches stay numerically stable', () => {
  it.each([
    { traffic: 480, counters: 500, exact: 0.266512519962 },
    { traffic: 990, counters: 1000, exact: 0.659080421881 },
  ])('c = $counters, A = $traffic agrees with exact and log-space results', ({ traffic, counters, exact }) => {
    const { probabilityOfWaiting, serviceLevel, meanWaitSeconds } = erlangC({
      arrivalsPerHour: traffic * 20, // 180 s service -> 20 arrivals per hour per Erlang
      meanServiceSeconds: 180,
      counters,
      targetSeconds: 20,
    });
    expect(probabilityOfWaiting).toBeGreaterThan(0);
    expect(probabilityOfWaiting).toBeLessThan(1);
    expect(Number.isFinite(serviceLevel) && Number.isFinite(meanWaitSeconds)).toBe(true);
    expect(probabilityOfWaiting).toBeCloseTo(exact, 11);
    expect(probabilityOfWaiting).toBeCloseTo(erlangCLogSpace(traffic, counters), 9);
  });
});

describe('staffing', () => {
  it('needs 14 counters for 80% within 20 s at 10 Erlangs, because 13 only reach 79.6%', () => {
    const plan = staffing({ ...callCentre, serviceLevel: 0.8 });
    expect(plan.counters).toBe(14);
    expect(plan.serviceLevel).toBeCloseTo(0.8883500192, 9);
    expect(erlangC({ ...callCentre, counters: 13 }).serviceLevel).toBeLessThan(0.8);
  });

  it.each([
    { arrivalsPerHour: 200, serviceLevel: 0.5, counters: 12 },
    { arrivalsPerHour: 200, serviceLevel: 0.9, counters: 15 },
    { arrivalsPerHour: 9600, serviceLevel: 0.8, counters: 490 },
  ])('staffs $arrivalsPerHour arrivals/h at $serviceLevel with $counters counters', (row) => {
    const plan = staffing({ ...callCentre, arrivalsPerHour: row.arrivalsPerHour, serviceLevel: row.serviceLevel });
    expect(plan.counters).toBe(row.counters);
    expect(plan.serviceLevel).toBeGreaterThanOrEqual(row.serviceLevel);
  });

  it('opens one idle counter when nobody arrives', () => {
    expect(staffing({ ...callCentre, arrivalsPerHour: 0, serviceLevel: 0.8 })).toEqual({
      counters: 1,
      probabilityOfWaiting: 0,
      meanWaitSeconds: 0,
      serviceLevel: 1,
      occupancy: 0,
      trafficErlangs: 0,
    });
  });

  it('refuses plans that would need more than maxCounters', () => {
    expect(staffing({ ...callCentre, serviceLevel: 0.8, maxCounters: 14 }).counters).toBe(14);
    expect(errorCode(() => staffing({ ...callCentre, serviceLevel: 0.8, maxCounters: 13 }))).toBe('OVER_CAPACITY');
    expect(errorCode(() => staffing({ ...callCentre, arrivalsPerHour: 20_020, serviceLevel: 0.8 }))).toBe(
      'OVER_CAPACITY',
    );
  });
});

describe('errors', () => {
  it('reports over capacity with the offered load and the counters', () => {
    expect(() => erlangC({ ...callCentre, counters: 9 })).toThrow(
      'offered load 10.0 Erlangs needs more than 9 counters',
    );
    expect(errorCode(() => erlangC({ ...callCentre, counters: 10 }))).toBe('OVER_CAPACITY');
  });

  const valid = { ...callCentre, counters: 14 };
  it.each([
    ['NaN arrivals', () => erlangC({ ...valid, arrivalsPerHour: Number.NaN })],
    ['infinite arrivals', () => erlangC({ ...valid, arrivalsPerHour: Number.POSITIVE_INFINITY })],
    ['negative arrivals', () => erlangC({ ...valid, arrivalsPerHour: -1 })],
    ['zero counters', () => erlangC({ ...valid, counters: 0 })],
    ['fractional counters', () => erlangC({ ...valid, counters: 12.5 })],
    ['zero service time', () => erlangC({ ...valid, meanServiceSeconds: 0 })],
    ['negative service time', () => erlangC({ ...valid, meanServiceSeconds: -180 })],
    ['negative target', () => erlangC({ ...valid, targetSeconds: -1 })],
    ['service level 0', () => staffing({ ...callCentre, serviceLevel: 0 })],
    ['service level 1', () => staffing({ ...callCentre, serviceLevel: 1 })],
    ['service level NaN', () => staffing({ ...callCentre, serviceLevel: Number.NaN })],
    ['fractional maxCounters', () => staffing({ ...callCentre, serviceLevel: 0.8, maxCounters: 20.5 })],
    ['negative traffic for B', () => erlangB(-1, 3)],
    ['fractional servers for B', () => erlangB(1, 2.5)],
  ])('rejects %s as INVALID_INPUT', (_label, run) => {
    expect(errorCode(run)).toBe('INVALID_INPUT');
  });
});
