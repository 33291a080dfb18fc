/**
 * 過號重排: a no-show's customer who turns up late waits again where the branch says — behind N
 * others of their lane, at the end, or not at all — keeping their number and issue time.
 */
import { describe, expect, it } from 'vitest';
import type { BranchSettings, Counter, Service, Tier } from '../../protocol/schemas.js';
import type { Actor } from '../../server/src/domain/actor.js';
import { evolve, learnTimes, type BranchState, type TicketRecord } from '../../server/src/domain/branch-state.js';
import { pickNextTicket } from '../../server/src/domain/call-order.js';
import { decide, decideAndEvolve, type Command, type Decision } from '../../server/src/domain/commands.js';
import { positionsInLanes } from '../../server/src/domain/queue-position.js';
import { requeuePlace } from '../../server/src/domain/requeue.js';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';

// 10:00 in Shanghai on Monday 23 November 2026.
const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAY = '2026-11-23';
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const manager: Actor = { kind: 'user', id: 'u-manager', role: 'manager', branchId: 'b1', username: 'manager' };
const teller = (n: number): Actor => ({ kind: 'user', id: `u-teller${n}`, role: 'teller', branchId: 'b1', username: `teller${n}` });
const kiosk: Actor = { kind: 'device', id: 'kiosk-1', deviceKind: 'kiosk', branchId: 'b1', label: 'Kiosk 1' };

/** The product's defaults: re-queue after 3 others, within 60 minutes. */
const SETTINGS: BranchSettings = { ...DEFAULT_SETTINGS };

function service(prefix: string): Service {
  return { id: `s-${prefix}`, branchId: 'b1', prefix, name: { en: prefix, zhHant: prefix, zhHans: prefix }, selfServiceKind: null, targetWaitSeconds: 3600, defaultServiceSeconds: 300, icon: '', sortOrder: 0 };
}

function counter(n: number, overrides: Partial<Counter> = {}): Counter {
  return { id: `c${n}`, branchId: 'b1', number: n, vip: false, lowCounter: false, serviceIds: ['s-A'], status: 'open', tellerId: `u-teller${n}`, tellerName: `Teller ${n}`, currentTicketId: null, statusChangedAt: minutesAgo(120), ...overrides };
}

/** A waiting ticket of service A issued `minutes` ago. */
function ticket(number: string, minutes: number, overrides: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id: `t-${number}`,
    branchId: 'b1',
    serviceId: `s-${number[0] === 'V' ? 'A' : number[0]}`,
    number,
    tier: 'regular',
    status: 'waiting',
    issuedAt: minutesAgo(minutes),
    calledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    callCount: 0,
    divertedTo: null,
    businessDay: DAY,
    customerRef: null,
    customerId: null,
    issuedBy: null,
    issuedByDevice: null,
    issueEstimateSeconds: null,
    ...overrides,
  };
}

/** A no-show of counter 1, issued `issued` minutes ago and marked `ended` minutes ago. */
const noShow = (number: string, issued: number, ended: number, overrides: Partial<TicketRecord> = {}) =>
  ticket(number, issued, { status: 'no_show', counterId: 'c1', calledAt: minutesAgo(ended + 2), endedAt: minutesAgo(ended), callCount: 2, ...overrides });

/** Services A and B; counter 1 (A), 2 (B) and 6 (VIP, A); the tickets given, no-shows kept apart as the engine keeps them. */
function branch(tickets: TicketRecord[], settings: Partial<BranchSettings> = {}): BranchState {
  const services = new Map(['A', 'B'].map((p) => [`s-${p}`, service(p)]));
  const counters = [counter(1), counter(2, { serviceIds: ['s-B'] }), counter(6, { vip: true })];
  return {
    seq: 10,
    branch: { id: 'b1', name: { en: 'Branch', zhHant: '支行', zhHans: '支行' }, timeZone: 'Asia/Shanghai', defaultLocale: 'zh-Hant', settings: { ...SETTINGS, ...settings } },
    services,
    counters: new Map(counters.map((c) => [c.id, c])),
    machines: [],
    tickets: new Map(tickets.filter((t) => t.status === 'waiting').map((t) => [t.id, t])),
    lastNumbers: new Map(),
    learning: { today: DAY, recent: new Map(), todays: new Map(), times: learnTimes(services.values(), new Map(), new Map()) },
    tieredCalls: new Map(),
    recentCalls: [],
    throttleAlerts: new Map(),
    noShows: new Map(tickets.filter((t) => t.status === 'no_show').map((t) => [t.id, t])),
  };
}

const requeue = (ticketId: string, actor: Actor = manager): Command => ({ type: 'requeue', actor, ticketId });

function accepted(state: BranchState, command: Command, now = NOW): Decision {
  const outcome = decideAndEvolve(state, command, now);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return outcome.decision;
}

function refusal(state: BranchState, command: Command, now = NOW): string {
  const outcome = decide(state, command, now);
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.decision.events.map((e) => e.type))}`);
  return outcome.refusal.code;
}

/** The numbers counter `counterId` calls one after another until nobody waits for it. */
function callOrder(state: BranchState, counterId: string, actor: Actor): string[] {
  const numbers: string[] = [];
  for (;;) {
    const called = accepted(state, { type: 'call_next', actor, counterId }).result.ticketId;
    if (!called) return numbers;
    numbers.push(state.tickets.get(called)!.number);
    accepted(state, { type: 'start', actor, ticketId: called });
    accepted(state, { type: 'complete', actor, ticketId: called });
  }
}

const regulars = (n: number) => Array.from({ length: n }, (_, i) => ticket(`A${String(i + 10).padStart(3, '0')}`, 30 - i));

describe('re-queueing a late no-show after N others (lateArrival after_n)', () => {
  it('puts it behind the first three waiting regular tickets of its service, keeping its number and issue time', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late, ...regulars(5)]);
    const decision = accepted(state, requeue(late.id));

    const [event] = decision.events;
    expect(event.type).toBe('ticket.requeued');
    expect(event.ticket).toMatchObject({ number: 'A005', status: 'waiting', issuedAt: late.issuedAt, counterId: null, calledAt: null, endedAt: null, callCount: 0 });
    expect(event.ticket!.queuedAt).toBe(new Date(Date.parse(minutesAgo(28)) + 1).toISOString());
    expect(callOrder(state, 'c1', teller(1))).toEqual(['A010', 'A011', 'A012', 'A005', 'A013', 'A014']);
  });

  it('counts only its own lane: priority tickets still go first, and a priority no-show goes behind N priority tickets', () => {
    const late = noShow('A005', 45, 10, { tier: 'priority' });
    const priority = [ticket('A020', 20, { tier: 'priority' }), ticket('A021', 15, { tier: 'priority' }), ticket('A022', 12, { tier: 'priority' }), ticket('A023', 11, { tier: 'priority' })];
    const state = branch([late, ...regulars(2), ...priority]);
    accepted(state, requeue(late.id));
    expect(callOrder(state, 'c1', teller(1))).toEqual(['A020', 'A021', 'A022', 'A005', 'A023', 'A010', 'A011']);
  });

  it('puts a VIP no-show behind N VIP tickets of the VIP lane, and not behind the ordinary queue', () => {
    const late = noShow('V001', 45, 10, { tier: 'vip', serviceId: 's-A' });
    const vips = ['V002', 'V003', 'V004', 'V005'].map((n, i) => ticket(n, 20 - i, { tier: 'vip' }));
    const state = branch([late, ...regulars(3), ...vips]);
    accepted(state, requeue(late.id));
    expect(callOrder(state, 'c6', teller(6))).toEqual(['V002', 'V003', 'V004', 'V001', 'V005', 'A010', 'A011', 'A012']);
  });

  it('puts it at the end when fewer than N wait in its lane', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late, ...regulars(2)]);
    const decision = accepted(state, requeue(late.id));
    expect(decision.events[0].ticket!.queuedAt).toBe(NOW.toISOString());
    expect(callOrder(state, 'c1', teller(1))).toEqual(['A010', 'A011', 'A005']);
  });

  it('with N = 0 puts it first in its lane', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late, ...regulars(3)], { lateArrivalAfterN: 0 });
    accepted(state, requeue(late.id));
    expect(callOrder(state, 'c1', teller(1))).toEqual(['A005', 'A010', 'A011', 'A012']);
  });

  it('gives its position from its new place, so the screens count the right people ahead', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late, ...regulars(5)]);
    accepted(state, requeue(late.id));
    const positions = positionsInLanes([...state.tickets.values()], () => false);
    expect(positions.get(late.id)).toBe(3);
    expect(positions.get('t-A013')).toBe(4);
  });

  it('counts its fairness from its new place: a late customer does not become the "longest overdue" and jump the queue', () => {
    // A 45-minute-old issue is far past a 10-minute target; its place, 1 minute ago, is not.
    const state = branch([ticket('A010', 5), ticket('A011', 4), ticket('A005', 45, { queuedAt: minutesAgo(1) }), ticket('A030', 3, { tier: 'priority' })]);
    const next = pickNextTicket({
      counter: counter(1),
      waiting: [...state.tickets.values()],
      targetWaitSeconds: new Map([['s-A', 180]]),
      servicesWithOpenVipCounter: new Set(),
      settings: SETTINGS,
      tieredCallsAt: [minutesAgo(1.5), minutesAgo(0.5)],
      now: NOW,
    });
    expect(next?.id).toBe('t-A010');
  });
});

describe('re-queueing at the end (lateArrival at_end)', () => {
  it('puts it behind everyone waiting in its lane, whatever N says', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late, ...regulars(5)], { lateArrival: 'at_end', lateArrivalAfterN: 1 });
    accepted(state, requeue(late.id));
    expect(callOrder(state, 'c1', teller(1))).toEqual(['A010', 'A011', 'A012', 'A013', 'A014', 'A005']);
  });

  it('stands behind a ticket an earlier re-queue placed a moment later than now', () => {
    const place = requeuePlace({ serviceId: 's-A', tier: 'regular' }, [ticket('A010', 5, { queuedAt: new Date(NOW.getTime() + 1).toISOString() })], { lateArrival: 'at_end', lateArrivalAfterN: 3 }, NOW);
    expect(place).toBe(new Date(NOW.getTime() + 2).toISOString());
  });
});

describe('refusing a re-queue (nothing changes)', () => {
  it.each<[string, TicketRecord, Partial<BranchSettings>, string]>([
    ['the branch does not re-queue late customers', noShow('A005', 45, 10), { lateArrival: 'not_allowed' }, 'REQUEUE_NOT_ALLOWED'],
    ['the no-show is older than the window', noShow('A005', 120, 61), {}, 'REQUEUE_EXPIRED'],
    ['the no-show was on an earlier day', noShow('A005', 60 * 24, 60 * 20, { businessDay: '2026-11-22' }), { lateArrivalWithinMinutes: 480 }, 'REQUEUE_EXPIRED'],
  ])('refuses when %s', (_, late, settings, code) => {
    const state = branch([late, ...regulars(2)], settings);
    const before = structuredClone(state);
    expect(refusal(state, requeue(late.id))).toBe(code);
    expect(state).toEqual(before);
  });

  it.each<[string, Partial<TicketRecord>]>([
    ['waiting', {}],
    ['being served', { status: 'serving', counterId: 'c1' }],
  ])('refuses a ticket that is %s: it is not a no-show', (_, overrides) => {
    const state = branch([]);
    const active = ticket('A007', 5, overrides);
    state.tickets.set(active.id, active);
    expect(refusal(state, requeue(active.id))).toBe('INVALID_TRANSITION');
  });

  it('refuses a completed ticket as stored', () => {
    const done = ticket('A007', 30, { status: 'done', endedAt: minutesAgo(5) });
    expect(refusal(branch([]), { type: 'requeue', actor: manager, ticketId: done.id, finished: done })).toBe('INVALID_TRANSITION');
  });

  it('refuses when its number was given again since', () => {
    const late = noShow('A005', 45, 10);
    expect(refusal(branch([late, ticket('A005', 1, { id: 't-again' })]), requeue(late.id))).toBe('CONFLICT');
  });

  it('lets a teller re-queue for a service their counter serves, and no other', () => {
    const late = noShow('A005', 45, 10);
    expect(refusal(branch([late]), requeue(late.id, teller(2)))).toBe('FORBIDDEN');
    expect(refusal(branch([late]), requeue(late.id, kiosk))).toBe('FORBIDDEN');
    expect(accepted(branch([late]), requeue(late.id, teller(1))).events[0].type).toBe('ticket.requeued');
  });

  it('refuses a teller whose counter is closed', () => {
    const late = noShow('A005', 45, 10);
    const state = branch([late]);
    state.counters.set('c1', { ...state.counters.get('c1')!, status: 'closed' });
    expect(refusal(state, requeue(late.id, teller(1)))).toBe('FORBIDDEN');
  });
});

describe("the branch's list of no-shows", () => {
  it('gains a ticket marked no-show and loses it when re-queued', () => {
    const called = ticket('A005', 45, { status: 'called', counterId: 'c1', calledAt: minutesAgo(3), callCount: 2 });
    const state = branch([]);
    state.tickets.set(called.id, called);
    state.counters.set('c1', { ...state.counters.get('c1')!, currentTicketId: called.id });
    accepted(state, { type: 'no_show', actor: teller(1), ticketId: called.id });
    expect([...state.noShows!.keys()]).toEqual([called.id]);
    expect(state.tickets.has(called.id)).toBe(false);

    accepted(state, requeue(called.id, teller(1)));
    expect(state.noShows!.size).toBe(0);
    expect(state.tickets.get(called.id)).toMatchObject({ status: 'waiting', number: 'A005' });
  });

  it("forgets the earlier day's no-shows once a new day's ticket arrives", () => {
    const state = branch([noShow('A005', 60 * 20, 60 * 19, { businessDay: '2026-11-22' })]);
    state.learning.today = '2026-11-22';
    evolve(state, { kind: 'ticket', inserted: true, ticket: ticket('A001', 0) });
    expect(state.noShows!.size).toBe(0);
  });
});

describe('tickets of other tiers placed by requeuePlace', () => {
  it.each<[Tier, number]>([
    ['regular', 3],
    ['priority', 1],
  ])('a %s late customer counts %i ahead', (tier, ahead) => {
    const waiting = [...regulars(4), ticket('A030', 10, { tier: 'priority' })];
    const place = requeuePlace({ serviceId: 's-A', tier }, waiting, { lateArrival: 'after_n', lateArrivalAfterN: 3 }, NOW);
    const lane = waiting.filter((t) => t.tier === tier && (t.queuedAt ?? t.issuedAt) < place);
    expect(lane.length).toBe(ahead);
  });
});
