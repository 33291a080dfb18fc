import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickNextHead, pickNextTicket, type CallContext, type WaitingTicket } from '../../server/src/domain/call-order.js';
import { TicketLanes } from '../../server/src/domain/ticket-lanes.js';

const NOW = new Date('2026-11-23T02:30:00.000Z');
/** A waiting ticket issued `minutesAgo` before NOW. */
const t = (id: string, tier: WaitingTicket['tier'], minutesAgo: number, serviceId = 'A'): WaitingTicket => ({
  id,
  serviceId,
  tier,
  issuedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
});
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

function context(overrides: Partial<CallContext>): CallContext {
  return {
    counter: { id: 'c1', vip: false, serviceIds: ['A', 'B'] },
    waiting: [],
    targetWaitSeconds: new Map([
      ['A', 600],
      ['B', 600],
      ['V', 300],
    ]),
    servicesWithOpenVipCounter: new Set(),
    settings: { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 2 },
    tieredCallsAt: [],
    now: NOW,
    ...overrides,
  };
}

const vipCounter = { id: 'c6', vip: true, serviceIds: ['A', 'B', 'V'] };

describe('pickNextTicket', () => {
  it.each<[string, Partial<CallContext>, string | null]>([
    ['returns null when nobody waits', {}, null],
    ['returns null when nobody waits for this counter’s services', { waiting: [t('c', 'regular', 5, 'C')] }, null],
    ['calls the oldest regular ticket first', { waiting: [t('r2', 'regular', 3), t('r1', 'regular', 5)] }, 'r1'],
    ['serves services in arrival order across services', { waiting: [t('a', 'regular', 3, 'A'), t('b', 'regular', 4, 'B')] }, 'b'],
    ['calls a priority ticket before older regular ones', { waiting: [t('r', 'regular', 8), t('p', 'priority', 1)] }, 'p'],
    ['calls the older of two priority tickets first', { waiting: [t('p2', 'priority', 1), t('p1', 'priority', 2)] }, 'p1'],
    [
      'lets a regular counter take a VIP ticket when no VIP counter serving it is open',
      { waiting: [t('r', 'regular', 8), t('v', 'vip', 1)] },
      'v',
    ],
    [
      'leaves VIP tickets to the open VIP counter',
      { waiting: [t('r', 'regular', 8), t('v', 'vip', 1)], servicesWithOpenVipCounter: new Set(['A']) },
      'r',
    ],
    [
      'never lets a regular counter take VIP tickets under the "never" setting',
      { waiting: [t('v', 'vip', 1)], settings: { regularCountersTakeVip: 'never', maxCallsAheadOfOverdue: 2 } },
      null,
    ],
    [
      'lets regular counters take VIP tickets even with a VIP counter open under "always"',
      {
        waiting: [t('r', 'regular', 8), t('v', 'vip', 1)],
        servicesWithOpenVipCounter: new Set(['A']),
        settings: { regularCountersTakeVip: 'always', maxCallsAheadOfOverdue: 2 },
      },
      'v',
    ],
    [
      'gives a waiting VIP ticket to the VIP counter before older regular and priority tickets',
      { counter: vipCounter, waiting: [t('r', 'regular', 20), t('p', 'priority', 15), t('v', 'vip', 1)] },
      'v',
    ],
    [
      'lets the VIP counter serve priority, then regular tickets when no VIP waits',
      { counter: vipCounter, waiting: [t('r', 'regular', 20), t('p', 'priority', 1)] },
      'p',
    ],
    [
      'keeps calling priority tickets ahead of an overdue regular ticket until the limit is reached',
      { waiting: [t('r', 'regular', 12), t('p', 'priority', 1)], tieredCallsAt: [ago(1)] },
      'p',
    ],
    [
      'calls an overdue regular ticket once 2 priority or VIP tickets went ahead of it since it became overdue',
      { waiting: [t('r', 'regular', 12), t('p', 'priority', 1)], tieredCallsAt: [ago(1.5), ago(0.5)] },
      'r',
    ],
    [
      'does not count priority calls made before the regular ticket became overdue',
      { waiting: [t('r', 'regular', 12), t('p', 'priority', 1)], tieredCallsAt: [ago(5), ago(4), ago(1)] },
      'p',
    ],
    [
      'applies the branch’s limit: with 0, an overdue regular ticket goes first at once',
      {
        waiting: [t('r', 'regular', 11), t('p', 'priority', 1)],
        settings: { regularCountersTakeVip: 'when_no_vip_counter', maxCallsAheadOfOverdue: 0 },
      },
      'r',
    ],
    [
      'does not apply fairness to a regular ticket still within its target wait',
      { waiting: [t('r', 'regular', 9), t('p', 'priority', 1)], tieredCallsAt: [ago(3), ago(2), ago(1)] },
      'p',
    ],
    [
      'picks the oldest overdue regular ticket when fairness steps in',
      {
        waiting: [t('r2', 'regular', 12), t('r1', 'regular', 14), t('p', 'priority', 1)],
        tieredCallsAt: [ago(1), ago(0.5)],
      },
      'r1',
    ],
    [
      'counts the calls ahead of the regular ticket overdue the longest, which need not be the oldest when targets differ',
      {
        // b arrived first but B's target (15 min) passed 1 minute ago; a's (10 min) 5 minutes ago.
        waiting: [t('b', 'regular', 16, 'B'), t('a', 'regular', 15, 'A'), t('p', 'priority', 1)],
        targetWaitSeconds: new Map([['A', 600], ['B', 900]]),
        tieredCallsAt: [ago(3), ago(2)],
      },
      'a',
    ],
    [
      'does not apply fairness at a VIP counter: the VIP lane stays a VIP lane',
      { counter: vipCounter, waiting: [t('r', 'regular', 30), t('v', 'vip', 1)], tieredCallsAt: [ago(3), ago(2), ago(1)] },
      'v',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(pickNextTicket(context(overrides))?.id ?? null).toBe(expected);
  });
});

describe('pickNextHead, the replay’s pickNextTicket', () => {
  const services = ['A', 'B', 'V'];
  const waitingTicket = fc.record({
    serviceId: fc.constantFrom(...services),
    tier: fc.constantFrom<WaitingTicket['tier']>('regular', 'priority', 'vip'),
    // Arrivals within the last hour, to the millisecond; some at the same moment.
    minutesAgo: fc.integer({ min: 0, max: 60 }),
    ms: fc.constantFrom(0, 0, 500),
  });

  it('chooses the same ticket as pickNextTicket over the whole queue', () => {
    fc.assert(
      fc.property(
        fc.array(waitingTicket, { maxLength: 30 }),
        fc.boolean(),
        fc.subarray(services, { minLength: 1 }),
        fc.constantFrom<CallContext['settings']['regularCountersTakeVip']>('when_no_vip_counter', 'always', 'never'),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
        fc.subarray(services),
        (drawn, vip, serviceIds, regularCountersTakeVip, maxCallsAheadOfOverdue, callMinutesAgo, vipOpen) => {
          const waiting = drawn.map((d, i) => ({
            id: `t${String(i).padStart(2, '0')}`,
            serviceId: d.serviceId,
            tier: d.tier,
            issuedAt: new Date(NOW.getTime() - d.minutesAgo * 60_000 + d.ms).toISOString(),
          }));
          const ctx = context({
            counter: { id: 'c', vip, serviceIds },
            waiting,
            settings: { regularCountersTakeVip, maxCallsAheadOfOverdue },
            tieredCallsAt: callMinutesAgo.map(ago).sort(),
            servicesWithOpenVipCounter: new Set(vipOpen),
          });
          const timed = waiting.map((t) => ({ ...t, issuedAtMs: Date.parse(t.issuedAt) }));
          const heads = new TicketLanes(timed).heads(serviceIds) as (WaitingTicket & { issuedAtMs: number })[];
          const fast = pickNextHead(ctx.counter, heads, ctx, ctx.tieredCallsAt.map((at) => Date.parse(at)), NOW.getTime());
          expect(fast?.id ?? null).toBe(pickNextTicket(ctx)?.id ?? null);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
