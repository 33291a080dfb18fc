/**
 * Undo of the lobby manager's divert, transfer, tier change and cancel, as a pure rule: the ticket
 * waits again exactly where it was, so every counter would call the queue in the same order.
 */
import { describe, expect, it } from 'vitest';
import type { Counter, Service } from '../../protocol/schemas.js';
import { TRIAGE_UNDO_SECONDS } from '../../protocol/triage-undo.js';
import type { Actor } from '../../server/src/domain/actor.js';
import { evolve, learnTimes, toWireTicket, type BranchState, type TicketRecord } from '../../server/src/domain/branch-state.js';
import { decide, decideAndEvolve, type Command, type Decision } from '../../server/src/domain/commands.js';
import type { TriageHistory } from '../../server/src/domain/triage-undo.js';
import { DEFAULT_SETTINGS } from '../../server/src/repositories/mappers.js';

// 10:00 in Shanghai on Monday 23 November 2026.
const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAY = '2026-11-23';
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const secondsLater = (s: number) => new Date(NOW.getTime() + s * 1000);

const manager: Actor = { kind: 'user', id: 'u-manager', role: 'manager', branchId: 'b1', username: 'manager' };
const admin: Actor = { kind: 'user', id: 'u-admin', role: 'admin', branchId: null, username: 'admin' };
const teller1: Actor = { kind: 'user', id: 'u-teller1', role: 'teller', branchId: 'b1', username: 'teller1' };
const otherManager: Actor = { kind: 'user', id: 'u-other', role: 'manager', branchId: 'b2', username: 'other' };

function service(prefix: string): Service {
  return {
    id: `s-${prefix}`,
    branchId: 'b1',
    prefix,
    name: { en: prefix, zhHant: prefix, zhHans: prefix },
    selfServiceKind: prefix === 'A' ? 'atm' : null,
    targetWaitSeconds: 600,
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

function ticket(id: string, number: string, waitedMinutes: number, overrides: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id,
    branchId: 'b1',
    serviceId: `s-${number[0]}`,
    number,
    tier: 'regular',
    status: 'waiting',
    issuedAt: minutesAgo(waitedMinutes),
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

/** A morning's hall: cash (A) and transfers (B), a VIP ticket and a priority one, counters 1–2 (A and B) and VIP counter 6. */
function hall(): BranchState {
  const services = new Map(['A', 'B', 'V'].map((p) => [`s-${p}`, service(p)]));
  const tickets = [
    ticket('a1', 'A001', 14),
    ticket('a2', 'A002', 12),
    ticket('b1', 'B001', 11),
    ticket('a3', 'A003', 9, { tier: 'priority' }),
    ticket('a4', 'A004', 7),
    ticket('b2', 'B002', 6, { tier: 'vip' }),
    ticket('a5', 'A005', 4),
    ticket('b3', 'B003', 2),
  ];
  return {
    seq: 10,
    branch: { id: 'b1', name: { en: 'Branch', zhHant: '支行', zhHans: '支行' }, timeZone: 'Asia/Shanghai', defaultLocale: 'zh-Hant', settings: { ...DEFAULT_SETTINGS } },
    services,
    counters: new Map([counter(1), counter(2), counter(6, { vip: true, serviceIds: ['s-A', 's-B', 's-V'] })].map((c) => [c.id, c])),
    machines: [{ id: 'm1', branchId: 'b1', kind: 'atm', label: 'ATM 1', inService: true }],
    tickets: new Map(tickets.map((t) => [t.id, t])),
    lastNumbers: new Map([['A', { day: DAY, value: 5 }], ['B', { day: DAY, value: 3 }]]),
    learning: { today: DAY, recent: new Map(), todays: new Map(), times: learnTimes(services.values(), new Map(), new Map()) },
    tieredCalls: new Map(),
    recentCalls: [],
    throttleAlerts: new Map(),
  };
}

function accepted(state: BranchState, command: Command, now = NOW): Decision {
  const outcome = decideAndEvolve(state, command, now);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return outcome.decision;
}

function refusal(state: BranchState, command: Command, now = NOW) {
  const outcome = decide(state, command, now);
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.decision.events.map((e) => e.type))}`);
  return outcome.refusal.code;
}

/**
 * The order in which `counterIds` would call the whole queue, taking turns, each completing its
 * customer before calling the next: what "the ticket's place" means. The state is not changed.
 */
function callOrder(original: BranchState, counterIds = ['c1', 'c6', 'c2']): string[] {
  const state = structuredClone(original);
  const order: string[] = [];
  for (let turn = 0; turn < 50; turn++) {
    const counterId = counterIds[turn % counterIds.length];
    const called = accepted(state, { type: 'call_next', actor: manager, counterId }, secondsLater(turn));
    if (!called.result.ticketId) {
      if ([...state.tickets.values()].every((t) => t.status !== 'waiting')) return order;
      continue;
    }
    order.push(`${state.tickets.get(called.result.ticketId)!.number}@${counterId}`);
    accepted(state, { type: 'start', actor: manager, ticketId: called.result.ticketId }, secondsLater(turn));
    accepted(state, { type: 'complete', actor: manager, ticketId: called.result.ticketId }, secondsLater(turn));
  }
  throw new Error('the queue never emptied');
}

/** What the event log holds for the ticket: its event before the action, and the action's. */
function historyOf(before: TicketRecord, decision: Decision, type = decision.events[0].type): TriageHistory {
  return { before: toWireTicket(before), action: { type, at: NOW.toISOString(), ticket: toWireTicket(decision.events[0].ticket!) } };
}

const ACTIONS: [string, (ticketId: string) => Command][] = [
  ['a divert to the ATM', (ticketId) => ({ type: 'divert', actor: manager, ticketId, machineKind: 'atm' })],
  ['a transfer to another service', (ticketId) => ({ type: 'transfer', actor: manager, ticketId, serviceId: ticketId.startsWith('a') ? 's-B' : 's-A' })],
  ['a move into the VIP lane', (ticketId) => ({ type: 'change_tier', actor: manager, ticketId, tier: 'vip' })],
  ['a move back to regular', (ticketId) => ({ type: 'change_tier', actor: manager, ticketId, tier: 'regular' })],
  ['a cancel', (ticketId) => ({ type: 'cancel', actor: manager, ticketId })],
];

/** Runs `action` on the ticket, then the undo `afterSeconds` later; the state after both, and the undo's decision. */
function actThenUndo(state: BranchState, ticketId: string, action: Command, afterSeconds = 30, actor: Actor = manager) {
  const before = state.tickets.get(ticketId)!;
  const done = accepted(state, action);
  const after = done.events[0].ticket!;
  const undo: Command = { type: 'undo_triage', actor, ticketId, finished: state.tickets.has(ticketId) ? undefined : after, history: historyOf(before, done) };
  return { before, after, undo, undone: () => accepted(state, undo, secondsLater(afterSeconds)) };
}

describe('undoing a triage action', () => {
  describe.each(ACTIONS)('after %s', (_, action) => {
    it.each(['a2', 'a3', 'b2'])('puts ticket %s back exactly: every counter calls the queue in the same order as before', (ticketId) => {
      const state = hall();
      const orderBefore = callOrder(state);
      const { before, undone } = actThenUndo(state, ticketId, action(ticketId));
      const decision = undone();
      expect(state.tickets.get(ticketId)).toEqual(before);
      expect(decision.events).toEqual([{ type: 'ticket.restored', ticket: before }]);
      expect(decision.changes).toEqual([{ kind: 'ticket', ticket: before, inserted: false }]);
      expect(callOrder(state)).toEqual(orderBefore);
    });
  });

  it('changed the call order in the first place (the test would notice a restore in the wrong place)', () => {
    const state = hall();
    const orderBefore = callOrder(state);
    accepted(state, { type: 'change_tier', actor: manager, ticketId: 'a2', tier: 'vip' });
    expect(callOrder(state)).not.toEqual(orderBefore);
  });

  it('keeps a transferred ticket’s own number, and gives it back its service', () => {
    const state = hall();
    const { after, undone } = actThenUndo(state, 'a2', { type: 'transfer', actor: manager, ticketId: 'a2', serviceId: 's-B' });
    expect(after).toMatchObject({ number: 'A002', serviceId: 's-B' });
    expect(undone().events[0].ticket).toMatchObject({ number: 'A002', serviceId: 's-A', status: 'waiting' });
  });

  it('may be done by an admin as well as a manager', () => {
    const state = hall();
    expect(actThenUndo(state, 'a1', ACTIONS[0][1]('a1'), 30, admin).undone().events[0].type).toBe('ticket.restored');
  });

  it.each<[string, number, Actor, string]>([
    ['a teller', 30, teller1, 'FORBIDDEN'],
    ['a manager of another branch', 30, otherManager, 'FORBIDDEN'],
    ['after the window', TRIAGE_UNDO_SECONDS, manager, 'UNDO_EXPIRED'],
  ])('is refused to %s (%s s after), and changes nothing', (_, afterSeconds, actor, code) => {
    const state = hall();
    const { undo } = actThenUndo(state, 'a1', ACTIONS[0][1]('a1'), afterSeconds, actor);
    const copy = structuredClone(state);
    expect(refusal(state, undo, secondsLater(afterSeconds))).toBe(code);
    expect(state).toEqual(copy);
  });

  it('is allowed up to the last second of the window', () => {
    const state = hall();
    expect(actThenUndo(state, 'a1', ACTIONS[0][1]('a1'), TRIAGE_UNDO_SECONDS - 1).undone().events[0].type).toBe('ticket.restored');
  });

  it('is refused once the ticket has moved on since: called after a tier change', () => {
    const state = hall();
    const { undo } = actThenUndo(state, 'a1', { type: 'change_tier', actor: manager, ticketId: 'a1', tier: 'vip' });
    accepted(state, { type: 'call_ticket', actor: teller1, counterId: 'c1', ticketId: 'a1' });
    expect(refusal(state, undo, secondsLater(10))).toBe('INVALID_TRANSITION');
  });

  it('is refused twice: the second undo finds the ticket already back', () => {
    const state = hall();
    const { undo, undone } = actThenUndo(state, 'a1', { type: 'transfer', actor: manager, ticketId: 'a1', serviceId: 's-B' });
    undone();
    expect(refusal(state, undo, secondsLater(40))).toBe('INVALID_TRANSITION');
  });

  it('is refused when the last change was not a triage action, or nothing is known of it', () => {
    const state = hall();
    const issued = toWireTicket(state.tickets.get('a1')!);
    expect(refusal(state, { type: 'undo_triage', actor: manager, ticketId: 'a1', history: { before: null, action: { type: 'ticket.issued', at: NOW.toISOString(), ticket: issued } } })).toBe('INVALID_TRANSITION');
    expect(refusal(state, { type: 'undo_triage', actor: manager, ticketId: 'a1', history: null })).toBe('INVALID_TRANSITION');
    expect(refusal(state, { type: 'undo_triage', actor: manager, ticketId: 'nope', history: null })).toBe('NOT_FOUND');
  });

  it('does not put back a customer a teller transferred from their counter: they were not waiting', () => {
    const state = hall();
    accepted(state, { type: 'call_ticket', actor: teller1, counterId: 'c1', ticketId: 'a1' });
    const { undo } = actThenUndo(state, 'a1', { type: 'transfer', actor: teller1, ticketId: 'a1', serviceId: 's-B' });
    expect(refusal(state, undo, secondsLater(10))).toBe('INVALID_TRANSITION');
  });

  it('does not restore a number that has been given again since (numbers wrap after 999)', () => {
    const state = hall();
    const { undo } = actThenUndo(state, 'a1', { type: 'cancel', actor: manager, ticketId: 'a1' });
    evolve(state, { kind: 'ticket', inserted: true, ticket: ticket('again', 'A001', 0) });
    expect(refusal(state, undo, secondsLater(10))).toBe('CONFLICT');
  });
});
