/**
 * Every change a teller, the lobby manager, a kiosk or the server itself makes to a branch, as pure
 * commands: `decide(state, command, now)` returns the rows to write and the events to publish, or
 * a refusal. Nothing here reads or writes; the branch engine runs a decision in one transaction.
 */
import { isAtCounter } from '../../../protocol/actions.js';
import type { DomainEventType } from '../../../protocol/messages.js';
import { canUndoNoShow, NO_SHOW_UNDO_SECONDS, noShowWait } from '../../../protocol/no-show.js';
import type { BranchSettings, Counter, MachineKind, PauseReason, Role, ThrottleAlert, Tier } from '../../../protocol/schemas.js';
import { isRecentThrottleAlert } from '../../../protocol/throttle-alerts.js';
import type { CustomerTier } from '../../../protocol/record-kinds.js';
import { AppError, notFound } from '../errors.js';
import { assertActsOnCounter, assertCanIssue, assertStaff, type Actor } from './actor.js';
import { evolve, type BranchState, type Change, type TicketRecord } from './branch-state.js';
import { businessDay } from './business-day.js';
import { assertMachineKindInService } from './hall-check-rules.js';
import { pickNextTicket, placeOf, type WaitingTicket } from './call-order.js';
import { formatTicketNumber, nextTicketNumber, ticketNumberValue } from './ticket-number.js';
import { assertCounterAction, assertTicketAction, type TicketAction } from './ticket-transitions.js';
import { restoreTriagedTicket, type UndoTriageCommand } from './triage-undo.js';
import { requeueNoShow } from './requeue.js';
import { assertServiceIssuing, calendarOf, issuedTodayFrom } from './service-opening.js';
import { decideCustomerCancel, decideOnMyWay, type CustomerTicketCommand } from './customer-actions.js';

/** A member of staff named as a counter's teller, as the service found them (null: no such user). */
export interface TellerInfo {
  id: string;
  displayName: string;
  role: Role;
  branchId: string | null;
  active: boolean;
}

/** The resource sheet's customer a VIP number matched, as the issue rule needs them: no name. */
export interface RegisteredCustomer {
  id: string;
  tier: CustomerTier;
}

/** `finished`: the ticket as stored when it is no longer active, so a refusal can say what it is. */
type TicketCommand<T extends string, Extra = object> = T extends string ? { type: T; actor: Actor; ticketId: string; finished?: TicketRecord } & Extra : never;

export type Command =
  /**
   * `customerRef` is the HMAC of the number given (never the number); `customer` the resource
   * sheet's customer it matched, which the service looked up before the command (absent: none).
   */
  | { type: 'issue'; actor: Actor; ticketId: string; serviceId: string; tier: Tier; customerRef: string | null; customer?: RegisteredCustomer | null }
  | { type: 'record_diversion'; actor: Actor; serviceId: string; machineKind: MachineKind }
  | { type: 'call_next'; actor: Actor; counterId: string }
  /** 指定叫號: the teller calls this waiting ticket of the counter's services, not the next in line. */
  | { type: 'call_ticket'; actor: Actor; counterId: string; ticketId: string }
  /** Completes the customer being served and calls the next ticket: one decision, two events. */
  | { type: 'complete_and_call_next'; actor: Actor; counterId: string }
  | TicketCommand<'recall' | 'start' | 'complete' | 'no_show' | 'undo_no_show' | 'cancel'>
  /** 過號重排: a no-show's late customer waits again where the branch's lateArrival says (requeue.ts). */
  | TicketCommand<'requeue'>
  | TicketCommand<'transfer', { serviceId: string }>
  | TicketCommand<'divert', { machineKind: MachineKind }>
  | TicketCommand<'change_tier', { tier: Tier }>
  /** Undoes the ticket's last divert, transfer, tier change or cancel (triage-undo.ts). */
  | ({ type: 'undo_triage' } & UndoTriageCommand)
  | { type: 'open_counter'; actor: Actor; counterId: string; tellerId?: string; teller?: TellerInfo | null }
  | { type: 'pause_counter'; actor: Actor; counterId: string; reason?: PauseReason }
  | { type: 'close_counter'; actor: Actor; counterId: string }
  | { type: 'close_past_days' }
  /** The branch's calendar moved on (the engine's timer, at the view's `validUntilMs`): screens get the new openings. */
  | { type: 'mark_hours_changed' }
  /** Kiosk `deviceId` was refused `refused` more tickets for issuing too fast (the server records it). */
  | { type: 'record_throttle'; deviceId: string; deviceLabel: string; refused: number }
  /** A manager takes back the still-waiting tickets kiosk `deviceId` issued in the last `sinceMinutes`. */
  | { type: 'cancel_device_tickets'; actor: Actor; deviceId: string; sinceMinutes: number }
  /** The customer on their phone: "I am on my way" (customer-actions.ts); no actor, the ticket's id is the key. */
  | ({ type: 'customer_on_my_way' } & CustomerTicketCommand)
  /** The customer cancels their own waiting ticket on their phone (customer-actions.ts). */
  | ({ type: 'customer_cancel' } & CustomerTicketCommand);

/** An event before it has its sequence number and the queue figures after the change. */
export interface EventDraft {
  type: DomainEventType;
  ticket?: TicketRecord;
  counter?: Counter;
  diversion?: { serviceId: string; machineKind: MachineKind };
  alert?: ThrottleAlert;
  /** ticket.called: called by choice (指定叫號), so reports can count it. */
  calledDirectly?: boolean;
}

export interface Decision {
  changes: Change[];
  events: EventDraft[];
  /** The ticket or counter the command acted on (null: call-next found nobody), or how many tickets it closed. */
  result: { ticketId?: string | null; counterId?: string; count?: number };
}

export type Outcome = { ok: true; decision: Decision } | { ok: false; refusal: AppError };

/** Decides a command against the branch's state. Pure: `state` is not changed. */
export function decide(state: BranchState, command: Command, now: Date): Outcome {
  try {
    return { ok: true, decision: decideOrThrow(state, command, now) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, refusal: err };
    throw err;
  }
}

/** Decides and applies: the state after the command, for commands decided one after another in a batch. */
export function decideAndEvolve(state: BranchState, command: Command, now: Date): Outcome {
  const outcome = decide(state, command, now);
  if (outcome.ok) for (const change of outcome.decision.changes) evolve(state, change);
  return outcome;
}

function decideOrThrow(state: BranchState, command: Command, now: Date): Decision {
  const at = now.toISOString();
  switch (command.type) {
    case 'issue':
      return issue(state, command, now);
    case 'record_diversion': {
      assertCanIssue(command.actor, state.branch.id);
      if (!state.services.has(command.serviceId)) throw notFound('service', command.serviceId);
      const diversion = { serviceId: command.serviceId, machineKind: command.machineKind };
      return { changes: [], events: [{ type: 'customer.diverted', diversion }], result: {} };
    }
    case 'call_next':
      return callNext(state, counterReadyToCall(state, command.actor, command.counterId), now);
    case 'call_ticket':
      return callTicket(state, command, now);
    case 'complete_and_call_next':
      return completeAndCallNext(state, command, now);
    case 'recall': {
      const ticket = actOn(state, command, 'recall', true);
      return ticketChange(state, 'ticket.recalled', { ...ticket, callCount: ticket.callCount + 1, calledAt: at });
    }
    case 'start': {
      const ticket = actOn(state, command, 'start', true);
      return ticketChange(state, 'ticket.started', { ...ticket, status: 'serving', startedAt: at });
    }
    case 'complete': {
      const ticket = actOn(state, command, 'complete', true);
      return ticketChange(state, 'ticket.completed', { ...ticket, status: 'done', endedAt: at });
    }
    case 'no_show': {
      const ticket = actOn(state, command, 'no_show', true);
      assertNoShowAllowed(ticket, state.branch.settings, now);
      return ticketChange(state, 'ticket.no_show', { ...ticket, status: 'no_show', endedAt: at });
    }
    case 'undo_no_show':
      return undoNoShow(state, command, now);
    case 'requeue': {
      const ticket = requeueNoShow(state, command, now);
      return { changes: [{ kind: 'ticket', ticket, inserted: false }], events: [{ type: 'ticket.requeued', ticket }], result: { ticketId: ticket.id } };
    }
    case 'cancel': {
      const ticket = actOn(state, command, 'cancel', true);
      return ticketChange(state, 'ticket.cancelled', { ...ticket, status: 'cancelled', endedAt: at });
    }
    case 'transfer': {
      const ticket = actOn(state, command, 'transfer', true);
      if (!state.services.has(command.serviceId)) throw notFound('service', command.serviceId);
      if (command.serviceId === ticket.serviceId) {
        throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number} is already in service ${state.services.get(command.serviceId)!.prefix}`);
      }
      // It waits again, keeping its original arrival time (and so its place).
      return ticketChange(state, 'ticket.transferred', {
        ...ticket,
        status: 'waiting',
        serviceId: command.serviceId,
        counterId: null,
        calledAt: null,
        startedAt: null,
        callCount: 0,
      }, ticket.counterId);
    }
    case 'divert': {
      const ticket = actOn(state, command, 'divert', false);
      assertMachineKindInService(state.machines, command.machineKind);
      return ticketChange(state, 'ticket.diverted', { ...ticket, status: 'diverted', divertedTo: command.machineKind, endedAt: at });
    }
    case 'change_tier': {
      const ticket = actOn(state, command, 'change_tier', false);
      return ticketChange(state, 'ticket.tier_changed', { ...ticket, tier: command.tier });
    }
    case 'undo_triage': {
      const ticket = restoreTriagedTicket(state, command, now);
      return { changes: [{ kind: 'ticket', ticket, inserted: false }], events: [{ type: 'ticket.restored', ticket }], result: { ticketId: ticket.id } };
    }
    case 'open_counter':
      return openCounter(state, command, at);
    case 'pause_counter': {
      const counter = requireCounter(state, command.counterId);
      assertActsOnCounter(command.actor, counter);
      assertCounterAction('pause', counter.status, counter.number);
      return counterChange('counter.paused', { ...counter, status: 'paused', pauseReason: command.reason ?? 'other', statusChangedAt: at });
    }
    case 'close_counter': {
      const counter = requireCounter(state, command.counterId);
      assertActsOnCounter(command.actor, counter);
      assertCounterAction('close', counter.status, counter.number);
      const current = currentTicket(state, counter);
      if (current) throw new AppError('COUNTER_BUSY', `counter ${counter.number} still has ticket ${current.number}: finish it first`);
      return counterChange('counter.closed', {
        ...counter,
        status: 'closed',
        tellerId: null,
        tellerName: null,
        currentTicketId: null,
        pauseReason: null,
        statusChangedAt: at,
      });
    }
    case 'close_past_days':
      return closePastDays(state, now);
    case 'mark_hours_changed':
      return { changes: [], events: [{ type: 'branch.hours_changed' }], result: {} };
    case 'record_throttle':
      return recordThrottle(state, command, now);
    case 'cancel_device_tickets': {
      assertStaff(command.actor, state.branch.id, ['admin', 'manager']);
      return cancelTickets(state, deviceTicketsSince(state, command.deviceId, command.sinceMinutes, now), at);
    }
    case 'customer_on_my_way':
      return decideOnMyWay(state, command, now);
    case 'customer_cancel':
      return decideCustomerCancel(state, command, now);
  }
}

function issue(state: BranchState, command: Extract<Command, { type: 'issue' }>, now: Date): Decision {
  assertCanIssue(command.actor, state.branch.id);
  const service = state.services.get(command.serviceId);
  if (!service) throw notFound('service', command.serviceId);

  const day = businessDay(now, state.branch.timeZone);
  const issuedToday = issuedTodayFrom(state.lastNumbers.get(service.prefix), day);
  assertServiceIssuing(calendarOf(state.branch), service, now, issuedToday, command.actor.kind === 'user');
  // A number held by any active ticket (also one left from an earlier day) is never given twice.
  const inUse = new Set<number>();
  for (const t of state.tickets.values()) if (t.number[0] === service.prefix) inUse.add(ticketNumberValue(t.number));
  const last = state.lastNumbers.get(service.prefix);
  const value = nextTicketNumber(last?.day === day ? last.value : null, inUse);
  if (value === null) throw new AppError('NUMBERS_EXHAUSTED', `all 999 numbers of ${service.prefix} are in use today`);
  const customer = command.customer ?? null;
  assertVipRecognised(state.branch.settings.vipRecognition, command.actor, command.tier, customer);

  const ticket: TicketRecord = {
    id: command.ticketId,
    branchId: state.branch.id,
    serviceId: service.id,
    number: formatTicketNumber(service.prefix, value),
    businessDay: day,
    tier: command.tier,
    status: 'waiting',
    customerRef: command.customerRef,
    customerId: customer?.id ?? null,
    issuedAt: now.toISOString(),
    calledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    callCount: 0,
    divertedTo: null,
    issuedBy: command.actor.kind === 'user' ? command.actor.id : null,
    issuedByDevice: command.actor.kind === 'device' ? command.actor.id : null,
    issueEstimateSeconds: null,
  };
  const changes: Change[] = [{ kind: 'number', prefix: service.prefix, day, value }, { kind: 'ticket', ticket, inserted: true }];
  if (customer) changes.push({ kind: 'customer_visit', customerId: customer.id, at: ticket.issuedAt });
  return {
    changes,
    events: [{ type: 'ticket.issued', ticket }],
    result: { ticketId: ticket.id },
  };
}

/**
 * vipRecognition 'registry': the kiosk's VIP lane is for customers on the branch's resource sheet
 * as VIP or valued; anyone else is refused (kindly, by the kiosk) and nothing is issued. Staff who
 * issue a VIP ticket have seen the customer: their judgement stands, as it does when they move a
 * ticket to the VIP lane. 'trust' gives the lane to any number, as before the sheet existed.
 */
export function assertVipRecognised(recognition: BranchSettings['vipRecognition'], actor: Actor, tier: Tier, customer: RegisteredCustomer | null): void {
  if (recognition !== 'registry' || tier !== 'vip' || actor.kind !== 'device') return;
  if (customer && (customer.tier === 'vip' || customer.tier === 'valued')) return;
  throw new AppError('VIP_NOT_RECOGNISED', "this card or customer number is not on the branch's VIP list: take a regular or priority ticket, or ask the lobby manager");
}

/** The counter, once `actor` may call to it and it is open and free. */
function counterReadyToCall(state: BranchState, actor: Actor, counterId: string): Counter {
  const counter = requireCounter(state, counterId);
  assertActsOnCounter(actor, counter);
  assertOpen(counter);
  const current = currentTicket(state, counter);
  if (current) {
    throw new AppError(
      'COUNTER_BUSY',
      `counter ${counter.number} still has ticket ${current.number} (${current.status}): complete, transfer or mark it no-show first`,
    );
  }
  return counter;
}

function assertOpen(counter: Counter): void {
  if (counter.status === 'closed') throw new AppError('COUNTER_CLOSED', `counter ${counter.number} is closed: open it first`);
  if (counter.status === 'paused') throw new AppError('COUNTER_PAUSED', `counter ${counter.number} is paused: resume it first`);
}

/** Calls the ticket the call rule picks for the free `counter`, or nobody. */
function callNext(state: BranchState, counter: Counter, now: Date): Decision {
  const next = pickNextTicket({
    counter,
    waiting: laneHeads(state, counter.serviceIds),
    targetWaitSeconds: new Map([...state.services.values()].map((s) => [s.id, s.targetWaitSeconds])),
    servicesWithOpenVipCounter: servicesWithOpenVipCounter(state),
    settings: state.branch.settings,
    tieredCallsAt: state.tieredCalls.get(counter.id) ?? [],
    now,
  });
  if (!next) return { changes: [], events: [], result: { ticketId: null } };
  return callTo(state, counter, state.tickets.get(next.id)!, now, false);
}

function callTicket(state: BranchState, command: Extract<Command, { type: 'call_ticket' }>, now: Date): Decision {
  const counter = counterReadyToCall(state, command.actor, command.counterId);
  const ticket = state.tickets.get(command.ticketId);
  if (!ticket) throw notFound('ticket', command.ticketId);
  assertTicketAction('call', ticket.status, ticket.number);
  if (!counter.serviceIds.includes(ticket.serviceId)) {
    throw new AppError('SERVICE_NOT_AT_COUNTER', `counter ${counter.number} does not serve ${state.services.get(ticket.serviceId)?.prefix ?? 'that service'}: ticket ${ticket.number} cannot be called there`);
  }
  return callTo(state, counter, ticket, now, true);
}

/** The waiting ticket called to the free counter; when the branch wants it (startOnCall), its service starts at once. */
function callTo(state: BranchState, counter: Counter, waiting: TicketRecord, now: Date, calledDirectly: boolean): Decision {
  const at = now.toISOString();
  const startOnCall = state.branch.settings.startOnCall;
  const ticket: TicketRecord = {
    ...waiting,
    status: startOnCall ? 'serving' : 'called',
    counterId: counter.id,
    calledAt: at,
    startedAt: startOnCall ? at : null,
    callCount: 1,
  };
  const after: Counter = { ...counter, currentTicketId: ticket.id };
  return {
    changes: [{ kind: 'ticket', ticket, inserted: false }, { kind: 'counter', counter: after }],
    events: [{ type: 'ticket.called', ticket, counter: after, ...(calledDirectly ? { calledDirectly } : {}) }],
    result: { ticketId: ticket.id },
  };
}

/**
 * Completes the counter's served customer and calls the next one: the call is decided on the
 * counter as the completion leaves it (free), and both are written together.
 */
function completeAndCallNext(state: BranchState, command: Extract<Command, { type: 'complete_and_call_next' }>, now: Date): Decision {
  const counter = requireCounter(state, command.counterId);
  assertActsOnCounter(command.actor, counter);
  assertOpen(counter);
  const current = currentTicket(state, counter);
  if (!current) throw new AppError('INVALID_TRANSITION', `counter ${counter.number} has no customer to complete: call the next one instead`);
  assertTicketAction('complete', current.status, current.number);
  const completed = ticketChange(state, 'ticket.completed', { ...current, status: 'done', endedAt: now.toISOString() });
  // The completion freed the counter: the call is decided on the counter as it left it.
  const call = callNext(state, completed.events[0].counter!, now);
  return {
    changes: [...completed.changes, ...call.changes],
    events: [...completed.events, ...call.events],
    result: call.result,
  };
}

/** Refuses a no-show the branch does not allow yet, naming what is still needed. */
function assertNoShowAllowed(ticket: TicketRecord, settings: BranchSettings, now: Date): void {
  const wait = noShowWait(ticket, settings, now.getTime());
  if (wait.ready) return;
  const recalls = `after ${wait.recallsNeeded} more recall${wait.recallsNeeded === 1 ? '' : 's'}`;
  const time = wait.secondsLeft === null ? '' : ` or in ${wait.secondsLeft} s`;
  throw new AppError('NO_SHOW_TOO_SOON', `ticket ${ticket.number} can be marked no-show ${recalls}${time}`);
}

/**
 * Takes back a no-show marked moments ago: the customer turned up. The ticket is called to its
 * counter again, as it was, if that counter is open and has not called anyone since.
 */
function undoNoShow(state: BranchState, command: Extract<Command, { type: 'undo_no_show' }>, now: Date): Decision {
  const ticket = actOn(state, command, 'undo_no_show', true);
  if (!canUndoNoShow(ticket.endedAt, now.getTime())) {
    throw new AppError('UNDO_EXPIRED', `ticket ${ticket.number} was marked no-show more than ${NO_SHOW_UNDO_SECONDS / 60} minutes ago: issue a new ticket`);
  }
  const counter = counterReadyToCall(state, command.actor, ticket.counterId!);
  for (const other of state.tickets.values()) {
    if (other.number === ticket.number) throw new AppError('CONFLICT', `number ${ticket.number} has been given again: issue a new ticket`);
  }
  const restored: TicketRecord = { ...ticket, status: 'called', endedAt: null };
  const after: Counter = { ...counter, currentTicketId: restored.id };
  return {
    changes: [{ kind: 'ticket', ticket: restored, inserted: false }, { kind: 'counter', counter: after }],
    events: [{ type: 'ticket.no_show_undone', ticket: restored, counter: after }],
    result: { ticketId: restored.id },
  };
}

/**
 * The first waiting ticket of each service and tier: the call rule only ever takes one of these
 * (see ticket-lanes.ts), so a counter's choice costs one pass over the queue, not a sort of it.
 */
function laneHeads(state: BranchState, serviceIds: readonly string[]): WaitingTicket[] {
  const heads = new Map<string, TicketRecord>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || !serviceIds.includes(t.serviceId)) continue;
    const key = `${t.serviceId}|${t.tier}`;
    const head = heads.get(key);
    // By place in the queue: a re-queued ticket stands where it was put, not where it was issued.
    if (!head || placeOf(t) < placeOf(head) || (placeOf(t) === placeOf(head) && t.id < head.id)) heads.set(key, t);
  }
  return [...heads.values()];
}

/** Services an open VIP counter serves now: their VIP tickets wait in the VIP lane. */
export function servicesWithOpenVipCounter(state: BranchState): Set<string> {
  const services = new Set<string>();
  for (const c of state.counters.values()) if (c.vip && c.status === 'open') for (const id of c.serviceIds) services.add(id);
  return services;
}

function openCounter(state: BranchState, command: Extract<Command, { type: 'open_counter' }>, at: string): Decision {
  const counter = requireCounter(state, command.counterId);
  const { actor } = command;
  assertStaff(actor, counter.branchId, ['admin', 'manager', 'teller']);

  // Who will staff it: a teller opens for themself; a manager may name a teller, or keep the one there.
  let teller: { id: string; name: string } | null;
  if (actor.role === 'teller') {
    if (command.tellerId && command.tellerId !== actor.id) throw new AppError('FORBIDDEN', 'a teller can only open a counter for themself');
    if (counter.tellerId && counter.tellerId !== actor.id && counter.status !== 'closed') {
      throw new AppError('COUNTER_TAKEN', `counter ${counter.number} is staffed by ${counter.tellerName}`);
    }
    teller = { id: actor.id, name: command.teller?.displayName ?? actor.username };
  } else if (command.tellerId) {
    const named = command.teller;
    if (!named || !named.active) throw notFound('user', command.tellerId);
    if (named.role !== 'teller' || named.branchId !== counter.branchId) {
      throw new AppError('VALIDATION_FAILED', `body/tellerId: ${named.displayName} is not a teller of this branch`);
    }
    teller = { id: named.id, name: named.displayName };
  } else {
    teller = counter.status === 'closed' || !counter.tellerId ? null : { id: counter.tellerId, name: counter.tellerName ?? '' };
  }

  const takingOver = counter.status === 'open' && counter.tellerId === null && teller !== null;
  if (!takingOver) assertCounterAction('open', counter.status, counter.number);
  if (teller) {
    for (const other of state.counters.values()) {
      if (other.id !== counter.id && other.tellerId === teller.id && other.status !== 'closed') {
        throw new AppError('TELLER_HAS_COUNTER', `that teller already staffs counter ${other.number}: close it first`);
      }
    }
  }
  return counterChange('counter.opened', {
    ...counter,
    status: 'open',
    pauseReason: null,
    tellerId: teller?.id ?? null,
    tellerName: teller?.name ?? null,
    statusChangedAt: at,
  });
}

/** Cancels tickets left from earlier business days, so yesterday's leftovers never stand ahead of this morning's customers. */
function closePastDays(state: BranchState, now: Date): Decision {
  const today = businessDay(now, state.branch.timeZone);
  const leftovers = [...state.tickets.values()].filter((ticket) => ticket.businessDay < today);
  return cancelTickets(state, leftovers, now.toISOString());
}

/**
 * The waiting tickets kiosk `deviceId` issued in the last `sinceMinutes` (at or after now − N min):
 * what a manager's bulk cancel takes back. Tickets already called stay: their customer is at a counter.
 */
export function deviceTicketsSince(state: BranchState, deviceId: string, sinceMinutes: number, now: Date): TicketRecord[] {
  const since = new Date(now.getTime() - sinceMinutes * 60_000).toISOString();
  return [...state.tickets.values()].filter((t) => t.status === 'waiting' && t.issuedByDevice === deviceId && t.issuedAt >= since);
}

/** Cancels `tickets`, each with its own event, releasing a counter that held one of them. */
function cancelTickets(state: BranchState, tickets: readonly TicketRecord[], at: string): Decision {
  const decision: Decision = { changes: [], events: [], result: { count: tickets.length } };
  const released = new Map<string, Counter>();
  for (const ticket of tickets) {
    const cancelled: TicketRecord = { ...ticket, status: 'cancelled', endedAt: at };
    let counter: Counter | undefined;
    if (ticket.counterId) {
      const before = released.get(ticket.counterId) ?? state.counters.get(ticket.counterId);
      if (before) {
        counter = before.currentTicketId === ticket.id ? { ...before, currentTicketId: null } : before;
        released.set(counter.id, counter);
      }
    }
    decision.changes.push({ kind: 'ticket', ticket: cancelled, inserted: false });
    decision.events.push({ type: 'ticket.cancelled', ticket: cancelled, counter });
  }
  for (const counter of released.values()) decision.changes.push({ kind: 'counter', counter });
  return decision;
}

/**
 * A kiosk's refusals added to its alert. Refusals within THROTTLE_ALERT_MINUTES of the last one
 * belong to the same alert; after a quiet spell a new alert starts.
 */
function recordThrottle(state: BranchState, command: Extract<Command, { type: 'record_throttle' }>, now: Date): Decision {
  const at = now.toISOString();
  const previous = state.throttleAlerts.get(command.deviceId);
  const ongoing = previous && isRecentThrottleAlert(previous, now.getTime()) ? previous : undefined;
  const alert: ThrottleAlert = {
    deviceId: command.deviceId,
    deviceLabel: command.deviceLabel,
    refused: (ongoing?.refused ?? 0) + command.refused,
    since: ongoing?.since ?? at,
    lastAt: at,
  };
  return { changes: [{ kind: 'throttle_alert', alert }], events: [{ type: 'device.throttled', alert }], result: {} };
}

// ── helpers ────────────────────────────────────────────────────────────

function requireCounter(state: BranchState, counterId: string): Counter {
  const counter = state.counters.get(counterId);
  if (!counter) throw notFound('counter', counterId);
  return counter;
}

/** The ticket called to or being served at the counter, if any: the counter is busy with it. */
function currentTicket(state: BranchState, counter: Counter): TicketRecord | undefined {
  const ticket = counter.currentTicketId ? state.tickets.get(counter.currentTicketId) : undefined;
  return ticket && isAtCounter(ticket.status) ? ticket : undefined;
}

/**
 * The active ticket a command acts on, once the actor may act on it and the action is allowed
 * from its status. Managers and admins act on any ticket; a teller on the one at their counter
 * when `tellerMay`. A ticket that is no longer active is refused as a transition from its status.
 */
function actOn(state: BranchState, command: { actor: Actor; ticketId: string; finished?: TicketRecord }, action: TicketAction, tellerMay: boolean): TicketRecord {
  const ticket = state.tickets.get(command.ticketId) ?? command.finished;
  if (!ticket) throw notFound('ticket', command.ticketId);
  const { actor } = command;
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  if (actor.kind === 'user' && actor.role === 'teller' && tellerMay && counter) assertActsOnCounter(actor, counter);
  else assertStaff(actor, ticket.branchId, ['admin', 'manager']);
  assertTicketAction(action, ticket.status, ticket.number);
  return ticket;
}

/** A changed ticket, the counter it leaves (when it held it), and its event. */
function ticketChange(state: BranchState, type: DomainEventType, ticket: TicketRecord, counterId = ticket.counterId): Decision {
  const changes: Change[] = [{ kind: 'ticket', ticket, inserted: false }];
  let counter = counterId ? state.counters.get(counterId) : undefined;
  const stillThere = ticket.counterId === counter?.id && isAtCounter(ticket.status);
  if (counter && counter.currentTicketId === ticket.id && !stillThere) {
    counter = { ...counter, currentTicketId: null };
    changes.push({ kind: 'counter', counter });
  }
  return { changes, events: [{ type, ticket, counter }], result: { ticketId: ticket.id } };
}

function counterChange(type: DomainEventType, counter: Counter): Decision {
  return { changes: [{ kind: 'counter', counter }], events: [{ type, counter }], result: { counterId: counter.id } };
}
