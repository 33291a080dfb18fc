import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/errors';
import { demoProfile } from '../../server/src/simulator/branch-profile';
import { predictWhatIf, type LiveHall, type WhatIfAction } from '../../server/src/simulator/what-if';

const NOW = Date.parse('2026-11-23T03:00:00.000Z');

/** The demo hall at 11:00: counters 1, 3 and 6 open, 20 cash customers and 4 foreign-exchange customers waiting. */
function hall(): LiveHall {
  const demo = demoProfile();
  const open = new Set([1, 3, 6]);
  return {
    nowMs: NOW,
    services: demo.services.map((s) => ({ ...s, arrivalsPerHour: [s.arrivalsPerHour[2]] })),
    counters: demo.counters.map((c) => ({
      id: c.id,
      number: c.number,
      vip: c.vip,
      serviceIds: c.serviceIds,
      status: open.has(c.number) ? 'open' : 'closed',
      current: open.has(c.number) ? { serviceId: c.serviceIds[0], startedAtMs: NOW - 120_000 } : null,
      tieredCallsAt: [],
    })),
    waiting: [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, serviceId: 'demo-a', tier: 'regular' as const, issuedAtMs: NOW - (20 - i) * 60_000 })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `d${i}`, serviceId: 'demo-d', tier: 'regular' as const, issuedAtMs: NOW - (10 - i) * 60_000 })),
    ],
    settings: demo.settings,
  };
}

const predict = (action: WhatIfAction, runs = 100) => predictWhatIf(hall(), action, { runs });

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, message: error.message } : String(error);
  }
  return 'did not throw';
}

describe('predictWhatIf', () => {
  it('predicts shorter waits when a closed counter opens', () => {
    const forecast = predict({ action: 'open-counter', counterId: 'demo-counter-2' });
    expect(forecast).toMatchObject({ runs: 100, horizonMinutes: 60 });
    expect(forecast.withAction.meanWaitSeconds.median).toBeLessThan(0.8 * forecast.baseline.meanWaitSeconds.median);
    expect(forecast.withAction.longestWaitSeconds.median).toBeLessThan(forecast.baseline.longestWaitSeconds.median);
    expect(forecast.withAction.waitingAtEnd.median).toBeLessThanOrEqual(forecast.baseline.waitingAtEnd.median);
  });

  it('predicts longer waits when an open counter closes', () => {
    const forecast = predict({ action: 'close-counter', counterId: 'demo-counter-3' });
    expect(forecast.withAction.meanWaitSeconds.median).toBeGreaterThan(forecast.baseline.meanWaitSeconds.median);
  });

  it('predicts shorter waits when customers go to the ATM, more so for more customers', () => {
    const five = predict({ action: 'divert', serviceId: 'demo-a', count: 5 });
    const ten = predict({ action: 'divert', serviceId: 'demo-a', count: 10 });
    expect(five.withAction.meanWaitSeconds.median).toBeLessThan(five.baseline.meanWaitSeconds.median);
    expect(ten.withAction.meanWaitSeconds.median).toBeLessThan(five.withAction.meanWaitSeconds.median);
    // The same seeds: the baseline does not depend on the action.
    expect(ten.baseline).toEqual(five.baseline);
  });

  it('predicts what moving a counter to foreign exchange does to both queues', () => {
    const forecast = predict({ action: 'reassign-counter', counterId: 'demo-counter-3', serviceIds: ['demo-d'] });
    // Counter 3 stops helping with cash: the longest wait (a cash customer) grows.
    expect(forecast.withAction.longestWaitSeconds.median).toBeGreaterThan(forecast.baseline.longestWaitSeconds.median);
  });

  it('is repeatable and orders each range', () => {
    const first = predict({ action: 'open-counter', counterId: 'demo-counter-4' }, 50);
    expect(predict({ action: 'open-counter', counterId: 'demo-counter-4' }, 50)).toEqual(first);
    for (const scenario of [first.baseline, first.withAction]) {
      for (const range of Object.values(scenario)) {
        expect(range.p10).toBeLessThanOrEqual(range.median);
        expect(range.median).toBeLessThanOrEqual(range.p90);
      }
    }
  });

  it('runs 200 scenarios of each kind in well under a second', () => {
    predict({ action: 'open-counter', counterId: 'demo-counter-2' }, 20);
    const started = performance.now();
    predict({ action: 'open-counter', counterId: 'demo-counter-2' }, 200);
    expect(performance.now() - started).toBeLessThan(800);
  });

  it.each([
    [{ action: 'open-counter', counterId: 'demo-counter-1' }, 'INVALID_TRANSITION', 'counter 1 is already open'],
    [{ action: 'close-counter', counterId: 'demo-counter-2' }, 'INVALID_TRANSITION', 'counter 2 is not open'],
    [{ action: 'open-counter', counterId: 'nope' }, 'NOT_FOUND', 'counter nope does not exist'],
    [{ action: 'divert', serviceId: 'demo-d', count: 5 }, 'VALIDATION_FAILED', 'only 4 customer(s) wait'],
    [{ action: 'divert', serviceId: 'demo-x', count: 1 }, 'NOT_FOUND', 'service demo-x does not exist'],
    [{ action: 'reassign-counter', counterId: 'demo-counter-3', serviceIds: ['demo-d', 'demo-x'] }, 'NOT_FOUND', 'service demo-x'],
  ] as [WhatIfAction, string, string][])('refuses %j', (action, code, message) => {
    const error = errorOf(() => predict(action, 20));
    expect(error).toMatchObject({ code });
    expect((error as { message: string }).message).toContain(message);
  });
});
