import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicTicket, TicketStatus } from '../../../protocol/index.js';
import { TicketPoller, type PollResult } from '../../../kiosk-ui/src/mobile/ticket-poller.js';
import { isFinalStatus, justCalled } from '../../../kiosk-ui/src/mobile/ticket-progress.js';
import { service, ticket } from './fixtures.js';

function publicTicket(status: TicketStatus, callCount = 0): PublicTicket {
  return { ticket: ticket({ status, callCount }), service: service(), branchName: { en: 'Demo', zhHant: '示範', zhHans: '示范' }, counterNumber: 3 };
}

describe('TicketPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks at once, then every 5 s while the ticket waits', async () => {
    const load = vi.fn(async () => publicTicket('waiting'));
    const results: PollResult[] = [];
    const poller = new TicketPoller({ load, onResult: (r) => results.push(r) });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(3);
    expect(results.every((r) => r.kind === 'ticket')).toBe(true);
    poller.stop();
  });

  it('keeps asking while called or serving, and stops once the ticket is done', async () => {
    const statuses: TicketStatus[] = ['waiting', 'called', 'serving', 'done'];
    const load = vi.fn(async () => publicTicket(statuses[Math.min(load.mock.calls.length - 1, 3)]));
    const poller = new TicketPoller({ load, onResult: () => {} });
    poller.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('stops on an unknown ticket', async () => {
    const load = vi.fn(async () => {
      throw Object.assign(new Error('ticket not found'), { code: 'NOT_FOUND' });
    });
    const results: PollResult[] = [];
    new TicketPoller({ load, onResult: (r) => results.push(r) }).start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results).toEqual([{ kind: 'not-found' }]);
  });

  it('reports a network failure and keeps trying', async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw Object.assign(new Error('server unreachable'), { code: 'NETWORK' });
      return publicTicket('waiting');
    });
    const results: PollResult[] = [];
    const poller = new TicketPoller({ load, onResult: (r) => results.push(r) });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(results.map((r) => r.kind)).toEqual(['error', 'ticket']);
    poller.stop();
  });

  it('never has two requests in flight, even when asked to refresh', async () => {
    let release!: () => void;
    const load = vi.fn(() => new Promise<PublicTicket>((resolve) => (release = () => resolve(publicTicket('waiting')))));
    const poller = new TicketPoller({ load, onResult: () => {} });
    poller.start();
    poller.refreshNow();
    expect(load).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    poller.refreshNow();
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('does not report after being stopped', async () => {
    const onResult = vi.fn();
    const poller = new TicketPoller({ load: async () => publicTicket('waiting'), onResult });
    poller.start();
    poller.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onResult).not.toHaveBeenCalled();
  });
});

describe('ticket progress', () => {
  it('knows which statuses are final', () => {
    expect(['done', 'no_show', 'cancelled', 'diverted'].every((s) => isFinalStatus(s as TicketStatus))).toBe(true);
    expect(['waiting', 'called', 'serving'].some((s) => isFinalStatus(s as TicketStatus))).toBe(false);
  });

  it('buzzes the phone when the ticket is called, and again when recalled', () => {
    expect(justCalled({ status: 'waiting', callCount: 0 }, { status: 'called', callCount: 1 })).toBe(true);
    expect(justCalled({ status: 'called', callCount: 1 }, { status: 'called', callCount: 1 })).toBe(false);
    expect(justCalled({ status: 'called', callCount: 1 }, { status: 'called', callCount: 2 })).toBe(true);
    expect(justCalled(null, { status: 'called', callCount: 1 })).toBe(false);
    expect(justCalled({ status: 'waiting', callCount: 0 }, { status: 'waiting', callCount: 0 })).toBe(false);
  });
});
