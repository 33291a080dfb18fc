import { describe, expect, it } from 'vitest';
import type { Counter, Service, Tier } from '../../protocol/schemas.js';
import type { Actor } from '../../server/src/domain/actor.js';
import { evolve, learnTimes, toWireTicket, type BranchState, type TicketRecord } from '../../server/src/domain/branch-state.js';
import { decide, decideAndEvolve, type Command, type Decision } from '../../server/src/domain/commands.js';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';

// 10:00 in Shanghai on Monday 23 November 2026.
const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAY = '2026-11-23';
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const manager: Actor = { kind: 'user', id: 'u-manager', role: 'manager', branchId: 'b1', username: 'manager' };
const teller = (n: number): Actor => ({ kind: 'user', id: `u-teller${n}`, role: 'teller', branchId: 'b1', username: `teller${n}` });
const kiosk: Actor = { kind: 'device', id: 'kiosk-1', deviceKind: 'kiosk', branchId: 'b1', label: 'Kiosk 1' };
const display: Actor = { kind: 'device', id: 'display-1', deviceKind: 'display', branchId: 'b1', label: 'Display 1' };
const otherManager: Actor = { kind: 'user', id: 'u-other', role: 'manager', branchId: 'b2', username: 'other' };

function service(prefix: string, targetMinutes = 10): Service {
  return {
    id: `s-${prefix}`,
    branchId: 'b1',
    prefix,
    name: { en: prefix, zhHant: prefix, zhHans: prefix },
    selfServiceKind: null,
    targetWaitSeconds: targetMinutes * 60,
    defaultServiceSeconds: 300,
    icon: '',
    sortOrder: 0,
  };
}

function counter(n: number, overrides: Partial<Counter> = {}): Counter {
  return {
    id: `c${n}`,
    branchId: 'b1',
    number: n,
    vip: false,
    lowCounter: false,
    serviceIds: ['s-A', 's-B'],
    status: 'open',
    tellerId: `u-teller${n}`,
    tellerName: `Teller ${n}`,
    currentTicketId: null,
    statusChangedAt: minutesAgo(60),
    ...overrides,
  };
}

function ticket(id: string, overrides: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id,
    branchId: 'b1',
    serviceId: 's-A',
    number: `A${id.replace(/\D/g, '').padStart(3, '0')}`,
    tier: 'regular',
    status: 'waiting',
    issuedAt: minutesAgo(5),
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

/** A branch with services A, B and V, counters 1–2 (A and B) and 6 (VIP, all three), and the given tickets. */
function branch({ tickets = [], counters = [counter(1), counter(2), counter(6, { vip: true, serviceIds: ['s-A', 's-B', 's-V'] })] }: { tickets?: TicketRecord[]; counters?: Counter[] } = {}): BranchState {
  const services = new Map(['A', 'B', 'V'].map((p) => [`s-${p}`, service(p)]));
  return {
    seq: 10,
    branch: {
      id: 'b1',
      name: { en: 'Branch', zhHant: '支行', zhHans: '支行' },
      timeZone: 'Asia/Shanghai',
      defaultLocale: 'zh-Hant',
      settings: { ...DEFAULT_SETTINGS },
    },
    services,
    counters: new Map(counters.map((c) => [c.id, c])),
    machines: [],
    tickets: new Map(tickets.map((t) => [t.id, t])),
    lastNumbers: new Map(),
    learning: { today: DAY, recent: new Map(), todays: new Map(), times: learnTimes(services.values(), new Map(), new Map()) },
    tieredCalls: new Map(),
    recentCalls: [],
    throttleAlerts: new Map(),
  };
}

function accepted(state: BranchState, command: Command, now = NOW): Decision {
  const outcome = decide(state, command, now);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return outcome.decision;
}

function refusal(state: BranchState, command: Command, now = NOW) {
  const outcome = decide(state, command, now);
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.decision.events.map((e) => e.type))}`);
  return outcome.refusal.code;
}

const issue = (serviceId = 's-A', tier: Tier = 'regular', actor: Actor = kiosk, ticketId = 'new'): Command => ({ type: 'issue', actor, ticketId, serviceId, tier, customerRef: null });

describe('issuing a ticket', () => {
  it('gives the first number of the day and records it', () => {
    const decision = accepted(branch(), issue());
    expect(decision.changes).toEqual([
      { kind: 'number', prefix: 'A', day: DAY, value: 1 },
      { kind: 'ticket', inserted: true, ticket: expect.objectContaining({ number: 'A001', status: 'waiting', businessDay: DAY, issuedAt: NOW.toISOString() }) },
    ]);
    expect(decision.events.map((e) => e.type)).toEqual(['ticket.issued']);
  });

  it.each<[string, { day: string; value: number } | undefined, string[], string | null]>([
    ['continues after today’s last number', { day: DAY, value: 22 }, [], 'A023'],
    ['restarts at 001 on a new business day', { day: '2026-11-22', value: 57 }, [], 'A001'],
    ['skips a number an active ticket still holds, also one of an earlier day', { day: '2026-11-22', value: 57 }, ['A001', 'A002'], 'A003'],
    ['wraps from 999 to the lowest free number', { day: DAY, value: 999 }, ['A001'], 'A002'],
  ])('%s', (_, last, held, expected) => {
    const state = branch({ tickets: held.map((number, i) => ticket(`h${i}`, { number, businessDay: '2026-11-22' })) });
    if (last) state.lastNumbers.set('A', last);
    const inserted = accepted(state, issue()).changes.find((c) => c.kind === 'ticket');
    expect(inserted?.kind === 'ticket' && inserted.ticket.number).toBe(expected);
  });

  it('refuses when all 999 numbers are held by active tickets', () => {
    const tickets = Array.from({ length: 999 }, (_, i) => ticket(`t${i + 1}`, { number: `A${String(i + 1).padStart(3, '0')}` }));
    expect(refusal(branch({ tickets }), issue())).toBe('NUMBERS_EXHAUSTED');
  });

  it.each<[string, Command, string]>([
    ['an unknown service', issue('s-X'), 'NOT_FOUND'],
    ['a display', issue('s-A', 'regular', display), 'FORBIDDEN'],
    ['staff of another branch', issue('s-A', 'regular', otherManager), 'FORBIDDEN'],
  ])('refuses %s', (_, command, code) => {
    expect(refusal(branch(), command)).toBe(code);
  });

  it('keeps the card number on the server: the ticket screens see has none', () => {
    const decision = accepted(branch(), { ...issue('s-V', 'vip'), customerRef: '6222 0000 1111' } as Command);
    const record = decision.events[0].ticket!;
    expect(record.customerRef).toBe('6222 0000 1111');
    expect(toWireTicket(record)).not.toHaveProperty('customerRef');
    expect(JSON.stringify(toWireTicket(record))).not.toContain('6222');
  });
});

describe('calling the next ticket', () => {
  const callNext = (counterId = 'c1', actor: Actor = teller(1)): Command => ({ type: 'call_next', actor, counterId });

  it('calls the oldest waiting ticket of the counter’s services and makes it the counter’s current ticket', () => {
    const state = branch({ tickets: [ticket('t2', { issuedAt: minutesAgo(3) }), ticket('t1', { issuedAt: minutesAgo(8) }), ticket('t3', { serviceId: 's-V', number: 'V003', issuedAt: minutesAgo(20) })] });
    const decision = accepted(state, callNext());
    expect(decision.result.ticketId).toBe('t1');
    expect(decision.changes).toEqual([
      { kind: 'ticket', inserted: false, ticket: expect.objectContaining({ id: 't1', status: 'called', counterId: 'c1', calledAt: NOW.toISOString(), callCount: 1 }) },
      { kind: 'counter', counter: expect.objectContaining({ id: 'c1', currentTicketId: 't1' }) },
    ]);
    expect(decision.events).toEqual([expect.objectContaining({ type: 'ticket.called', counter: expect.objectContaining({ currentTicketId: 't1' }) })]);
  });

  it('lets the VIP counter call a VIP ticket before older ordinary ones', () => {
    const state = branch({ tickets: [ticket('t1', { issuedAt: minutesAgo(30) }), ticket('v1', { tier: 'vip', issuedAt: minutesAgo(1) })] });
    expect(accepted(state, callNext('c6', teller(6))).result.ticketId).toBe('v1');
  });

  it('calls an overdue ordinary ticket once two priority calls went ahead of it', () => {
    const state = branch({ tickets: [ticket('t1', { issuedAt: minutesAgo(30) }), ticket('p1', { tier: 'priority', issuedAt: minutesAgo(1) })] });
    expect(accepted(state, callNext()).result.ticketId).toBe('p1');
    state.tieredCalls.set('c1', [minutesAgo(10), minutesAgo(5)]);
    expect(accepted(state, callNext()).result.ticketId).toBe('t1');
  });

  it('counts the priority calls ahead of the ordinary ticket overdue the longest, not of the oldest one (services’ targets differ)', () => {
    // Found by the queue model (test/domain/queue-model.test.ts). B's target is 15 minutes, A's 10:
    // a1 is overdue since 5 minutes ago and b1, older, only since 1 minute ago. Two priority calls
    // went ahead of a1 since, so a third must not.
    const state = branch({
      tickets: [ticket('b1', { serviceId: 's-B', number: 'B001', issuedAt: minutesAgo(16) }), ticket('a1', { issuedAt: minutesAgo(15) }), ticket('p1', { tier: 'priority', issuedAt: minutesAgo(1) })],
    });
    state.services.set('s-B', service('B', 15));
    state.tieredCalls.set('c1', [minutesAgo(3), minutesAgo(2)]);
    expect(accepted(state, callNext()).result.ticketId).toBe('a1');
  });

  it('finds nobody and changes nothing when no one waits for the counter', () => {
    const decision = accepted(branch({ tickets: [ticket('v1', { serviceId: 's-V', number: 'V001' })] }), callNext());
    expect(decision).toEqual({ changes: [], events: [], result: { ticketId: null } });
  });

  it.each<[string, Partial<Counter>, Actor, string]>([
    ['a closed counter', { status: 'closed' }, teller(1), 'COUNTER_CLOSED'],
    ['a paused counter', { status: 'paused' }, teller(1), 'COUNTER_PAUSED'],
    ['a counter that is not the teller’s', {}, teller(2), 'FORBIDDEN'],
    ['a kiosk', {}, kiosk, 'FORBIDDEN'],
  ])('refuses %s', (_, overrides, actor, code) => {
    const state = branch({ tickets: [ticket('t1')], counters: [counter(1, overrides), counter(2)] });
    expect(refusal(state, callNext('c1', actor))).toBe(code);
  });

  it('refuses while the counter still has its called or served customer', () => {
    for (const status of ['called', 'serving'] as const) {
      const state = branch({ tickets: [ticket('t1', { status, counterId: 'c1' }), ticket('t2')], counters: [counter(1, { currentTicketId: 't1' })] });
      expect(refusal(state, callNext())).toBe('COUNTER_BUSY');
    }
  });

  it('never gives one ticket to two counters calling in the same batch', () => {
    const state = branch({ tickets: [ticket('t1'), ticket('t2', { issuedAt: minutesAgo(4) })] });
    const first = decideAndEvolve(state, callNext('c1', teller(1)), NOW);
    const second = decideAndEvolve(state, callNext('c2', teller(2)), NOW);
    const third = decideAndEvolve(state, { type: 'call_next', actor: manager, counterId: 'c6' }, NOW);
    expect([first, second, third].map((o) => o.ok && o.decision.result.ticketId)).toEqual(['t1', 't2', null]);
  });
});

describe('acting on a ticket', () => {
  const at = (status: TicketRecord['status'], overrides: Partial<TicketRecord> = {}) =>
    branch({ tickets: [ticket('t1', { status, counterId: status === 'waiting' ? null : 'c1', calledAt: status === 'waiting' ? null : minutesAgo(1), callCount: status === 'waiting' ? 0 : 1, ...overrides })], counters: [counter(1, { currentTicketId: status === 'waiting' ? null : 't1' }), counter(2)] });
  const act = (type: 'recall' | 'start' | 'complete' | 'no_show' | 'cancel', actor: Actor = teller(1)): Command => ({ type, actor, ticketId: 't1' });
  const ticketAfter = (d: Decision) => d.changes.find((c) => c.kind === 'ticket')!;
  const counterAfter = (d: Decision) => d.changes.find((c) => c.kind === 'counter');

  it.each<[string, TicketRecord['status'], Command, Partial<TicketRecord>, boolean]>([
    ['recall calls again and counts', 'called', act('recall'), { status: 'called', callCount: 2, calledAt: NOW.toISOString() }, false],
    ['start begins the service', 'called', act('start'), { status: 'serving', startedAt: NOW.toISOString() }, false],
    ['complete ends it and frees the counter', 'serving', act('complete'), { status: 'done', endedAt: NOW.toISOString() }, true],
    ['cancel of a called ticket frees the counter', 'called', act('cancel'), { status: 'cancelled' }, true],
    ['cancel of a waiting ticket touches no counter', 'waiting', act('cancel', manager), { status: 'cancelled' }, false],
  ])('%s', (_, status, command, expected, freesCounter) => {
    const decision = accepted(at(status), command);
    expect(ticketAfter(decision)).toMatchObject({ ticket: expected });
    expect(counterAfter(decision)).toEqual(freesCounter ? { kind: 'counter', counter: expect.objectContaining({ id: 'c1', currentTicketId: null }) } : undefined);
  });

  it.each<[string, TicketRecord['status'], Command, string]>([
    ['a recall of a waiting ticket', 'waiting', act('recall', manager), 'INVALID_TRANSITION'],
    ['completing a ticket not yet started', 'called', act('complete'), 'INVALID_TRANSITION'],
    ['another counter’s teller', 'called', act('start', teller(2)), 'FORBIDDEN'],
    ['a kiosk', 'called', act('cancel', kiosk), 'FORBIDDEN'],
    ['a teller diverting (the lobby manager’s decision)', 'waiting', { type: 'divert', actor: teller(1), ticketId: 't1', machineKind: 'atm' }, 'FORBIDDEN'],
    ['a transfer to an unknown service', 'waiting', { type: 'transfer', actor: manager, ticketId: 't1', serviceId: 's-X' }, 'NOT_FOUND'],
    ['a transfer to its own service', 'waiting', { type: 'transfer', actor: manager, ticketId: 't1', serviceId: 's-A' }, 'INVALID_TRANSITION'],
    ['a tier change once called', 'called', { type: 'change_tier', actor: manager, ticketId: 't1', tier: 'vip' }, 'INVALID_TRANSITION'],
  ])('refuses %s', (_, status, command, code) => {
    expect(refusal(at(status), command)).toBe(code);
  });

  it('names the status of a ticket that has already ended', () => {
    const finished = ticket('t9', { status: 'done', endedAt: minutesAgo(2) });
    const outcome = decide(branch(), { type: 'complete', actor: manager, ticketId: 't9', finished }, NOW);
    expect(outcome.ok ? null : outcome.refusal.message).toBe('cannot complete ticket A009: it is done (must be serving)');
  });

  it('transfers a served customer to another service: waiting again, with the original arrival time, and the counter is free', () => {
    const state = at('serving', { issuedAt: minutesAgo(25), startedAt: minutesAgo(2) });
    const decision = accepted(state, { type: 'transfer', actor: teller(1), ticketId: 't1', serviceId: 's-B' });
    expect(ticketAfter(decision)).toMatchObject({ ticket: { status: 'waiting', serviceId: 's-B', issuedAt: minutesAgo(25), counterId: null, callCount: 0, startedAt: null } });
    expect(counterAfter(decision)).toEqual({ kind: 'counter', counter: expect.objectContaining({ currentTicketId: null }) });
    expect(decision.events[0]).toMatchObject({ type: 'ticket.transferred', counter: { id: 'c1', currentTicketId: null } });
  });

  it('diverts a waiting customer to self-service and moves one into the VIP lane (managers)', () => {
    expect(ticketAfter(accepted(at('waiting'), { type: 'divert', actor: manager, ticketId: 't1', machineKind: 'atm' }))).toMatchObject({ ticket: { status: 'diverted', divertedTo: 'atm' } });
    expect(ticketAfter(accepted(at('waiting'), { type: 'change_tier', actor: manager, ticketId: 't1', tier: 'vip' }))).toMatchObject({ ticket: { tier: 'vip', status: 'waiting' } });
  });
});

describe('counters', () => {
  const open = (counterId: string, actor: Actor, extra: Partial<Extract<Command, { type: 'open_counter' }>> = {}): Command => ({ type: 'open_counter', actor, counterId, ...extra });
  const closed = (n: number, overrides: Partial<Counter> = {}) => counter(n, { status: 'closed', tellerId: null, tellerName: null, ...overrides });

  it('lets a teller open a closed counter for themself, under their own name', () => {
    const decision = accepted(branch({ counters: [closed(1)] }), open('c1', teller(3), { teller: { id: 'u-teller3', displayName: 'Teller Three', role: 'teller', branchId: 'b1', active: true } }));
    expect(decision.events).toEqual([expect.objectContaining({ type: 'counter.opened', counter: expect.objectContaining({ status: 'open', tellerId: 'u-teller3', tellerName: 'Teller Three' }) })]);
  });

  it.each<[string, Counter[], Command, string]>([
    ['a counter another teller staffs', [counter(1)], open('c1', teller(2)), 'COUNTER_TAKEN'],
    ['a teller who already staffs another counter', [closed(1), counter(2)], open('c1', teller(2)), 'TELLER_HAS_COUNTER'],
    ['a teller opening for someone else', [closed(1)], open('c1', teller(2), { tellerId: 'u-teller3' }), 'FORBIDDEN'],
    ['a manager naming a teller of another branch', [closed(1)], open('c1', manager, { tellerId: 'u-x', teller: { id: 'u-x', displayName: 'X', role: 'teller', branchId: 'b2', active: true } }), 'VALIDATION_FAILED'],
    ['a manager naming nobody known', [closed(1)], open('c1', manager, { tellerId: 'u-x', teller: null }), 'NOT_FOUND'],
    ['opening an open counter', [counter(1)], open('c1', teller(1)), 'INVALID_TRANSITION'],
    ['pausing a closed counter', [closed(1)], { type: 'pause_counter', actor: manager, counterId: 'c1' }, 'INVALID_TRANSITION'],
    ['an unknown counter', [counter(1)], { type: 'close_counter', actor: manager, counterId: 'c9' }, 'NOT_FOUND'],
  ])('refuses %s', (_, counters, command, code) => {
    expect(refusal(branch({ counters }), command)).toBe(code);
  });

  it('refuses to close a counter whose customer is still there, and closes it once they left', () => {
    const busy = branch({ tickets: [ticket('t1', { status: 'serving', counterId: 'c1' })], counters: [counter(1, { currentTicketId: 't1' })] });
    expect(refusal(busy, { type: 'close_counter', actor: teller(1), counterId: 'c1' })).toBe('COUNTER_BUSY');
    const free = accepted(branch(), { type: 'close_counter', actor: teller(1), counterId: 'c1' });
    expect(free.changes).toEqual([{ kind: 'counter', counter: expect.objectContaining({ status: 'closed', tellerId: null, tellerName: null, currentTicketId: null }) }]);
  });
});

describe('closing past business days', () => {
  it('cancels earlier days’ tickets, frees their counters, and leaves today’s alone', () => {
    const state = branch({
      tickets: [ticket('y1', { businessDay: '2026-11-22' }), ticket('y2', { businessDay: '2026-11-22', status: 'called', counterId: 'c1' }), ticket('t1')],
      counters: [counter(1, { currentTicketId: 'y2' }), counter(2)],
    });
    const decision = accepted(state, { type: 'close_past_days' });
    expect(decision.result.count).toBe(2);
    expect(decision.events.map((e) => [e.type, e.ticket?.id])).toEqual([['ticket.cancelled', 'y1'], ['ticket.cancelled', 'y2']]);
    expect(decision.changes.filter((c) => c.kind === 'counter')).toEqual([{ kind: 'counter', counter: expect.objectContaining({ id: 'c1', currentTicketId: null }) }]);
    expect(accepted(branch({ tickets: [ticket('t1')] }), { type: 'close_past_days' }).changes).toEqual([]);
  });
});

describe('cancelling a kiosk’s tickets (a manager’s bulk cancel)', () => {
  const otherKiosk: Actor = { kind: 'device', id: 'kiosk-2', deviceKind: 'kiosk', branchId: 'b1', label: 'Kiosk 2' };
  const cancelFrom = (actor: Actor, sinceMinutes = 10, deviceId = 'kiosk-1'): Command => ({ type: 'cancel_device_tickets', actor, deviceId, sinceMinutes });
  const hall = () =>
    branch({
      tickets: [
        ticket('k1', { issuedByDevice: 'kiosk-1', issuedAt: minutesAgo(30) }),
        ticket('k2', { issuedByDevice: 'kiosk-1', issuedAt: minutesAgo(10) }),
        ticket('k3', { issuedByDevice: 'kiosk-1', issuedAt: minutesAgo(2) }),
        ticket('k4', { issuedByDevice: 'kiosk-1', issuedAt: minutesAgo(1), status: 'called', counterId: 'c1', callCount: 1 }),
        ticket('o1', { issuedByDevice: 'kiosk-2', issuedAt: minutesAgo(1) }),
        ticket('s1', { issuedBy: 'u-manager', issuedAt: minutesAgo(1) }),
      ],
      counters: [counter(1, { currentTicketId: 'k4' }), counter(2)],
    });

  it('issues record the kiosk that issued them, and staff tickets none', () => {
    const byKiosk = accepted(branch(), issue('s-A', 'regular', kiosk)).changes[1];
    const byManager = accepted(branch(), issue('s-A', 'regular', manager)).changes[1];
    expect(byKiosk).toMatchObject({ ticket: { issuedByDevice: 'kiosk-1', issuedBy: null } });
    expect(byManager).toMatchObject({ ticket: { issuedByDevice: null, issuedBy: 'u-manager' } });
    expect(toWireTicket((byKiosk as { ticket: TicketRecord }).ticket)).not.toHaveProperty('issuedByDevice');
  });

  it.each<[string, number, string[]]>([
    ['the last 10 minutes, from exactly now − 10 min', 10, ['k2', 'k3']],
    ['the last 5 minutes', 5, ['k3']],
    ['the last hour', 60, ['k1', 'k2', 'k3']],
    ['the last minute (its only ticket then was called)', 1, []],
  ])('cancels the kiosk’s still-waiting tickets of %s', (_, minutes, cancelled) => {
    const decision = accepted(hall(), cancelFrom(manager, minutes));
    expect(decision.result.count).toBe(cancelled.length);
    expect(decision.events.map((e) => [e.type, e.ticket?.id, e.ticket?.status])).toEqual(cancelled.map((id) => ['ticket.cancelled', id, 'cancelled']));
    expect(decision.changes).toEqual(cancelled.map((id) => ({ kind: 'ticket', inserted: false, ticket: expect.objectContaining({ id, status: 'cancelled', endedAt: NOW.toISOString() }) })));
  });

  it('leaves other kiosks’, staff-issued and called tickets, and changes nothing for an unknown kiosk', () => {
    const state = hall();
    decideAndEvolve(state, cancelFrom(manager, 60), NOW);
    expect([...state.tickets.keys()].sort()).toEqual(['k4', 'o1', 's1']);
    expect(state.counters.get('c1')!.currentTicketId).toBe('k4');
    expect(accepted(hall(), cancelFrom(manager, 60, 'kiosk-9'))).toEqual({ changes: [], events: [], result: { count: 0 } });
  });

  it.each<[string, Actor, string]>([
    ['a teller', teller(1), 'FORBIDDEN'],
    ['a kiosk, even its own', kiosk, 'FORBIDDEN'],
    ['another kiosk', otherKiosk, 'FORBIDDEN'],
    ['a display', display, 'FORBIDDEN'],
    ['a manager of another branch', otherManager, 'FORBIDDEN'],
  ])('refuses %s', (_, actor, code) => {
    expect(refusal(hall(), cancelFrom(actor))).toBe(code);
  });
});

describe('recording a kiosk refused for issuing too fast', () => {
  const throttle = (refused: number): Command => ({ type: 'record_throttle', deviceId: 'kiosk-1', deviceLabel: 'Kiosk 1', refused });

  it('starts an alert for the kiosk, kept in the state and published to staff', () => {
    const state = branch();
    const outcome = decideAndEvolve(state, throttle(4), NOW);
    const alert = { deviceId: 'kiosk-1', deviceLabel: 'Kiosk 1', refused: 4, since: NOW.toISOString(), lastAt: NOW.toISOString() };
    expect(outcome.ok && outcome.decision.events).toEqual([{ type: 'device.throttled', alert }]);
    expect(state.throttleAlerts.get('kiosk-1')).toEqual(alert);
  });

  it.each<[string, number, number, string]>([
    ['adds refusals within 15 minutes of the last to the same alert', 14, 7, minutesAgo(0)],
    ['starts a new alert after 15 quiet minutes', 15, 3, minutesAgo(-15)],
  ])('%s', (_, laterMinutes, refused, since) => {
    const state = branch();
    decideAndEvolve(state, throttle(4), NOW);
    const later = new Date(NOW.getTime() + laterMinutes * 60_000);
    decideAndEvolve(state, throttle(3), later);
    expect(state.throttleAlerts.get('kiosk-1')).toMatchObject({ refused, since, lastAt: later.toISOString() });
  });
});

describe('decide and evolve', () => {
  it('leaves the state it decides on untouched', () => {
    const state = branch({ tickets: [ticket('t1'), ticket('t2', { status: 'called', counterId: 'c2' })], counters: [counter(1), counter(2, { currentTicketId: 't2' })] });
    const before = structuredClone(state);
    for (const command of [issue(), { type: 'call_next', actor: teller(1), counterId: 'c1' }, { type: 'no_show', actor: teller(2), ticketId: 't2' }, { type: 'close_past_days' }] as Command[]) {
      decide(state, command, NOW);
    }
    expect(state).toEqual(before);
  });

  it('keeps only active tickets, the latest calls, and learns from each finished service', () => {
    const state = branch({ tickets: [ticket('t1')] });
    const run = (command: Command, minutes: number) => {
      const outcome = decideAndEvolve(state, command, new Date(NOW.getTime() + minutes * 60_000));
      if (!outcome.ok) throw outcome.refusal;
    };
    run({ type: 'call_next', actor: teller(1), counterId: 'c1' }, 0);
    expect(state.recentCalls.map((c) => [c.number, c.counterNumber, c.recall])).toEqual([['A001', 1, false]]);
    run({ type: 'recall', actor: teller(1), ticketId: 't1' }, 1);
    expect(state.recentCalls.map((c) => c.recall)).toEqual([true, false]);
    run({ type: 'start', actor: teller(1), ticketId: 't1' }, 2);
    const before = state.learning.times.services.get('s-A')!.meanSeconds;
    run({ type: 'complete', actor: teller(1), ticketId: 't1' }, 32);
    expect([...state.tickets.keys()]).toEqual([]);
    expect(state.counters.get('c1')!.currentTicketId).toBeNull();
    expect(state.learning.todays.get('s-A')?.serviceSeconds).toEqual([1800]);
    expect(state.learning.times.services.get('s-A')!.meanSeconds).toBeGreaterThan(before);
  });

  it('applies a transfer so the ticket keeps its place in the new queue', () => {
    const state = branch({ tickets: [ticket('b1', { serviceId: 's-B', number: 'B001', issuedAt: minutesAgo(4) }), ticket('t1', { issuedAt: minutesAgo(9) })] });
    evolve(state, accepted(state, { type: 'transfer', actor: manager, ticketId: 't1', serviceId: 's-B' }).changes[0]);
    expect(accepted(state, { type: 'call_next', actor: teller(1), counterId: 'c1' }).result.ticketId).toBe('t1');
  });
});

describe('the teller’s caller', () => {
  const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
  /** Counter 1 with ticket t1 called to it `calledSecondsAgo`, `callCount` times; t2 (A) and b1 (B) waiting, v1 (V) waiting. */
  const hall = ({ callCount = 1, calledSecondsAgo = 30, status = 'called' as TicketRecord['status'], settings = {} } = {}) => {
    const state = branch({
      tickets: [
        ticket('t1', { status, counterId: 'c1', calledAt: secondsAgo(calledSecondsAgo), startedAt: status === 'serving' ? secondsAgo(10) : null, callCount, issuedAt: minutesAgo(20) }),
        ticket('t2', { issuedAt: minutesAgo(9) }),
        ticket('b1', { serviceId: 's-B', number: 'B001', issuedAt: minutesAgo(3) }),
        ticket('v1', { serviceId: 's-V', number: 'V001', issuedAt: minutesAgo(30) }),
      ],
      counters: [counter(1, { currentTicketId: 't1' }), counter(2)],
    });
    state.branch.settings = { ...state.branch.settings, ...settings };
    return state;
  };
  const noShow = (actor: Actor = teller(1)): Command => ({ type: 'no_show', actor, ticketId: 't1' });

  describe('no-show only after the customer was recalled', () => {
    it('refuses a no-show right after the call, naming the recall it needs', () => {
      const outcome = decide(hall(), noShow(), NOW);
      expect(outcome.ok ? null : [outcome.refusal.code, outcome.refusal.message]).toEqual(['NO_SHOW_TOO_SOON', 'ticket A001 can be marked no-show after 1 more recall']);
    });

    it('marks the no-show once recalled, and frees the counter', () => {
      const decision = accepted(hall({ callCount: 2 }), noShow());
      expect(decision.changes).toEqual([
        { kind: 'ticket', inserted: false, ticket: expect.objectContaining({ id: 't1', status: 'no_show', endedAt: NOW.toISOString() }) },
        { kind: 'counter', counter: expect.objectContaining({ id: 'c1', currentTicketId: null }) },
      ]);
    });

    it.each<[string, Partial<BranchState['branch']['settings']>, number, number, boolean]>([
      ['two recalls wanted, one made', { noShowAfterRecalls: 2 }, 2, 30, false],
      ['two recalls wanted, two made', { noShowAfterRecalls: 2 }, 3, 30, true],
      ['no recall wanted', { noShowAfterRecalls: 0 }, 1, 0, true],
      ['60 s since the last call wanted, 59 s passed', { noShowAfterRecalls: 5, noShowAfterSeconds: 60 }, 1, 59, false],
      ['60 s since the last call wanted, 60 s passed', { noShowAfterRecalls: 5, noShowAfterSeconds: 60 }, 1, 60, true],
    ])('%s: allowed %s', (_, settings, callCount, calledSecondsAgo, allowed) => {
      expect(decide(hall({ callCount, calledSecondsAgo, settings }), noShow(), NOW).ok).toBe(allowed);
    });

    it('says how long is left when the branch also counts the time since the call', () => {
      const outcome = decide(hall({ settings: { noShowAfterSeconds: 90 } }), noShow(), NOW);
      expect(outcome.ok ? null : outcome.refusal.message).toBe('ticket A001 can be marked no-show after 1 more recall or in 60 s');
    });
  });

  describe('undoing a no-show', () => {
    const marked = (secondsAgo_ = 30, counterOverrides: Partial<Counter> = {}) => {
      const state = branch({ tickets: [ticket('t2', { issuedAt: minutesAgo(9) })], counters: [counter(1, counterOverrides), counter(2)] });
      const finished = ticket('t1', { status: 'no_show', counterId: 'c1', calledAt: secondsAgo(secondsAgo_ + 40), callCount: 2, endedAt: secondsAgo(secondsAgo_), issuedAt: minutesAgo(20) });
      return { state, finished };
    };
    const undo = (finished: TicketRecord, actor: Actor = teller(1)): Command => ({ type: 'undo_no_show', actor, ticketId: 't1', finished });

    it('calls the ticket to its counter again, as it was, and makes it active again', () => {
      const { state, finished } = marked();
      const outcome = decideAndEvolve(state, undo(finished), NOW);
      if (!outcome.ok) throw outcome.refusal;
      expect(outcome.decision.events).toEqual([
        expect.objectContaining({ type: 'ticket.no_show_undone', ticket: { ...finished, status: 'called', endedAt: null }, counter: expect.objectContaining({ currentTicketId: 't1' }) }),
      ]);
      expect(state.tickets.get('t1')).toMatchObject({ status: 'called', counterId: 'c1', callCount: 2 });
      expect(state.counters.get('c1')!.currentTicketId).toBe('t1');
      // Not a new call: the wall display has nothing to announce again.
      expect(state.recentCalls).toEqual([]);
    });

    it.each<[string, number, Partial<Counter>, Actor, string]>([
      ['after two minutes', 120, {}, teller(1), 'UNDO_EXPIRED'],
      ['once the counter called someone else', 30, { currentTicketId: 't2' }, teller(1), 'COUNTER_BUSY'],
      ['at a paused counter', 30, { status: 'paused' }, teller(1), 'COUNTER_PAUSED'],
      ['by another counter’s teller', 30, {}, teller(2), 'FORBIDDEN'],
    ])('refuses an undo %s', (_, secondsAgo_, counterOverrides, actor, code) => {
      const { state, finished } = marked(secondsAgo_, counterOverrides);
      if (counterOverrides.currentTicketId) state.tickets.set('t2', { ...state.tickets.get('t2')!, status: 'called', counterId: 'c1' });
      expect(refusal(state, undo(finished, actor))).toBe(code);
    });

    it('refuses to undo what was not a no-show', () => {
      const { state, finished } = marked();
      expect(refusal(state, undo({ ...finished, status: 'done' }))).toBe('INVALID_TRANSITION');
    });
  });

  describe('calling a specific number (指定叫號)', () => {
    const free = () => hall({ status: 'waiting', callCount: 0 });
    const freeHall = () => {
      const state = free();
      state.tickets.set('t1', { ...state.tickets.get('t1')!, status: 'waiting', counterId: null, calledAt: null });
      state.counters.set('c1', counter(1));
      return state;
    };
    const callTicket = (ticketId: string, actor: Actor = teller(1), counterId = 'c1'): Command => ({ type: 'call_ticket', actor, counterId, ticketId });

    it('calls the chosen waiting ticket ahead of older ones, and records that it was called directly', () => {
      const decision = accepted(freeHall(), callTicket('b1'));
      expect(decision.result.ticketId).toBe('b1');
      expect(decision.changes).toEqual([
        { kind: 'ticket', inserted: false, ticket: expect.objectContaining({ id: 'b1', status: 'called', counterId: 'c1', calledAt: NOW.toISOString(), callCount: 1 }) },
        { kind: 'counter', counter: expect.objectContaining({ id: 'c1', currentTicketId: 'b1' }) },
      ]);
      expect(decision.events).toEqual([expect.objectContaining({ type: 'ticket.called', calledDirectly: true })]);
    });

    it('does not mark an ordinary call-next as called directly', () => {
      expect(accepted(freeHall(), { type: 'call_next', actor: teller(1), counterId: 'c1' }).events[0]).not.toHaveProperty('calledDirectly');
    });

    it.each<[string, () => BranchState, Command, string]>([
      ['while the counter still has its customer', () => hall(), callTicket('t2'), 'COUNTER_BUSY'],
      ['a ticket of a service the counter does not serve', freeHall, callTicket('v1'), 'SERVICE_NOT_AT_COUNTER'],
      ['a ticket no longer waiting', () => { const s = freeHall(); s.tickets.set('t2', { ...s.tickets.get('t2')!, status: 'called', counterId: 'c2' }); return s; }, callTicket('t2'), 'INVALID_TRANSITION'],
      ['an unknown ticket', freeHall, callTicket('t9'), 'NOT_FOUND'],
      ['another counter’s teller', freeHall, callTicket('t2', teller(2)), 'FORBIDDEN'],
    ])('refuses %s', (_, state, command, code) => {
      expect(refusal(state(), command)).toBe(code);
    });
  });

  describe('complete and call next', () => {
    const completeAndCallNext = (actor: Actor = teller(1)): Command => ({ type: 'complete_and_call_next', actor, counterId: 'c1' });

    it('completes the served customer and calls the next in one decision with two events', () => {
      const state = hall({ status: 'serving' });
      const outcome = decideAndEvolve(state, completeAndCallNext(), NOW);
      if (!outcome.ok) throw outcome.refusal;
      expect(outcome.decision.result.ticketId).toBe('t2');
      expect(outcome.decision.events.map((e) => [e.type, e.ticket?.id, e.ticket?.status, e.counter?.currentTicketId])).toEqual([
        ['ticket.completed', 't1', 'done', null],
        ['ticket.called', 't2', 'called', 't2'],
      ]);
      expect(state.counters.get('c1')!.currentTicketId).toBe('t2');
      expect(state.tickets.has('t1')).toBe(false);
    });

    it('completes and frees the counter when nobody else waits', () => {
      const state = branch({ tickets: [ticket('t1', { status: 'serving', counterId: 'c1', callCount: 1 })], counters: [counter(1, { currentTicketId: 't1' })] });
      const decision = accepted(state, completeAndCallNext());
      expect(decision.result.ticketId).toBeNull();
      expect(decision.events.map((e) => e.type)).toEqual(['ticket.completed']);
    });

    it.each<[string, () => BranchState, string]>([
      ['a customer not yet started', () => hall(), 'INVALID_TRANSITION'],
      ['a counter with nobody at it', () => branch({ tickets: [ticket('t2')] }), 'INVALID_TRANSITION'],
      ['a paused counter', () => { const s = hall({ status: 'serving' }); s.counters.set('c1', { ...s.counters.get('c1')!, status: 'paused' }); return s; }, 'COUNTER_PAUSED'],
    ])('refuses %s', (_, state, code) => {
      expect(refusal(state(), completeAndCallNext())).toBe(code);
    });

    it('still refuses a plain call-next while a customer is being served (it completes nothing silently)', () => {
      expect(refusal(hall({ status: 'serving' }), { type: 'call_next', actor: teller(1), counterId: 'c1' })).toBe('COUNTER_BUSY');
    });
  });

  describe('start on call (a branch setting)', () => {
    it('puts a called ticket straight into serving, still recorded as a call', () => {
      const state = branch({ tickets: [ticket('t1')] });
      state.branch.settings = { ...state.branch.settings, startOnCall: true };
      const outcome = decideAndEvolve(state, { type: 'call_next', actor: teller(1), counterId: 'c1' }, NOW);
      if (!outcome.ok) throw outcome.refusal;
      expect(outcome.decision.events).toEqual([expect.objectContaining({ type: 'ticket.called', ticket: expect.objectContaining({ status: 'serving', calledAt: NOW.toISOString(), startedAt: NOW.toISOString() }) })]);
      expect(state.recentCalls.map((c) => c.number)).toEqual(['A001']);
    });
  });

  describe('pausing with a reason', () => {
    it('keeps the reason on the counter and in its event, and clears it on resume', () => {
      const state = branch();
      const paused = decideAndEvolve(state, { type: 'pause_counter', actor: teller(1), counterId: 'c1', reason: 'lunch' }, NOW);
      expect(paused.ok && paused.decision.events).toEqual([expect.objectContaining({ type: 'counter.paused', counter: expect.objectContaining({ status: 'paused', pauseReason: 'lunch' }) })]);
      decideAndEvolve(state, { type: 'open_counter', actor: teller(1), counterId: 'c1' }, NOW);
      expect(state.counters.get('c1')).toMatchObject({ status: 'open', pauseReason: null });
    });

    it('records "other" when no reason is given', () => {
      expect(accepted(branch(), { type: 'pause_counter', actor: teller(1), counterId: 'c1' }).events[0].counter?.pauseReason).toBe('other');
    });
  });
});
