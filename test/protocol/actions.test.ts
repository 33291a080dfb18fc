import { describe, expect, it } from 'vitest';
import {
  canApplyCounterAction,
  canApplyTicketAction,
  canCallNext,
  counterIsBusy,
  type CounterAction,
  type TicketAction,
} from '../../protocol/actions.js';
import type { CounterStatus, TicketStatus } from '../../protocol/schemas.js';

const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'diverted'];

// The whole table: each action and the statuses it is allowed from.
const ALLOWED: Record<TicketAction, TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  requeue: ['no_show'],
  undo_no_show: ['no_show'],
  cancel: ['waiting', 'called'],
  transfer: ['waiting', 'called', 'serving'],
  divert: ['waiting'],
  change_tier: ['waiting'],
};

describe('ticket actions by status', () => {
  const cases = Object.entries(ALLOWED).flatMap(([action, from]) =>
    STATUSES.map((status) => [action as TicketAction, status, from.includes(status)] as const),
  );
  it.each(cases)('%s from %s allowed: %s', (action, status, allowed) => {
    expect(canApplyTicketAction(action, status)).toBe(allowed);
  });
});

describe('counter actions by status', () => {
  it.each<[CounterAction, CounterStatus, boolean]>([
    ['open', 'closed', true],
    ['open', 'paused', true],
    ['open', 'open', false],
    ['pause', 'open', true],
    ['pause', 'paused', false],
    ['pause', 'closed', false],
    ['close', 'open', true],
    ['close', 'paused', true],
    ['close', 'closed', false],
  ])('%s from %s allowed: %s', (action, status, allowed) => {
    expect(canApplyCounterAction(action, status)).toBe(allowed);
  });
});

describe('a busy counter', () => {
  const counter = { status: 'open' as const, currentTicketId: 't1' };

  it.each<[TicketStatus, boolean]>(STATUSES.map((status) => [status, status === 'called' || status === 'serving']))(
    'with its current ticket %s is busy: %s',
    (status, busy) => {
      expect(counterIsBusy(counter, { id: 't1', status })).toBe(busy);
    },
  );

  it('is not busy without a current ticket', () => {
    expect(counterIsBusy({ currentTicketId: null }, null)).toBe(false);
    expect(counterIsBusy(counter, undefined)).toBe(false);
  });

  it('is not made busy by a ticket that is not its current one', () => {
    expect(counterIsBusy(counter, { id: 't2', status: 'serving' })).toBe(false);
  });

});

describe('call next', () => {
  const open = { status: 'open' as const, currentTicketId: 't1' };

  it('is possible at an open counter with nobody at it', () => {
    expect(canCallNext({ status: 'open', currentTicketId: null }, null)).toBe(true);
  });

  it('is possible once the current customer is finished', () => {
    expect(canCallNext(open, { id: 't1', status: 'done' })).toBe(true);
  });

  it('waits until the called or served customer is dealt with', () => {
    expect(canCallNext(open, { id: 't1', status: 'called' })).toBe(false);
    expect(canCallNext(open, { id: 't1', status: 'serving' })).toBe(false);
  });

  it('is not possible at a paused or closed counter', () => {
    expect(canCallNext({ status: 'paused', currentTicketId: null }, null)).toBe(false);
    expect(canCallNext({ status: 'closed', currentTicketId: null }, null)).toBe(false);
  });
});
