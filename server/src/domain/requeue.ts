/**
 * 過號重排: a customer marked no-show turns up late. The branch decides what they get
 * (lateArrival): back into the queue behind N others of their lane, at the end, or a new ticket.
 * The ticket keeps its number and its issue time (its wait is counted from issue) and gets a new
 * place in the queue, `queuedAt`, which the call rules, positions and lists order by. A separate
 * field rather than a new issue time: reports, the wait shown and the estimate's accuracy stay true.
 */
import { requeueBlock } from '../../../protocol/late-arrival.js';
import type { BranchSettings } from '../../../protocol/schemas.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { assertStaff, type Actor } from './actor.js';
import type { BranchState, TicketRecord } from './branch-state.js';
import { businessDay } from './business-day.js';
import { byTierThenArrival, placeOf, type WaitingTicket } from './call-order.js';
import { assertTicketAction } from './ticket-transitions.js';

export interface RequeueCommand {
  actor: Actor;
  ticketId: string;
  /** The ticket as stored, when the held state no longer has it (no-shows of an earlier load). */
  finished?: TicketRecord;
}

const MS = 1;

/**
 * Where a late customer's ticket waits again: behind the first `afterN` waiting tickets of its lane
 * (its service and tier, in call order) as they stand now, or after all of them. Pure.
 * Places are times (ISO): one millisecond after the Nth ticket's place, so it stands before the
 * next one (at the same millisecond, the older id goes first, as for any two tickets). Tickets
 * issued in the very same millisecond as the Nth (one batch of kiosk presses) stay ahead of it too:
 * a place is a time, and a time cannot fall between them. That errs towards the penalty, never past it.
 */
export function requeuePlace(
  ticket: Pick<WaitingTicket, 'serviceId' | 'tier'>,
  waiting: Iterable<WaitingTicket>,
  settings: Pick<BranchSettings, 'lateArrival' | 'lateArrivalAfterN'>,
  now: Date,
): string {
  const lane = [...waiting].filter((t) => t.serviceId === ticket.serviceId && t.tier === ticket.tier).sort(byTierThenArrival);
  const afterN = settings.lateArrival === 'after_n' ? settings.lateArrivalAfterN : Infinity;
  if (lane.length <= afterN) {
    // At the end: now, or just behind the last place if a re-queue already stands later than now.
    const last = lane.length > 0 ? Date.parse(placeOf(lane[lane.length - 1])) : -Infinity;
    return new Date(Math.max(now.getTime(), last + MS)).toISOString();
  }
  if (afterN === 0) return new Date(Date.parse(placeOf(lane[0])) - MS).toISOString();
  return new Date(Date.parse(placeOf(lane[afterN - 1])) + MS).toISOString();
}

/**
 * The no-show ticket waiting again at its new place, or a refusal: the branch does not re-queue
 * (REQUEUE_NOT_ALLOWED), the no-show is past the window or of an earlier day (REQUEUE_EXPIRED),
 * the ticket is not a no-show (INVALID_TRANSITION). Managers and admins may re-queue any; a teller
 * one of a service their counter serves.
 */
export function requeueNoShow(state: BranchState, command: RequeueCommand, now: Date): TicketRecord {
  const ticket = state.noShows?.get(command.ticketId) ?? state.tickets.get(command.ticketId) ?? command.finished;
  if (!ticket) throw notFound('ticket', command.ticketId);
  assertMayRequeue(state, command.actor, ticket);
  assertTicketAction('requeue', ticket.status, ticket.number);

  const settings = state.branch.settings;
  const sameDay = ticket.businessDay === businessDay(now, state.branch.timeZone);
  const block = sameDay ? requeueBlock(ticket, settings, now.getTime()) : 'expired';
  if (block === 'not_allowed') throw new AppError('REQUEUE_NOT_ALLOWED', `this branch does not re-queue a no-show: issue ${ticket.number}'s customer a new ticket`);
  if (block === 'expired') {
    throw new AppError('REQUEUE_EXPIRED', `ticket ${ticket.number} was marked no-show more than ${settings.lateArrivalWithinMinutes} minutes ago, or on another day: issue a new ticket`);
  }
  // Numbers are reused only after 999 in a day; if this one was, the customer needs a new ticket.
  for (const other of state.tickets.values()) {
    if (other.number === ticket.number) throw new AppError('CONFLICT', `number ${ticket.number} has been given again: issue a new ticket`);
  }

  const waiting: TicketRecord[] = [];
  for (const t of state.tickets.values()) if (t.status === 'waiting') waiting.push(t);
  return {
    ...ticket,
    status: 'waiting',
    queuedAt: requeuePlace(ticket, waiting, settings, now),
    counterId: null,
    calledAt: null,
    startedAt: null,
    endedAt: null,
    callCount: 0,
  };
}

/** A teller re-queues only for a service their counter serves; managers and admins any. */
function assertMayRequeue(state: BranchState, actor: Actor, ticket: TicketRecord): void {
  assertStaff(actor, ticket.branchId, ['admin', 'manager', 'teller']);
  if (actor.role !== 'teller') return;
  for (const counter of state.counters.values()) {
    if (counter.tellerId === actor.id && counter.status !== 'closed' && counter.serviceIds.includes(ticket.serviceId)) return;
  }
  const prefix = state.services.get(ticket.serviceId)?.prefix ?? ticket.number[0];
  throw forbidden(`re-queueing ${ticket.number} needs a counter of yours that serves ${prefix}`);
}
