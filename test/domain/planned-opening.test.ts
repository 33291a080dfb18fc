/** The estimate before opening and at lunch, and the figure of a service only VIP counters serve. */
import { describe, expect, it } from 'vitest';
import type { WaitingTicket } from '../../server/src/domain/call-order.js';
import { queueFigures, vipOnlyServices, type QueueCounter, type QueueService } from '../../server/src/domain/queue-position.js';

const now = new Date('2026-11-23T00:40:00.000Z');
const nowMs = now.getTime();
const minutes = (n: number) => n * 60_000;
const services: QueueService[] = [
  { id: 'cash', meanServiceSeconds: 300 },
  { id: 'vip', meanServiceSeconds: 600 },
];
const closed = (id: string, serviceIds: string[], vip = false): QueueCounter => ({ id, status: 'closed', vip, serviceIds });
const waiting = (id: string, serviceId: string, tier: WaitingTicket['tier'], minutesAgo: number): WaitingTicket => ({
  id,
  serviceId,
  tier,
  issuedAt: new Date(nowMs - minutes(minutesAgo)).toISOString(),
});

describe('counters planned to open', () => {
  it.each([
    ['no planned opening: a stand-in counter "opens now"', null, [0, 300], 600],
    ['opening in 20 minutes: every wait counts from then', nowMs + minutes(20), [1200, 1500], 1800],
  ])('%s', (_what, plannedOpeningMs, ticketWaits, newcomer) => {
    const figures = queueFigures([waiting('t1', 'cash', 'regular', 5), waiting('t2', 'cash', 'regular', 2)], services, [closed('c1', ['cash'])], {
      now,
      plannedOpeningMs,
    });
    expect([figures.tickets.get('t1')!.estimatedWaitSeconds, figures.tickets.get('t2')!.estimatedWaitSeconds]).toEqual(ticketWaits);
    expect(figures.queues.find((q) => q.serviceId === 'cash')!.estimatedWaitSeconds).toBe(newcomer);
  });

  it('leaves open counters as they are: planned ones add from the opening', () => {
    const open: QueueCounter = { id: 'c1', status: 'open', vip: false, serviceIds: ['cash'], current: null };
    const tickets = ['a', 'b', 'c', 'd'].map((id, i) => waiting(id, 'cash', 'regular', 10 - i));
    const alone = queueFigures(tickets, services, [open], { now });
    const withPlanned = queueFigures(tickets, services, [open, closed('c2', ['cash'])], { now, plannedOpeningMs: nowMs + minutes(5) });
    expect(alone.queues[0].estimatedWaitSeconds).toBe(1200);
    // c1 calls a now; at 5 minutes c1 and the newly open c2 call b and c; at 10, d and the newcomer.
    expect(withPlanned.queues[0].estimatedWaitSeconds).toBe(600);
  });
});

describe('a service only VIP counters serve', () => {
  const counters: QueueCounter[] = [
    { id: 'regular', status: 'open', vip: false, serviceIds: ['cash'], current: null },
    { id: 'vip-desk', status: 'open', vip: true, serviceIds: ['vip', 'cash'], current: null },
  ];

  it('is found from the counters', () => {
    expect([...vipOnlyServices(services, counters)]).toEqual(['vip']);
  });

  it('is estimated as a VIP newcomer: the figure a VIP ticket taken now is given', () => {
    const queue = [waiting('r1', 'vip', 'regular', 30), waiting('r2', 'vip', 'regular', 29), waiting('v1', 'vip', 'vip', 1)];
    const figures = queueFigures(queue, services, counters, { now });
    const summary = figures.queues.find((q) => q.serviceId === 'vip')!;
    expect(summary.vipOnly).toBe(true);
    const withNewcomer = queueFigures([...queue, waiting('v2', 'vip', 'vip', 0)], services, counters, { now });
    expect(summary.estimatedWaitSeconds).toBe(withNewcomer.tickets.get('v2')!.estimatedWaitSeconds);
    // Ahead of the ordinary customers of the service: one VIP ahead, ten minutes.
    expect(summary.estimatedWaitSeconds).toBe(600);
  });
});
