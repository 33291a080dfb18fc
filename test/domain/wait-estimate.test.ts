import { describe, expect, it } from 'vitest';
import { pickNextTicket, type WaitingTicket } from '../../server/src/domain/call-order';
import {
  estimateNewTicket,
  estimateWaits,
  expectedRemainingSeconds,
  type EstimateCounter,
  type WaitEstimateInput,
} from '../../server/src/domain/wait-estimate';
import type { Tier } from '../../protocol/schemas';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const ticket = (id: string, serviceId: string, waitedMinutes: number, tier: Tier = 'regular'): WaitingTicket => ({
  id,
  serviceId,
  tier,
  issuedAt: minutesAgo(waitedMinutes),
});

const counter = (id: string, serviceIds: string[], extra: Partial<EstimateCounter> = {}): EstimateCounter => ({
  id,
  vip: false,
  serviceIds,
  status: 'open',
  current: null,
  tieredCallsAt: [],
  ...extra,
});

function input(waiting: WaitingTicket[], counters: EstimateCounter[], extra: Partial<WaitEstimateInput> = {}): WaitEstimateInput {
  return {
    now: NOW,
    waiting,
    counters,
    meanServiceSeconds: new Map([
      ['A', 300],
      ['B', 600],
      ['V', 600],
    ]),
    // Long targets: fairness stays out of the way unless a case sets its own.
    targetWaitSeconds: new Map([
      ['A', 3600],
      ['B', 3600],
      ['V', 3600],
    ]),
    settings: { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 2 },
    newcomerServiceIds: ['A', 'B', 'V'],
    ...extra,
  };
}

const waits = (i: WaitEstimateInput) => Object.fromEntries(estimateWaits(i).waitSeconds);
const newcomer = (i: WaitEstimateInput) => Object.fromEntries(estimateWaits(i).newcomerWaitSeconds);

describe('expectedRemainingSeconds', () => {
  it.each([
    { mean: 300, elapsed: null, remaining: 300, why: 'called, not yet at the counter: a whole service' },
    { mean: 300, elapsed: 0, remaining: 300, why: 'service just started' },
    { mean: 300, elapsed: 100, remaining: 200, why: 'a third done' },
    { mean: 300, elapsed: 250, remaining: 90, why: 'near the mean: never less than 30% of it' },
    { mean: 300, elapsed: 5400, remaining: 90, why: 'left open over lunch: still only 30% of the mean' },
    { mean: 300, elapsed: -20, remaining: 300, why: 'clock skew is treated as not started' },
  ])('$why', ({ mean, elapsed, remaining }) => {
    expect(expectedRemainingSeconds(mean, elapsed)).toBe(remaining);
  });
});

describe('estimateWaits', () => {
  it.each([
    {
      name: 'queues three regular tickets at one free counter, one mean service apart',
      case: input([ticket('a1', 'A', 3), ticket('a2', 'A', 2), ticket('a3', 'A', 1)], [counter('c1', ['A'])]),
      waits: { a1: 0, a2: 300, a3: 600 },
      newcomerA: 900,
    },
    {
      name: 'shares the queue between two counters',
      case: input([ticket('a1', 'A', 4), ticket('a2', 'A', 3), ticket('a3', 'A', 2), ticket('a4', 'A', 1)], [counter('c1', ['A']), counter('c2', ['A'])]),
      waits: { a1: 0, a2: 0, a3: 300, a4: 300 },
      newcomerA: 600,
    },
    {
      name: 'waits for the current customer, by how long they have already been served',
      case: input([ticket('a1', 'A', 2), ticket('a2', 'A', 1)], [counter('c1', ['A'], { current: { serviceId: 'A', startedAtMs: NOW.getTime() - 100_000 } })]),
      waits: { a1: 200, a2: 500 },
      newcomerA: 800,
    },
    {
      name: 'uses the current customer’s own service time (a B customer at an A/B counter)',
      case: input([ticket('a1', 'A', 1)], [counter('c1', ['A', 'B'], { current: { serviceId: 'B', startedAtMs: null } })]),
      waits: { a1: 600 },
      newcomerA: 900,
    },
    {
      name: 'serves older tickets of another service first at a shared counter',
      case: input([ticket('b1', 'B', 5), ticket('a1', 'A', 1)], [counter('c1', ['A', 'B'])]),
      waits: { b1: 0, a1: 600 },
      newcomerA: 900,
    },
    {
      name: 'calls priority before older regular tickets',
      case: input([ticket('a1', 'A', 9), ticket('p1', 'A', 1, 'priority')], [counter('c1', ['A'])]),
      waits: { p1: 0, a1: 300 },
      newcomerA: 600,
    },
    {
      name: 'sends VIP tickets to the open VIP counter, not to the regular one',
      case: input(
        [ticket('v1', 'A', 1, 'vip'), ticket('v2', 'A', 1, 'vip'), ticket('a1', 'A', 3), ticket('a2', 'A', 2)],
        [counter('c1', ['A']), counter('vip', ['A'], { vip: true, current: { serviceId: 'A', startedAtMs: NOW.getTime() - 200_000 } })],
      ),
      // The VIP counter is free in 100 s and takes both VIPs; a1 and a2 queue at counter 1 only.
      waits: { v1: 100, v2: 400, a1: 0, a2: 300 },
      newcomerA: 600,
    },
    {
      name: 'ignores paused and closed counters',
      case: input([ticket('a1', 'A', 2), ticket('a2', 'A', 1)], [counter('c1', ['A']), counter('c2', ['A'], { status: 'paused' }), counter('c3', ['A'], { status: 'closed' })]),
      waits: { a1: 0, a2: 300 },
      newcomerA: 600,
    },
    {
      name: 'assumes a counter opens now when none serving the service is open',
      case: input([ticket('b1', 'B', 2), ticket('b2', 'B', 1)], [counter('c1', ['A'])]),
      waits: { b1: 0, b2: 600 },
      newcomerA: 0,
    },
    {
      name: 'gives a VIP ticket a stand-in counter when regular counters may never take VIPs',
      case: input([ticket('v1', 'A', 1, 'vip'), ticket('a1', 'A', 2)], [counter('c1', ['A'])], {
        settings: { regularCountersTakeVip: 'never', maxCallsAheadOfOverdue: 2 },
      }),
      waits: { v1: 0, a1: 0 },
      newcomerA: 300,
    },
    {
      name: 'lets an overdue regular ticket go before priority once enough were called ahead of it',
      case: input(
        [ticket('a1', 'A', 10), ticket('p1', 'A', 1, 'priority'), ticket('p2', 'A', 1, 'priority')],
        [counter('c1', ['A'], { tieredCallsAt: [minutesAgo(3), minutesAgo(2)] })],
        { targetWaitSeconds: new Map([['A', 300]]) },
      ),
      waits: { a1: 0, p1: 300, p2: 600 },
      newcomerA: 900,
    },
    {
      name: 'keeps the overdue regular ticket behind priority while fewer were called ahead',
      case: input(
        [ticket('a1', 'A', 10), ticket('p1', 'A', 1, 'priority'), ticket('p2', 'A', 1, 'priority')],
        [counter('c1', ['A'], { tieredCallsAt: [minutesAgo(2)] })],
        { targetWaitSeconds: new Map([['A', 300]]) },
      ),
      // One call ahead already, p1 makes two: then a1 must come before p2.
      waits: { p1: 0, a1: 300, p2: 600 },
      newcomerA: 900,
    },
  ])('$name', ({ case: c, waits: expected, newcomerA }) => {
    expect(waits(c)).toEqual(expected);
    expect(newcomer(c).A).toBe(newcomerA);
  });

  it('estimates a service served only by the VIP counter behind everything that counter takes', () => {
    const c = input([ticket('a1', 'A', 2), ticket('v1', 'V', 1)], [counter('vip', ['V', 'A'], { vip: true })]);
    expect(waits(c)).toEqual({ a1: 0, v1: 300 });
    expect(newcomer(c).V).toBe(900);
  });

  it('returns nothing to wait for in an empty hall', () => {
    const c = input([], [counter('c1', ['A'], { current: { serviceId: 'A', startedAtMs: NOW.getTime() } })]);
    expect(waits(c)).toEqual({});
    expect(newcomer(c)).toEqual({ A: 300, B: 0, V: 0 });
  });
});

/** A seeded generator so the random cases are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHall(seed: number, tickets: number, counters: number): WaitEstimateInput {
  const rand = random(seed);
  const services = ['A', 'B', 'V'];
  const tiers: Tier[] = ['regular', 'regular', 'regular', 'priority', 'vip'];
  const waiting = Array.from({ length: tickets }, (_, i) =>
    ticket(`t${i}`, services[Math.floor(rand() * 3)], 1 + Math.floor(rand() * 40), tiers[Math.floor(rand() * tiers.length)]),
  );
  const halls = Array.from({ length: counters }, (_, i) =>
    counter(`c${i}`, services.filter(() => rand() < 0.6), {
      vip: rand() < 0.2,
      status: rand() < 0.8 ? 'open' : 'paused',
      current: rand() < 0.5 ? { serviceId: 'A', startedAtMs: NOW.getTime() - rand() * 600_000 } : null,
      tieredCallsAt: rand() < 0.5 ? [minutesAgo(5)] : [],
    }),
  );
  return input(waiting, halls, {
    targetWaitSeconds: new Map([
      ['A', 600],
      ['B', 900],
      ['V', 300],
    ]),
    settings: { regularCountersTakeVip: (['when_no_vip_counter', 'always', 'never'] as const)[seed % 3], maxCallsAheadOfOverdue: seed % 3 },
  });
}

/** The obvious replay: every call sees the whole waiting list, as the queue service does. */
function naiveCallTimes(i: WaitEstimateInput): Map<string, number> {
  const mean = (s: string) => (i.meanServiceSeconds.get(s) ?? 300) * 1000;
  const open = i.counters.filter((c) => c.status === 'open');
  const vipServices = new Set(open.filter((c) => c.vip).flatMap((c) => c.serviceIds));
  const slots = open.map((c) => ({
    c,
    at: i.now.getTime() + (c.current ? expectedRemainingSeconds(mean(c.current.serviceId) / 1000, c.current.startedAtMs === null ? null : (i.now.getTime() - c.current.startedAtMs) / 1000) * 1000 : 0),
    tiered: [...c.tieredCallsAt],
  }));
  const waiting = [...i.waiting];
  const calls = new Map<string, number>();
  while (slots.length && waiting.length) {
    const slot = slots.reduce((a, b) => (b.at < a.at ? b : a));
    const next = pickNextTicket({ counter: slot.c, waiting, targetWaitSeconds: i.targetWaitSeconds, servicesWithOpenVipCounter: vipServices, settings: i.settings, tieredCallsAt: slot.tiered, now: new Date(slot.at) });
    if (!next) {
      slots.splice(slots.indexOf(slot), 1);
      continue;
    }
    calls.set(next.id, Math.round((slot.at - i.now.getTime()) / 1000));
    waiting.splice(waiting.indexOf(next), 1);
    if (next.tier !== 'regular') slot.tiered.push(new Date(slot.at).toISOString());
    slot.at += mean(next.serviceId);
  }
  return calls;
}

describe('estimateWaits follows the call rules exactly', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => ({ seed })))('matches a replay over the whole queue (hall $seed)', ({ seed }) => {
    const hall = randomHall(seed, 60, 5);
    const estimated = estimateWaits(hall).waitSeconds;
    for (const [id, at] of naiveCallTimes(hall)) expect(estimated.get(id)).toBe(at);
  });

  it.each(Array.from({ length: 20 }, (_, seed) => ({ seed })))('promises a newcomer what its ticket then gets (hall $seed)', ({ seed }) => {
    const hall = randomHall(seed + 100, 30, 4);
    // Long targets: a newcomer cannot be overdue before it is called, the one case the shortcut skips.
    hall.targetWaitSeconds = new Map();
    const promised = estimateWaits(hall).newcomerWaitSeconds;
    for (const serviceId of ['A', 'B', 'V']) {
      expect(estimateNewTicket(hall, serviceId, 'regular')).toBe(promised.get(serviceId));
    }
  });

  it.each(Array.from({ length: 20 }, (_, seed) => ({ seed })))(
    'gives a new VIP or priority ticket the figure of the whole replay, though it stops once that ticket is called (hall $seed)',
    ({ seed }) => {
      const hall = randomHall(seed + 200, 40, 4);
      for (const tier of ['vip', 'priority'] as const) {
        for (const serviceId of ['A', 'B', 'V']) {
          const newcomer = { id: 'n', serviceId, tier, issuedAt: hall.now.toISOString() };
          const whole = estimateWaits({ ...hall, waiting: [...hall.waiting, newcomer] }).waitSeconds.get('n');
          expect(estimateNewTicket(hall, serviceId, tier, 'n')).toBe(whole);
        }
      }
    },
  );

  it('estimates 200 waiting tickets at 20 counters in a few milliseconds', () => {
    const hall = randomHall(7, 200, 20);
    estimateWaits(hall);
    const runs = 20;
    const started = performance.now();
    for (let r = 0; r < runs; r++) estimateWaits(hall);
    const msPerEstimate = (performance.now() - started) / runs;
    expect(msPerEstimate).toBeLessThan(25);
  });
});
