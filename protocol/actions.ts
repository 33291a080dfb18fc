/**
 * Which ticket and counter actions each status allows, written once: the server refuses the rest
 * (server/src/domain/ticket-transitions.ts throws INVALID_TRANSITION from these tables), and the
 * staff console enables only the buttons these allow, so staff are not offered what will be refused.
 */
import type { Counter, CounterStatus, Ticket, TicketStatus } from './schemas.js';

export type TicketAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no_show'
  | 'undo_no_show'
  | 'requeue'
  | 'cancel'
  | 'transfer'
  | 'divert'
  | 'change_tier';

/** Each ticket action and the statuses it may be applied from. */
export const TICKET_ACTIONS_FROM: Readonly<Record<TicketAction, readonly TicketStatus[]>> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  // For a short time after, while its counter is free (protocol/no-show.ts).
  undo_no_show: ['no_show'],
  // 過號重排: the customer came back late; the branch's lateArrival setting says where they wait (protocol/late-arrival.ts).
  requeue: ['no_show'],
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

export type CounterAction = 'open' | 'pause' | 'close';

/** Each counter action and the statuses it may be applied from; `open` from `paused` is resuming. */
export const COUNTER_ACTIONS_FROM: Readonly<Record<CounterAction, readonly CounterStatus[]>> = {
  open: ['closed', 'paused'],
  pause: ['open'],
  close: ['open', 'paused'],
};

/** Whether `action` may be applied to a counter in `status`. */
export function canApplyCounterAction(action: CounterAction, status: CounterStatus): boolean {
  return COUNTER_ACTIONS_FROM[action].includes(status);
}

/** Statuses of a ticket still in the hall: waiting, called to a counter, or being served there. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

/** Whether a ticket in `status` is still in the hall (waiting, called or being served). */
export function isActive(status: TicketStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Statuses of a ticket that is at a counter: called to it, or being served there. */
export const AT_COUNTER_STATUSES: readonly TicketStatus[] = ['called', 'serving'];

/** Whether a ticket in `status` is at a counter (called to it or being served there). */
export function isAtCounter(status: TicketStatus): boolean {
  return AT_COUNTER_STATUSES.includes(status);
}

/**
 * A counter is busy while its current ticket is called or being served: it must finish that
 * customer (complete, transfer or no-show) before it calls the next one or closes.
 * `current` is the ticket the counter's `currentTicketId` names, or none.
 */
export function counterIsBusy(
  counter: Pick<Counter, 'currentTicketId'>,
  current: Pick<Ticket, 'id' | 'status'> | null | undefined,
): boolean {
  return current != null && current.id === counter.currentTicketId && isAtCounter(current.status);
}

/** A counter may call the next ticket when it is open and not busy. */
export function canCallNext(
  counter: Pick<Counter, 'status' | 'currentTicketId'>,
  current: Pick<Ticket, 'id' | 'status'> | null | undefined,
): boolean {
  return counter.status === 'open' && !counterIsBusy(counter, current);
}
