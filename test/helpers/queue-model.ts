/**
 * The queue's command model, shared by the pure model test (test/domain/queue-model.test.ts) and
 * its run against the real app (test/server/queue-model-db.test.ts): the random steps a hall can
 * take, what the test remembers of them, and how each becomes a domain command on the branch's
 * current state. The rules every step must keep are test/helpers/queue-rules.ts.
 */
import fc from 'fast-check';
import { canApplyCounterAction, canApplyTicketAction, canCallNext, type CounterAction, type TicketAction } from '../../protocol/actions.js';
import type { Counter, Tier } from '../../protocol/schemas.js';
import type { Actor } from '../../server/src/domain/actor.js';
import type { BranchState, TicketRecord } from '../../server/src/domain/branch-state.js';
import type { Command, TellerInfo } from '../../server/src/domain/commands.js';

// ── steps ──────────────────────────────────────────────────────────────

/** Who presses the button: the teller at the counter concerned (else the manager), the manager, the kiosk, or some teller. */
export type Who = 'staff' | 'manager' | 'kiosk' | { teller: number };
type TicketStepAction = Exclude<TicketAction, 'call'>;

/** One thing that happens in the hall. Indices pick services, counters, tellers and tickets as the state has them. */
export type Step =
  | { kind: 'issue'; service: number; tier: Tier; by: 'kiosk' | 'manager' }
  /** `fitting`: a counter that may call now (open and free); otherwise any counter. */
  | { kind: 'call_next'; counter: number; fitting: boolean; by: Who }
  /** `fitting`: a ticket whose status allows the action; otherwise any ticket ever issued. */
  | { kind: 'ticket'; action: TicketStepAction; ticket: number; fitting: boolean; by: Who; service: number; tier: Tier }
  /** `fitting`: a counter whose status allows the action; `names`: the teller a manager names when opening. */
  | { kind: 'counter'; action: CounterAction; counter: number; fitting: boolean; by: Who; names: number | null }
  | { kind: 'close_past_days' }
  | { kind: 'advance'; seconds: number };

const TIERS: readonly Tier[] = ['regular', 'priority', 'vip'];
/** A teller's own actions come more often than the lobby manager's. */
const TICKET_ACTIONS: readonly TicketStepAction[] = ['start', 'start', 'complete', 'complete', 'complete', 'no_show', 'recall', 'cancel', 'transfer', 'divert', 'change_tier'];

const mostly = fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const who: fc.Arbitrary<Who> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('staff' as const) },
  { weight: 2, arbitrary: fc.constant('manager' as const) },
  { weight: 1, arbitrary: fc.constant('kiosk' as const) },
  { weight: 1, arbitrary: fc.record({ teller: fc.nat(7) }) },
);

/**
 * Random steps, weighted like a busy morning: many issues, calls and ticket actions, some counter
 * changes, and time moving on by seconds, minutes or (up to `longestAdvanceSeconds`) hours.
 */
export function stepArbitrary({ longestAdvanceSeconds }: { longestAdvanceSeconds: number }): fc.Arbitrary<Step> {
  const advance = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 120 }) },
    { weight: 4, arbitrary: fc.integer({ min: 120, max: Math.min(1200, longestAdvanceSeconds) }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: longestAdvanceSeconds }) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat(7), tier: fc.constantFrom(...TIERS), by: fc.constantFrom('kiosk' as const, 'manager' as const) }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('call_next' as const), counter: fc.nat(7), fitting: mostly, by: who }) },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('ticket' as const),
        action: fc.constantFrom(...TICKET_ACTIONS),
        ticket: fc.nat(30),
        fitting: mostly,
        by: who,
        service: fc.nat(7),
        tier: fc.constantFrom(...TIERS),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('counter' as const),
        action: fc.constantFrom<CounterAction>('open', 'pause', 'close'),
        counter: fc.nat(7),
        fitting: mostly,
        by: who,
        names: fc.option(fc.nat(7)),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'close_past_days' as const }) },
    { weight: 4, arbitrary: advance.map((seconds) => ({ kind: 'advance' as const, seconds })) },
  );
}

/** A step as the failure report prints it. */
export const describeStep = (step: Step) => {
  const { kind, ...rest } = step;
  return `${kind}(${JSON.stringify(rest).slice(1, -1)})`;
};

// ── what the test knows ───────────────────────────────────────────────

/** The people of the hall, as the domain sees them. */
export interface People {
  manager: Actor;
  kiosk: Actor;
  tellers: { actor: Extract<Actor, { kind: 'user' }>; info: TellerInfo }[];
}

/** What the test remembers besides the branch's state: the history the rules speak of. */
export interface QueueModel {
  now: Date;
  people: People;
  /** Each ticket ever issued: its arrival time, which nothing may change. */
  arrivals: Map<string, string>;
  /** Every number given, as `business day|number`. */
  numbersGiven: Set<string>;
  /** Tickets that have left the hall. */
  ended: Set<string>;
  /** Every priority or VIP ticket called by call-next: where and when (ms). */
  tieredCalls: { counterId: string; at: number }[];
}

export function newModel(now: Date, people: People): QueueModel {
  return { now, people, arrivals: new Map(), numbersGiven: new Set(), ended: new Set(), tieredCalls: [] };
}

// ── from a step to a command ─────────────────────────────────────────

const pick = <T>(items: readonly T[], index: number): T | undefined => items[index % items.length];

/** Tickets in order of arrival (ties by id), as the call rule orders a lane. */
export const arrivalOrder = (a: { issuedAt: string; id: string }, b: { issuedAt: string; id: string }) =>
  a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The counter a step acts on: by number, among those that `fit` when the step asks for one that does (and some do). */
function counterFor(state: BranchState, index: number, fitting: boolean, fits: (counter: Counter) => boolean): Counter {
  const counters = [...state.counters.values()].sort((a, b) => a.number - b.number);
  const fit = counters.filter(fits);
  return pick(fitting && fit.length > 0 ? fit : counters, index)!;
}

function actorFor(by: Who, counter: Counter | undefined, people: People): Actor {
  if (by === 'manager') return people.manager;
  if (by === 'kiosk') return people.kiosk;
  if (by !== 'staff') return people.tellers[by.teller % people.tellers.length].actor;
  return people.tellers.find((t) => t.actor.id === counter?.tellerId)?.actor ?? people.manager;
}

/** Who opens a counter when "its staff" does: its own teller, or one who staffs no counter yet. */
function openerFor(counter: Counter, state: BranchState, people: People) {
  const staffing = new Set([...state.counters.values()].filter((c) => c.status !== 'closed').map((c) => c.tellerId));
  return people.tellers.find((t) => t.actor.id === counter.tellerId) ?? people.tellers.find((t) => !staffing.has(t.actor.id));
}

function counterCommand(step: Extract<Step, { kind: 'counter' }>, counter: Counter, state: BranchState, people: People): Command {
  if (step.action !== 'open') return { type: `${step.action}_counter`, actor: actorFor(step.by, counter, people), counterId: counter.id };
  if (step.by === 'manager' && step.names !== null) {
    const named = people.tellers[step.names % people.tellers.length];
    return { type: 'open_counter', actor: people.manager, counterId: counter.id, tellerId: named.actor.id, teller: named.info };
  }
  const teller = step.by === 'staff' ? openerFor(counter, state, people) : people.tellers.find((t) => t.actor === actorFor(step.by, counter, people));
  return { type: 'open_counter', actor: teller?.actor ?? actorFor(step.by, counter, people), counterId: counter.id, teller: teller?.info };
}

function ticketCommand(
  step: Extract<Step, { kind: 'ticket' }>,
  state: BranchState,
  model: QueueModel,
  finished: (ticketId: string) => TicketRecord | undefined,
): Command | null {
  const active = [...state.tickets.values()].sort(arrivalOrder);
  const fitting = active.filter((t) => canApplyTicketAction(step.action, t.status));
  const ticketIds = step.fitting && fitting.length > 0 ? fitting.map((t) => t.id) : [...active.map((t) => t.id), ...model.ended];
  const ticketId = pick(ticketIds, step.ticket);
  if (ticketId === undefined) return null;
  const ticket = state.tickets.get(ticketId);
  const counter = ticket?.counterId ? state.counters.get(ticket.counterId) : undefined;
  const base = { actor: actorFor(step.by, counter, model.people), ticketId, finished: ticket ? undefined : finished(ticketId) };
  const services = [...state.services.values()];
  switch (step.action) {
    case 'transfer': {
      let service = pick(services, step.service)!;
      if (step.fitting && service.id === ticket?.serviceId) service = pick(services, step.service + 1)!;
      return { ...base, type: 'transfer', serviceId: service.id };
    }
    case 'divert':
      return { ...base, type: 'divert', machineKind: state.services.get(ticket?.serviceId ?? '')?.selfServiceKind ?? 'atm' };
    case 'change_tier':
      return { ...base, type: 'change_tier', tier: step.tier };
    default:
      return { ...base, type: step.action };
  }
}

/**
 * The domain command a step stands for on `state`, or null when it has nothing to act on.
 * `finished` gives a ticket that has left the hall as stored (the pure run must pass it; the
 * server looks it up itself). Issued tickets get `ticketId`.
 */
export function commandFor(
  step: Exclude<Step, { kind: 'advance' }>,
  state: BranchState,
  model: QueueModel,
  { ticketId, finished }: { ticketId: string; finished: (ticketId: string) => TicketRecord | undefined },
): Command | null {
  const { people } = model;
  switch (step.kind) {
    case 'issue': {
      const service = pick([...state.services.values()], step.service)!;
      return { type: 'issue', actor: step.by === 'kiosk' ? people.kiosk : people.manager, ticketId, serviceId: service.id, tier: step.tier, customerRef: null };
    }
    case 'call_next': {
      const counter = counterFor(state, step.counter, step.fitting, (c) => canCallNext(c, c.currentTicketId ? state.tickets.get(c.currentTicketId) : null));
      return { type: 'call_next', actor: actorFor(step.by, counter, people), counterId: counter.id };
    }
    case 'counter':
      return counterCommand(step, counterFor(state, step.counter, step.fitting, (c) => canApplyCounterAction(step.action, c.status)), state, people);
    case 'ticket':
      return ticketCommand(step, state, model, finished);
    case 'close_past_days':
      return { type: 'close_past_days' };
  }
}
