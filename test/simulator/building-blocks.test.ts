import { afterEach, describe, expect, it } from 'vitest';
import { BENCHMARK_PROFILES, demoProfile, parseProfile } from '../../server/src/simulator/branch-profile';
import { profileFromDatabase } from '../../server/src/simulator/database-profile';
import { percentile, waitFigures } from '../../server/src/simulator/day-summary';
import { EventQueue } from '../../server/src/simulator/event-queue';
import { exponential, lognormal, mulberry32 } from '../../server/src/simulator/random';
import { createTestApp, MORNING, type TestApp } from '../helpers/test-app';

describe('random numbers', () => {
  it('repeat with the seed and stay in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(mulberry32(8)()).not.toBe(draws[0]);
  });

  it.each([
    { name: 'exponential', draw: (r: () => number) => exponential(r, 120), mean: 120, sd: 120 },
    { name: 'lognormal', draw: (r: () => number) => lognormal(r, 300, 0.6), mean: 300, sd: 180 },
  ])('draw $name values with the asked mean and spread', ({ draw, mean, sd }) => {
    const random = mulberry32(1);
    const values = Array.from({ length: 200_000 }, () => draw(random));
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length;
    expect(m).toBeCloseTo(mean, -1);
    expect(Math.sqrt(variance) / sd).toBeGreaterThan(0.97);
    expect(Math.sqrt(variance) / sd).toBeLessThan(1.03);
  });
});

describe('EventQueue', () => {
  it('pops events by time, first come first served at the same time', () => {
    const queue = new EventQueue<string>();
    for (const [at, name] of [[5, 'e'], [1, 'a'], [3, 'c1'], [3, 'c2'], [2, 'b'], [3, 'c3']] as const) queue.push(at, name);
    const order: string[] = [];
    while (queue.size) order.push(queue.pop()!);
    expect(order).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e']);
    expect(queue.peekTime()).toBe(Infinity);
  });
});

describe('day figures', () => {
  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.1), percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 1)]).toEqual([1, 5, 9, 10]);
    expect(percentile([], 0.5)).toBeNull();
    expect(waitFigures([30, 10, 20])).toEqual({ meanWaitSeconds: 20, p90WaitSeconds: 30, maxWaitSeconds: 30 });
  });
});

describe('branch profiles', () => {
  it('accepts every built-in profile as a config file would', () => {
    for (const make of Object.values(BENCHMARK_PROFILES)) expect(parseProfile(JSON.parse(JSON.stringify(make())))).toEqual(make());
  });

  it('says what is wrong with a config file', () => {
    const broken = { ...demoProfile(), hours: -1 };
    expect(() => parseProfile(broken)).toThrow(/invalid branch profile: \/hours: Expected number to be greater than 0/);
    const unknown = { ...demoProfile(), counters: [{ id: 'x', number: 9, vip: false, serviceIds: ['demo-z'], shifts: [[0, 8]] }] };
    expect(() => parseProfile(unknown)).toThrow('counter 9 serves unknown service demo-z');
  });

  describe('from the database', () => {
    let t: TestApp;
    afterEach(() => t.close());

    it('matches the built-in demo profile’s services and counters for the seeded demo branch', async () => {
      t = await createTestApp();
      const profile = await profileFromDatabase(t.app.lobby.db, 'demo', new Date(MORNING), 8);
      const builtIn = demoProfile();
      const shape = (p: typeof builtIn) => ({
        services: p.services.map((s) => [s.id, s.label, s.meanServiceSeconds, s.targetWaitSeconds]),
        counters: p.counters.map((c) => [c.id, c.number, c.vip, [...c.serviceIds].sort()]),
      });
      expect(shape(profile!)).toEqual(shape(builtIn));
      // Without history: the demo day's arrivals.
      expect(profile!.services.map((s) => s.arrivalsPerHour)).toEqual(builtIn.services.map((s) => s.arrivalsPerHour));
      expect(await profileFromDatabase(t.app.lobby.db, 'nowhere', new Date(MORNING), 8)).toBeNull();
    });
  });
});
