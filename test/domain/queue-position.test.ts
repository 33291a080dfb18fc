import { describe, expect, it } from 'vitest';
import type { WaitingTicket } from '../../server/src/domain/call-order.js';
import { peopleAhead } from '../../server/src/domain/queue-position.js';

const t = (id: string, tier: WaitingTicket['tier'], minute: number, serviceId = 'A'): WaitingTicket => ({
  id,
  serviceId,
  tier,
  issuedAt: `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`,
});

const queue = [t('r1', 'regular', 1), t('r2', 'regular', 2), t('p1', 'priority', 3), t('v1', 'vip', 4), t('b1', 'regular', 0, 'B')];

describe('peopleAhead', () => {
  it.each([
    ['a priority ticket waits only behind VIP when no VIP counter is open', 'p1', false, 1],
    ['a regular ticket waits behind older regulars and every priority and VIP ticket', 'r2', false, 3],
    ['the first regular ticket waits behind priority and VIP only', 'r1', false, 2],
    ['VIP tickets are not ahead of ordinary customers when the VIP lane is open', 'r2', true, 2],
    ['a VIP ticket in an open VIP lane waits only behind older VIPs', 'v1', true, 0],
    ['tickets of other services never count', 'r1', true, 1],
  ])('%s', (_name, id, vipLaneOpen, expected) => {
    const ticket = queue.find((q) => q.id === id)!;
    expect(peopleAhead(ticket, queue, vipLaneOpen)).toBe(expected);
  });
});
