/**
 * The rules of the queue that the model tests (test/domain/queue-model.test.ts and
 * test/server/queue-model-db.test.ts) check after every step, on the branch's state before and
 * after it and on what the test remembers (test/helpers/queue-model.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { isAtCounter } from '../../protocol/actions.js';
import type { Counter } from '../../protocol/schemas.js';
import { waitingTickets, type BranchState, type TicketRecord } from '../../server/src/domain/branch-state.js';
import { callableTickets } from '../../server/src/domain/call-order.js';
import { servicesWithOpenVipCounter, type Command } from '../../server/src/domain/commands.js';
import { arrivalOrder, type QueueModel } from './queue-model.js';

/** Fails the step with `message` unless the rule `holds`; cheap when it does, as the model checks thousands of times. */
function rule(holds: boolean, message: () => string): void {
  if (!holds) expect.fail(message());
}

/** `expect(actual).toEqual(expected)`, with Node's much faster comparison first: the model compares whole branches at every step. */
export function expectSame<T>(actual: T, expected: T, message: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

/**
 * Checks one step: a refused command changed nothing; an accepted one kept every rule. `before`
 * and `after` are the branch's state around the command, `accepted` whether it was.
 */
export function checkStep(model: QueueModel, command: Command, before: BranchState, after: BranchState, accepted: boolean): void {
  if (!accepted) {
    const what = JSON.stringify({ ...command, actor: 'actor' in command ? command.actor.id : undefined, teller: undefined, finished: undefined });
    expectSame(after, before, `a refused ${what} changed the branch`);
    return;
  }
  for (const id of before.tickets.keys()) if (!after.tickets.has(id)) model.ended.add(id);
  if (command.type === 'issue') recordIssue(model, before, after);
  if (command.type === 'call_next') {
    const counter = before.counters.get(command.counterId)!;
    const calledId = after.counters.get(counter.id)!.currentTicketId;
    if (calledId !== null && calledId !== counter.currentTicketId) checkCall(model, before, counter, before.tickets.get(calledId)!);
  }
  checkState(model, after);
}

/** Numbers are unique per service (prefix) and business day: a number is never given twice. */
function recordIssue(model: QueueModel, before: BranchState, after: BranchState): void {
  const issued = [...after.tickets.values()].filter((t) => !before.tickets.has(t.id));
  rule(issued.length === 1, () => `an issue added ${issued.length} tickets`);
  const [ticket] = issued;
  const key = `${ticket.businessDay}|${ticket.number}`;
  rule(!model.numbersGiven.has(key), () => `number ${ticket.number} given twice on ${ticket.businessDay}`);
  model.numbersGiven.add(key);
  model.arrivals.set(ticket.id, ticket.issuedAt);
}

/**
 * A call takes a ticket the counter may call, and the oldest of its lane (service and tier), so a
 * transferred ticket stands where its arrival puts it. Fairness, stated precisely: at a regular
 * (non-VIP) counter, a priority or VIP ticket may be called while a regular ticket that counter
 * could call has waited past its service's target (`now - issuedAt > target`) only if, counting
 * this call, at most `settings.maxCallsAheadOfOverdue` priority or VIP tickets were called at that
 * counter since the target passed (`issuedAt + target`).
 */
function checkCall(model: QueueModel, before: BranchState, counter: Counter, called: TicketRecord): void {
  const now = model.now.getTime();
  const callable = callableTickets({ counter, waiting: waitingTickets(before), settings: before.branch.settings, servicesWithOpenVipCounter: servicesWithOpenVipCounter(before) });
  rule(callable.some((t) => t.id === called.id), () => `counter ${counter.number} called ${called.number}, which it may not call`);
  const jumped = callable.find((t) => t.serviceId === called.serviceId && t.tier === called.tier && arrivalOrder(t, called) < 0);
  rule(jumped === undefined, () => `counter ${counter.number} called ${called.number} before ${before.tickets.get(jumped!.id)!.number}, which arrived earlier in its lane`);

  if (called.tier === 'regular') return;
  if (!counter.vip) {
    const limit = before.branch.settings.maxCallsAheadOfOverdue;
    for (const regular of callable) {
      if (regular.tier !== 'regular') continue;
      const overdueSince = Date.parse(regular.issuedAt) + before.services.get(regular.serviceId)!.targetWaitSeconds * 1000;
      if (now <= overdueSince) continue;
      const ahead = 1 + model.tieredCalls.filter((c) => c.counterId === counter.id && c.at >= overdueSince).length;
      rule(ahead <= limit, () => `counter ${counter.number} called ${called.number}: ${ahead} priority or VIP calls since overdue ${before.tickets.get(regular.id)!.number} passed its target (limit ${limit})`);
    }
  }
  model.tieredCalls.push({ counterId: counter.id, at: now });
}

/**
 * What must hold of the branch at any time: at most one ticket at a counter, and a counter's
 * current ticket is at that counter; a waiting ticket is at none; a closed counter is empty; a
 * teller staffs one counter at most; active tickets' numbers differ; no ticket's arrival changed.
 */
export function checkState(model: QueueModel, state: BranchState): void {
  for (const t of state.tickets.values()) {
    rule(t.issuedAt === model.arrivals.get(t.id), () => `ticket ${t.number}'s arrival time changed`);
    if (isAtCounter(t.status)) rule(state.counters.get(t.counterId ?? '')?.currentTicketId === t.id, () => `${t.status} ticket ${t.number} is not its counter's current ticket`);
    else rule(t.counterId === null, () => `waiting ticket ${t.number} holds counter ${t.counterId}`);
  }
  const tellers = new Set<string>();
  for (const c of state.counters.values()) {
    const current = c.currentTicketId === null ? undefined : state.tickets.get(c.currentTicketId);
    rule(c.currentTicketId === null || (current !== undefined && isAtCounter(current.status) && current.counterId === c.id), () => `counter ${c.number}'s current ticket is not at it`);
    if (c.status === 'closed') rule(c.currentTicketId === null && c.tellerId === null, () => `closed counter ${c.number} is not empty`);
    else if (c.tellerId !== null) {
      rule(!tellers.has(c.tellerId), () => `teller ${c.tellerId} staffs two counters`);
      tellers.add(c.tellerId);
    }
  }
  const numbers = [...state.tickets.values()].map((t) => t.number);
  rule(new Set(numbers).size === numbers.length, () => `two active tickets share a number: ${numbers.sort().join(' ')}`);
}
