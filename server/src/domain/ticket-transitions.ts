/**
 * The server's refusals of ticket and counter actions. Which action each status allows is
 * protocol/actions.ts, which the staff console reads too.
 */
import {
  canApplyCounterAction,
  canApplyTicketAction,
  TICKET_ACTIONS_FROM,
  type CounterAction,
  type TicketAction,
} from '../../../protocol/actions.js';
import type { CounterStatus, TicketStatus } from '../../../protocol/schemas.js';
import { AppError } from '../errors.js';

export type { CounterAction, TicketAction };

/** Throws INVALID_TRANSITION unless `action` is allowed from `status`. */
export function assertTicketAction(action: TicketAction, status: TicketStatus, number: string): void {
  if (!canApplyTicketAction(action, status)) {
    const allowed = TICKET_ACTIONS_FROM[action].join(' or ');
    throw new AppError(
      'INVALID_TRANSITION',
      `cannot ${action.replace('_', ' ')} ticket ${number}: it is ${status.replace('_', ' ')} (must be ${allowed})`,
    );
  }
}

/** Throws INVALID_TRANSITION unless the counter action is allowed from `status`. */
export function assertCounterAction(action: CounterAction, status: CounterStatus, counterNumber: number): void {
  if (!canApplyCounterAction(action, status)) {
    throw new AppError('INVALID_TRANSITION', `cannot ${action} counter ${counterNumber}: it is ${status}`);
  }
}
