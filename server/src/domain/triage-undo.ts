/**
 * Undo of a divert, transfer, tier change or cancel (the lobby manager's triage), as a pure rule.
 *
 * What the ticket was before the action is read from the branch's event log, not from a column or
 * from memory: every change of a ticket already writes the ticket after it to the log, so the
 * event before the action's is the ticket exactly as it was. That survives a restart, needs no new
 * column that every other change would have to keep current, and is read only when someone undoes.
 * The service reads the ticket's last two events; this rule checks they still describe the ticket.
 */
import type { Ticket } from '../../../protocol/schemas.js';
import { canUndoTriage, isUndoableTriageEvent, TRIAGE_UNDO_SECONDS } from '../../../protocol/triage-undo.js';
import { AppError, notFound } from '../errors.js';
import { assertStaff, type Actor } from './actor.js';
import type { BranchState, TicketRecord } from './branch-state.js';
import { businessDay } from './business-day.js';

/** A ticket's last event (the action to undo) and the ticket as the event before it left it. */
export interface TriageHistory {
  action: { type: string; at: string; ticket: Ticket };
  /** The ticket before the action; null when the log has nothing before it. */
  before: Ticket | null;
}

export interface UndoTriageCommand {
  actor: Actor;
  ticketId: string;
  /** The ticket as stored when it is no longer active (diverted, cancelled). */
  finished?: TicketRecord;
  /** Read from the event log by the service just before the command; null when the ticket has no events. */
  history: TriageHistory | null;
}

/** The fields a triage action or any later change would move: equal ones mean the ticket has not moved on. */
const MOVING_FIELDS = ['status', 'serviceId', 'tier', 'issuedAt', 'counterId', 'callCount', 'endedAt', 'divertedTo'] as const;

/**
 * The ticket put back exactly as it was before the last divert, transfer, tier change or cancel:
 * waiting, in its service and lane, with its arrival time, so the call order is as before. Refused
 * after TRIAGE_UNDO_SECONDS (UNDO_EXPIRED), and when the ticket has moved on since (INVALID_TRANSITION).
 */
export function restoreTriagedTicket(state: BranchState, command: UndoTriageCommand, now: Date): TicketRecord {
  const current = state.tickets.get(command.ticketId) ?? command.finished;
  if (!current) throw notFound('ticket', command.ticketId);
  assertStaff(command.actor, current.branchId, ['admin', 'manager']);
  const { history } = command;
  const action = history?.action;
  if (!history || !action || !isUndoableTriageEvent(action.type)) {
    throw new AppError('INVALID_TRANSITION', `ticket ${current.number} has nothing to undo: its last change was not a divert, transfer, tier change or cancel`);
  }
  if (!canUndoTriage(action.at, now.getTime())) {
    throw new AppError('UNDO_EXPIRED', `that change to ticket ${current.number} was made more than ${TRIAGE_UNDO_SECONDS / 60} minutes ago: it can no longer be undone`);
  }
  // Another change came between the service's read of the log and this decision.
  if (MOVING_FIELDS.some((field) => current[field] !== action.ticket[field])) {
    throw new AppError('INVALID_TRANSITION', `ticket ${current.number} has changed since: it can no longer be undone`);
  }
  const before = history.before;
  // A teller's transfer of the customer at their counter is theirs to correct, not a queue place to restore.
  if (!before || before.status !== 'waiting') {
    throw new AppError('INVALID_TRANSITION', `ticket ${current.number} was not waiting before that change: only a waiting ticket's place can be restored`);
  }
  if (current.businessDay < businessDay(now, state.branch.timeZone)) {
    throw new AppError('INVALID_TRANSITION', `ticket ${current.number} is from an earlier business day: issue a new ticket`);
  }
  for (const other of state.tickets.values()) {
    if (other.id !== current.id && other.number === before.number) throw new AppError('CONFLICT', `number ${before.number} has been given again: issue a new ticket`);
  }
  if (!state.services.has(before.serviceId)) throw notFound('service', before.serviceId);
  return {
    ...current,
    status: 'waiting',
    number: before.number,
    serviceId: before.serviceId,
    tier: before.tier,
    issuedAt: before.issuedAt,
    calledAt: before.calledAt,
    startedAt: before.startedAt,
    endedAt: null,
    counterId: null,
    callCount: before.callCount,
    divertedTo: null,
  };
}
