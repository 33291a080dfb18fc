/** 過號重排 as every staff screen reads it: a ticket's place, whether it may be re-queued, and the live no-show list. */
import { describe, expect, it } from 'vitest';
import { requeueBlock, queuePlace } from '../../protocol/late-arrival.js';
import { applyEvent } from '../../protocol/live-client.js';
import type { TicketEvent } from '../../protocol/messages.js';
import type { Snapshot, Ticket } from '../../protocol/schemas.js';

const NOW = Date.parse('2026-11-23T02:30:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

const ticket = (number: string, overrides: Partial<Ticket> = {}): Ticket => ({
  id: `t-${number}`,
  branchId: 'demo',
  number,
  serviceId: 's-A',
  tier: 'regular',
  status: 'waiting',
  issuedAt: minutesAgo(10),
  calledAt: null,
  startedAt: null,
  endedAt: null,
  counterId: null,
  callCount: 0,
  divertedTo: null,
  ...overrides,
});

const snapshot = (audience: Snapshot['audience'], tickets: Ticket[], noShows?: Ticket[]): Snapshot =>
  ({ seq: 7, audience, at: minutesAgo(1), tickets, recentCalls: [], counters: [], services: [], machines: [], queues: [], ...(noShows ? { noShows } : {}) }) as unknown as Snapshot;

const event = (type: TicketEvent['type'], changed: Ticket): TicketEvent => ({ type, branchId: 'demo', seq: 8, at: minutesAgo(0), actorId: null, queues: [], ticket: changed });

describe('a ticket’s place in the queue', () => {
  it('is its issue time, or where a re-queue put it', () => {
    expect(queuePlace(ticket('A001'))).toBe(minutesAgo(10));
    expect(queuePlace(ticket('A001', { queuedAt: minutesAgo(2) }))).toBe(minutesAgo(2));
  });
});

describe('whether a no-show may be re-queued', () => {
  const settings = { lateArrival: 'after_n', lateArrivalWithinMinutes: 30 } as const;
  it.each([
    ['within the window', minutesAgo(30), settings, null],
    ['past the window', minutesAgo(30.01), settings, 'expired'],
    ['never, where the branch does not', minutesAgo(1), { ...settings, lateArrival: 'not_allowed' }, 'not_allowed'],
  ] as const)('%s', (_, endedAt, rules, block) => {
    expect(requeueBlock({ endedAt }, rules, NOW)).toBe(block);
  });
});

describe('the live no-show list', () => {
  it('gains a no-show at the top and loses it when re-queued, which then waits at its new place', () => {
    const waiting = [ticket('A002', { issuedAt: minutesAgo(8) }), ticket('A003', { issuedAt: minutesAgo(6) })];
    const older = ticket('A000', { status: 'no_show', endedAt: minutesAgo(20) });
    const marked = ticket('A001', { status: 'no_show', endedAt: minutesAgo(1), counterId: 'c1' });
    const afterNoShow = applyEvent(snapshot('staff', waiting, [older]), event('ticket.no_show', marked));
    expect(afterNoShow.noShows?.map((t) => t.number)).toEqual(['A001', 'A000']);

    const requeued = ticket('A001', { queuedAt: minutesAgo(7) });
    const after = applyEvent(afterNoShow, { ...event('ticket.requeued', requeued), seq: 9 });
    expect(after.noShows?.map((t) => t.number)).toEqual(['A000']);
    expect(after.tickets.map((t) => t.number)).toEqual(['A002', 'A001', 'A003']);
  });

  it('is not kept for the hall’s screens', () => {
    const next = applyEvent(snapshot('public', []), event('ticket.no_show', ticket('A001', { status: 'no_show' })));
    expect(next.noShows).toBeUndefined();
  });
});
