/** Which ticket and counter actions are allowed from which state. */
import type { CounterStatus, TicketStatus } from '../../../protocol/schemas.js';
import { AppError } from '../errors.js';

export type TicketAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no_show'
  | 'cancel'
  | 'transfer'
  | 'divert'
  | 'change_tier';

export const TICKET_ACTIONS_FROM: Readonly<Record<TicketAction, readonly TicketStatus[]>> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  cancel: ['waiting', 'called'],
  // A teller can send the customer in front of them to another service; they keep their place.
  transfer: ['waiting', 'called', 'serving'],
  divert: ['waiting'],
  change_tier: ['waiting'],
};

/** Whether `action` may be applied to a ticket in `status`. */
export function canApplyTicketAction(action: TicketAction, status: TicketStatus): boolean {
  return TICKET_ACTIONS_FROM[action].includes(status);
}

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

export type CounterAction = 'open' | 'pause' | 'close';

export const COUNTER_ACTIONS_FROM: Readonly<Record<CounterAction, readonly CounterStatus[]>> = {
  open: ['closed', 'paused'],
  pause: ['open'],
  close: ['open', 'paused'],
};

/** Throws INVALID_TRANSITION unless the counter action is allowed from `status`. */
export function assertCounterAction(action: CounterAction, status: CounterStatus, counterNumber: number): void {
  if (!COUNTER_ACTIONS_FROM[action].includes(status)) {
    throw new AppError('INVALID_TRANSITION', `cannot ${action} counter ${counterNumber}: it is ${status}`);
  }
}
