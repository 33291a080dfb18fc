import { describe, expect, it } from 'vitest';
import type { Counter, QueueSummary, Service } from '../../../protocol/index.js';
import { isClosedFigure, publicServices, queueFigure } from '../../../display-ui/src/logic/queue-figures.js';

const TZ = 'Asia/Shanghai';
/** 08:30 in Shanghai. */
const NOW = new Date('2026-11-23T00:30:00.000Z');
const queue = (fields: Partial<QueueSummary>): QueueSummary => ({
  serviceId: 'demo-a',
  waitingCount: 12,
  longestWaitSeconds: 600,
  estimatedWaitSeconds: 14 * 60,
  openCounters: 2,
  ...fields,
});

describe('queueFigure: what the strip says for a service', () => {
  it("shows the server's estimate, in minutes, when the service is open", () => {
    expect(queueFigure(queue({ opening: 'open' }), NOW, TZ)).toEqual({ kind: 'wait', minutes: 14 });
    expect(queueFigure(queue({ opening: 'open', waitingCount: 0, estimatedWaitSeconds: 0 }), NOW, TZ)).toEqual({ kind: 'no_wait' });
  });

  it('takes an older server without `opening` as open when a counter serves it', () => {
    expect(queueFigure(queue({}), NOW, TZ)).toEqual({ kind: 'wait', minutes: 14 });
    expect(queueFigure(queue({ openCounters: 0 }), NOW, TZ)).toEqual({ kind: 'no_counter' });
    expect(queueFigure(undefined, NOW, TZ)).toEqual({ kind: 'no_counter' });
  });

  it('says when counters start instead of minutes, in branch time', () => {
    expect(queueFigure(queue({ opening: 'opens_later', servedFrom: '2026-11-23T01:00:00.000Z' }), NOW, TZ)).toEqual({ kind: 'starts_at', time: '9:00' });
    expect(queueFigure(queue({ opening: 'opens_later', servedFrom: null }), NOW, TZ)).toEqual({ kind: 'no_counter' });
    expect(queueFigure(queue({ opening: 'not_issuing_yet', nextOpeningAt: '2026-11-23T00:45:00.000Z' }), NOW, TZ)).toEqual({ kind: 'starts_at', time: '8:45' });
    // Not today: no time that reads as today's.
    expect(queueFigure(queue({ opening: 'not_issuing_yet', nextOpeningAt: '2026-11-24T01:00:00.000Z' }), NOW, TZ)).toEqual({ kind: 'not_open_yet' });
  });

  it.each(['no_counter', 'cut_off', 'quota_reached', 'closed_today'] as const)('says %s rather than a wait, as closed', (opening) => {
    const figure = queueFigure(queue({ opening, nextOpeningAt: '2026-11-24T01:00:00.000Z' }), NOW, TZ);
    expect(figure).toEqual({ kind: opening });
    expect(isClosedFigure(figure)).toBe(true);
  });
});

describe('publicServices: no VIP waits on the public screen', () => {
  const service = (prefix: string) => ({ id: `demo-${prefix.toLowerCase()}`, prefix }) as Service;
  const counter = (number: number, serves: string, vip = false) =>
    ({ id: `c${number}`, number, vip, serviceIds: [...serves].map((p) => `demo-${p.toLowerCase()}`) }) as Counter;
  const services = ['A', 'E', 'V', 'X'].map(service);

  it('leaves out a service only VIP counters serve, keeps one a regular counter serves too, and one nobody serves', () => {
    const counters = [counter(1, 'A'), counter(5, 'E'), counter(6, 'AEV', true)];
    expect(publicServices(services, counters).map((s) => s.prefix)).toEqual(['A', 'E', 'X']);
  });

  it('shows the VIP service once a regular counter serves it as well', () => {
    const counters = [counter(1, 'AV'), counter(6, 'V', true)];
    expect(publicServices(services, counters).map((s) => s.prefix)).toEqual(['A', 'E', 'V', 'X']);
  });
});
