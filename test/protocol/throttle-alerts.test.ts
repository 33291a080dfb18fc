/** Throttle alerts as every screen reads them: which still show, and how a live event updates a snapshot. */
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../protocol/live-client.js';
import type { DeviceThrottledEvent } from '../../protocol/messages.js';
import type { Snapshot, ThrottleAlert } from '../../protocol/schemas.js';
import { recentThrottleAlerts } from '../../protocol/throttle-alerts.js';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';

const NOW = Date.parse('2026-11-23T02:30:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const alert = (deviceId: string, lastMinutesAgo: number, refused = 3): ThrottleAlert => ({
  deviceId,
  deviceLabel: `Kiosk ${deviceId}`,
  refused,
  since: minutesAgo(lastMinutesAgo + 1),
  lastAt: minutesAgo(lastMinutesAgo),
});

function snapshot(audience: Snapshot['audience'], throttleAlerts?: ThrottleAlert[]): Snapshot {
  return {
    seq: 7,
    audience,
    at: minutesAgo(1),
    branch: {
      id: 'demo',
      name: { en: 'Demo', zhHant: '示範', zhHans: '示范' },
      timeZone: 'Asia/Shanghai',
      defaultLocale: 'en',
      settings: { ...DEFAULT_SETTINGS, holidays: [], checklistItems: [] },
    },
    services: [],
    counters: [],
    machines: [],
    queues: [],
    tickets: [],
    recentCalls: [],
    ...(throttleAlerts ? { throttleAlerts } : {}),
  };
}

const throttled = (withAlert?: ThrottleAlert): DeviceThrottledEvent => ({
  type: 'device.throttled',
  branchId: 'demo',
  seq: 8,
  at: minutesAgo(0),
  actorId: null,
  queues: [],
  ...(withAlert ? { alert: withAlert } : {}),
});

describe('throttle alerts', () => {
  it('show for 15 minutes after the kiosk’s last refusal, the latest first', () => {
    const shown = recentThrottleAlerts([alert('a', 14), alert('b', 15), alert('c', 2)], NOW);
    expect(shown.map((a) => a.deviceId)).toEqual(['c', 'a']);
  });

  it('a staff snapshot takes the kiosk’s new alert in place of its old one', () => {
    const next = applyEvent(snapshot('staff', [alert('a', 5, 3), alert('b', 6)]), throttled(alert('a', 0, 9)));
    expect(next.seq).toBe(8);
    expect(next.throttleAlerts?.map((a) => [a.deviceId, a.refused])).toEqual([['a', 9], ['b', 3]]);
  });

  it('a hall screen only steps its sequence: the event reaches it without an alert', () => {
    const next = applyEvent(snapshot('public'), throttled());
    expect(next.seq).toBe(8);
    expect(next).not.toHaveProperty('throttleAlerts');
  });
});
