import { describe, expect, it } from 'vitest';
import type { Counter, Snapshot, Ticket } from '../../../../protocol/schemas.js';
import { queueAlerts, queueLevel, serviceThresholds } from '../../../../manager-ui/src/logic/queue-level.js';
import { DEFAULT_SETTINGS } from '../../../../server/src/repositories/mappers.js';

const settings = { amberWaitSeconds: 600, redWaitSeconds: 900 };

describe('threshold colouring', () => {
  it.each([
    [0, 3, 'green'],
    [599, 3, 'green'],
    [600, 3, 'amber'],
    [899, 3, 'amber'],
    [900, 3, 'red'],
    [5000, 1, 'red'],
    [5000, 0, 'green'],
  ] as const)('colours a longest wait of %i s with %i waiting %s', (seconds, waiting, level) => {
    expect(queueLevel(seconds, waiting, settings)).toBe(level);
  });
});

describe("a service's own thresholds", () => {
  const loans = { targetWaitSeconds: 1200 };

  it('keeps the branch thresholds for a service whose target is within them', () => {
    expect(serviceThresholds(settings, { targetWaitSeconds: 600 })).toEqual(settings);
    expect(serviceThresholds(settings, { targetWaitSeconds: 300 })).toEqual(settings);
  });

  it('makes a longer target the red threshold, amber keeping the branch proportion', () => {
    expect(serviceThresholds(settings, loans)).toEqual({ amberWaitSeconds: 800, redWaitSeconds: 1200 });
  });

  it('does not colour a service with a 20-minute target red at 15 minutes', () => {
    expect(queueLevel(15 * 60, 4, serviceThresholds(settings, loans))).toBe('amber');
    expect(queueLevel(20 * 60, 4, serviceThresholds(settings, loans))).toBe('red');
    expect(queueLevel(12 * 60, 4, serviceThresholds(settings, loans))).toBe('green');
  });
});

const NOW = Date.parse('2026-11-22T06:30:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function counter(number: number, serves: string[], status: Counter['status'], vip = false): Counter {
  return {
    id: `c${number}`,
    branchId: 'demo',
    number,
    vip,
    lowCounter: false,
    serviceIds: serves,
    status,
    tellerId: status === 'closed' ? null : `t${number}`,
    tellerName: null,
    currentTicketId: null,
    statusChangedAt: minutesAgo(60),
  };
}

function ticket(number: string, serviceId: string, waitedMinutes: number): Ticket {
  return {
    id: `id-${number}`,
    branchId: 'demo',
    number,
    serviceId,
    tier: 'regular',
    status: 'waiting',
    issuedAt: minutesAgo(waitedMinutes),
    calledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    callCount: 0,
    divertedTo: null,
  };
}

function service(id: string, prefix: string, selfServiceKind: 'atm' | 'self_service_terminal' | null, targetWaitSeconds = 600) {
  const name = { en: prefix, zhHant: prefix, zhHans: prefix };
  return { id, branchId: 'demo', prefix, name, selfServiceKind, targetWaitSeconds, defaultServiceSeconds: 300, icon: '', sortOrder: 0 };
}

function lobby(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 1,
    audience: 'staff',
    at: new Date(NOW).toISOString(),
    branch: {
      id: 'demo',
      name: { en: 'Demo', zhHant: '示範', zhHans: '示范' },
      timeZone: 'Asia/Shanghai',
      defaultLocale: 'zh-Hant',
      settings: { ...DEFAULT_SETTINGS, holidays: [], checklistItems: [], ...settings },
    },
    services: [service('cash', 'A', 'atm'), service('fx', 'D', null), service('vip', 'V', null)],
    counters: [counter(1, ['cash', 'fx'], 'open'), counter(4, ['cash'], 'closed'), counter(6, ['cash', 'vip'], 'closed', true)],
    machines: [{ id: 'm1', branchId: 'demo', kind: 'atm', label: 'ATM 1', inService: true }],
    queues: [
      { serviceId: 'cash', waitingCount: 2, longestWaitSeconds: 1080, estimatedWaitSeconds: 700, openCounters: 1 },
      { serviceId: 'fx', waitingCount: 1, longestWaitSeconds: 300, estimatedWaitSeconds: 200, openCounters: 1 },
      { serviceId: 'vip', waitingCount: 1, longestWaitSeconds: 1000, estimatedWaitSeconds: 600, openCounters: 0 },
    ],
    tickets: [ticket('A002', 'cash', 12), ticket('A001', 'cash', 18), ticket('D001', 'fx', 5), ticket('V001', 'vip', 16)],
    recentCalls: [],
    ...overrides,
  };
}

describe('queue alerts', () => {
  it('alerts on red queues only, the longest wait first', () => {
    const alerts = queueAlerts(lobby(), NOW);
    expect(alerts.map((a) => a.serviceId)).toEqual(['cash', 'vip']);
    expect(alerts[0]).toMatchObject({ longestWaitSeconds: 1080, thresholdSeconds: 900, waitingCount: 2 });
  });

  it('suggests opening a closed ordinary counter that serves the queue before the VIP counter', () => {
    expect(queueAlerts(lobby(), NOW)[0].counterToOpen?.number).toBe(4);
  });

  it('suggests the VIP counter for a queue only VIP counters serve', () => {
    expect(queueAlerts(lobby(), NOW)[1].counterToOpen?.number).toBe(6);
  });

  it('suggests no counter when every counter serving the queue is open', () => {
    const snapshot = lobby({ counters: [counter(1, ['cash'], 'open')] });
    expect(queueAlerts(snapshot, NOW)[0].counterToOpen).toBeNull();
  });

  it("suggests diverting the longest-waiting customer to the service's machine kind", () => {
    const [cash] = queueAlerts(lobby(), NOW);
    expect(cash.divertTo).toBe('atm');
    expect(cash.oldestTicketId).toBe('id-A001');
  });

  it('does not suggest a machine when none of that kind is in service', () => {
    const snapshot = lobby({ machines: [{ id: 'm1', branchId: 'demo', kind: 'atm', label: 'ATM 1', inService: false }] });
    expect(queueAlerts(snapshot, NOW)[0].divertTo).toBeNull();
  });

  it("alerts on a queue by its own service's target, and says that threshold", () => {
    const slowCash = lobby({ services: [service('cash', 'A', 'atm', 1200), service('fx', 'D', null), service('vip', 'V', null)] });
    expect(queueAlerts(slowCash, NOW).map((a) => a.serviceId)).toEqual(['vip']);
    const later = queueAlerts(slowCash, NOW + 3 * 60_000);
    expect(later[0]).toMatchObject({ serviceId: 'cash', thresholdSeconds: 1200 });
  });

  it('turns a quiet queue red as time passes after the snapshot', () => {
    const elevenMinutesLater = NOW + 11 * 60_000;
    expect(queueAlerts(lobby(), elevenMinutesLater).map((a) => a.serviceId)).toEqual(['cash', 'vip', 'fx']);
  });
});
