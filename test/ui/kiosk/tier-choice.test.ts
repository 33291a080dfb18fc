import { describe, expect, it } from 'vitest';
import { isVipService, tiersFor } from '../../../kiosk-ui/src/logic/tier-choice.js';
import type { Counter } from '../../../protocol/index.js';
import { service } from './fixtures.js';

const cash = service();
const vipBanking = service({ id: 'demo-v', prefix: 'V', name: { en: 'VIP banking', zhHant: '貴賓服務', zhHans: '贵宾服务' } });

function counter(number: number, serviceIds: string[], vip = false): Counter {
  return {
    id: `c-${number}`,
    branchId: 'demo',
    number,
    vip,
    lowCounter: false,
    serviceIds,
    status: 'open',
    tellerId: null,
    tellerName: null,
    currentTicketId: null,
    statusChangedAt: '2026-11-22T01:00:00.000Z',
  };
}

describe('which tiers the kiosk asks about', () => {
  const demo = [counter(1, ['demo-a']), counter(6, ['demo-v', 'demo-a'], true)];

  it('the VIP banking service (only VIP counters serve it) is the one VIP entry: nothing to ask', () => {
    expect(isVipService(vipBanking, demo)).toBe(true);
    expect(tiersFor(vipBanking, [cash, vipBanking], demo)).toEqual(['vip']);
  });

  it('with a VIP banking tile, other services ask only about priority', () => {
    expect(isVipService(cash, demo)).toBe(false);
    expect(tiersFor(cash, [cash, vipBanking], demo)).toEqual(['regular', 'priority']);
  });

  it('without a VIP banking service, "I am a VIP customer" is offered where a VIP counter serves', () => {
    const counters = [counter(1, ['demo-a']), counter(6, ['demo-a'], true)];
    expect(tiersFor(cash, [cash], counters)).toEqual(['regular', 'priority', 'vip']);
    expect(tiersFor(cash, [cash], [counter(1, ['demo-a'])])).toEqual(['regular', 'priority']);
  });

  it('takes the server’s word (vipOnly on the queue summary)', () => {
    const queues = [{ serviceId: 'demo-v', waitingCount: 0, longestWaitSeconds: 0, estimatedWaitSeconds: 0, openCounters: 0, vipOnly: true as const }];
    expect(isVipService(vipBanking, [], queues)).toBe(true);
    expect(tiersFor(cash, [cash, vipBanking], [counter(1, ['demo-a']), counter(6, ['demo-a'], true)], queues)).toEqual(['regular', 'priority']);
  });

  it('a service no counter serves is not a VIP service', () => {
    expect(isVipService(vipBanking, [counter(1, ['demo-a'])])).toBe(false);
  });
});
