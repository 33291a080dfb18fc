/**
 * What a customer may do to their own ticket from their phone, without signing in (the ticket's
 * random id is the key): say they are on their way, or cancel it while it waits. Both are pure
 * decisions in the shape of commands.ts, and both can be pressed twice without harm.
 */
import { AppError, notFound } from '../errors.js';
import type { BranchState, TicketRecord } from './branch-state.js';
import type { Decision } from './commands.js';

/** A command a customer gives about `ticketId`; `finished`: the ticket as stored when no longer active. */
export interface CustomerTicketCommand {
  ticketId: string;
  finished?: TicketRecord;
}

const nothingToDo = (ticket: TicketRecord): Decision => ({ changes: [], events: [], result: { ticketId: ticket.id } });

function ticketOf(state: BranchState, command: CustomerTicketCommand): TicketRecord {
  const ticket = state.tickets.get(command.ticketId) ?? command.finished;
  if (!ticket) throw notFound('ticket', command.ticketId);
  return ticket;
}

/**
 * "I am on my way": recorded on a waiting or called ticket, once per call (a press before the call
 * and another after it are both news to the teller; a second press meanwhile is not).
 */
export function decideOnMyWay(state: BranchState, command: CustomerTicketCommand, now: Date): Decision {
  const ticket = ticketOf(state, command);
  if (ticket.status !== 'waiting' && ticket.status !== 'called') {
    throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number} is ${ticket.status}: there is nothing to come to`);
  }
  const saidSinceCall = ticket.onMyWayAt !== undefined && (ticket.calledAt === null || ticket.onMyWayAt >= ticket.calledAt);
  if (saidSinceCall) return nothingToDo(ticket);
  const after: TicketRecord = { ...ticket, onMyWayAt: now.toISOString() };
  return { changes: [{ kind: 'ticket', ticket: after, inserted: false }], events: [{ type: 'ticket.on_my_way', ticket: after }], result: { ticketId: after.id } };
}

/**
 * The customer cancels their own ticket: only while it waits (a called customer is expected at a
 * counter; the teller ends that ticket). Cancelling a cancelled ticket again changes nothing.
 */
export function decideCustomerCancel(state: BranchState, command: CustomerTicketCommand, now: Date): Decision {
  const ticket = ticketOf(state, command);
  if (ticket.status === 'cancelled') return nothingToDo(ticket);
  if (ticket.status !== 'waiting') {
    throw new AppError('INVALID_TRANSITION', `ticket ${ticket.number} is ${ticket.status}: only a waiting ticket can be cancelled from the phone`);
  }
  const cancelled: TicketRecord = { ...ticket, status: 'cancelled', endedAt: now.toISOString() };
  return { changes: [{ kind: 'ticket', ticket: cancelled, inserted: false }], events: [{ type: 'ticket.cancelled', ticket: cancelled }], result: { ticketId: cancelled.id } };
}
