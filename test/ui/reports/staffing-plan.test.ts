import { describe, expect, it, vi } from 'vitest';
import type { StaffingQuery } from '../../../protocol/forecast-schemas.js';
import { staffing } from '../../../server/src/domain/erlang-c.js';
import {
  cachedLookup,
  computeStaffingPlan,
  DEFAULT_TARGET,
  parseTarget,
  peakHour,
  planningHours,
  pooledLoad,
  type ServiceArrivals,
} from '../../../manager-ui/src/staffing/staffing-plan.js';

const day = (busy: Record<number, number>) => Array.from({ length: 24 }, (_, h) => busy[h] ?? 0);

/** The server's own calculator, as the page would reach it over HTTP. */
const serverLookup = vi.fn(async (query: StaffingQuery) => staffing(query));

const cash: ServiceArrivals = { serviceId: 'cash', arrivalsPerHour: day({ 9: 20, 10: 30, 12: 10 }), meanServiceSeconds: 240 };
const fx: ServiceArrivals = { serviceId: 'fx', arrivalsPerHour: day({ 10: 6, 12: 2 }), meanServiceSeconds: 300 };

describe('staffing plan', () => {
  it('plans the hours from the first arrival to the last', () => {
    expect(planningHours([cash, fx])).toEqual([9, 10, 11, 12]);
    expect(planningHours([{ ...cash, arrivalsPerHour: day({}) }])).toEqual([]);
  });

  it('pools services into one queue: arrivals add up, service time is their weighted mean', () => {
    expect(pooledLoad([cash, fx], 10)).toEqual({ arrivalsPerHour: 36, meanServiceSeconds: (30 * 240 + 6 * 300) / 36 });
    expect(pooledLoad([cash, fx], 11)).toBeNull();
  });

  it('gives each hour the counters per service, their sum, and the shared need, from the calculator', async () => {
    const plan = await computeStaffingPlan([cash, fx], DEFAULT_TARGET, serverLookup);
    expect(plan.map((h) => h.hour)).toEqual([9, 10, 11, 12]);
    const ten = plan[1];
    // 30 customers × 4 min = 2 Erlangs; 80% within 10 min needs 3 counters; 6 × 5 min = 0.5 Erlang needs 1.
    expect(ten.countersByService).toEqual({ cash: staffing({ arrivalsPerHour: 30, meanServiceSeconds: 240, ...DEFAULT_TARGET }).counters, fx: 1 });
    expect(ten.sumOfServices).toBe(ten.countersByService.cash + 1);
    expect(ten.shared).toBe(staffing({ arrivalsPerHour: 36, meanServiceSeconds: 250, ...DEFAULT_TARGET }).counters);
    expect(ten.shared).toBeLessThanOrEqual(ten.sumOfServices);
    expect(ten.arrivalsPerHour).toBe(36);
    expect(ten.sharedFigures?.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('needs no counter in an hour nobody comes, and asks nothing for it', async () => {
    serverLookup.mockClear();
    const plan = await computeStaffingPlan([cash, fx], DEFAULT_TARGET, serverLookup);
    const eleven = plan.find((h) => h.hour === 11)!;
    expect(eleven).toMatchObject({ arrivalsPerHour: 0, shared: 0, sumOfServices: 0, sharedFigures: null, countersByService: { cash: 0, fx: 0 } });
    for (const [query] of serverLookup.mock.calls) expect(query.arrivalsPerHour).toBeGreaterThan(0);
  });

  it('needs more counters for a stricter target', async () => {
    const relaxed = await computeStaffingPlan([cash], { serviceLevel: 0.8, targetSeconds: 900 }, serverLookup);
    const strict = await computeStaffingPlan([cash], { serviceLevel: 0.95, targetSeconds: 60 }, serverLookup);
    expect(strict[1].shared).toBeGreaterThan(relaxed[1].shared);
  });

  it('finds the peak hour by shared counters', async () => {
    const plan = await computeStaffingPlan([cash, fx], DEFAULT_TARGET, serverLookup);
    expect(peakHour(plan)?.hour).toBe(10);
    expect(peakHour([])).toBeNull();
  });

  it('asks the calculator once for equal questions, and again after a failure', async () => {
    const lookup = vi.fn(async (query: StaffingQuery) => staffing(query));
    const cached = cachedLookup(lookup);
    const query = { arrivalsPerHour: 10, meanServiceSeconds: 240, ...DEFAULT_TARGET };
    await Promise.all([cached(query), cached({ ...query })]);
    expect(lookup).toHaveBeenCalledTimes(1);

    const flaky = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(staffing(query));
    const retrying = cachedLookup(flaky);
    await expect(retrying(query)).rejects.toThrow('offline');
    await expect(retrying(query)).resolves.toMatchObject({ counters: expect.any(Number) });
  });

  it('reads the target form: a share strictly between 0 and 100%, a wait from 1 minute', () => {
    expect(parseTarget(80, 10)).toEqual(DEFAULT_TARGET);
    expect(parseTarget(90, 2.5)).toEqual({ serviceLevel: 0.9, targetSeconds: 150 });
    expect(parseTarget(100, 10)).toBeNull();
    expect(parseTarget(0, 10)).toBeNull();
    expect(parseTarget(80, 0)).toBeNull();
    expect(parseTarget(Number.NaN, 10)).toBeNull();
  });
});
