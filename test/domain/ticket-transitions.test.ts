import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/schemas.js';
import {
  assertCounterAction,
  assertTicketAction,
  canApplyTicketAction,
  type TicketAction,
} from '../../server/src/domain/ticket-transitions.js';

const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'diverted'];

// The whole table: each action and the statuses it is allowed from.
const ALLOWED: Record<TicketAction, TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  cancel: ['waiting', 'called'],
  transfer: ['waiting', 'called', 'serving'],
  divert: ['waiting'],
  change_tier: ['waiting'],
};

describe('ticket transitions', () => {
  const cases = Object.entries(ALLOWED).flatMap(([action, from]) =>
    STATUSES.map((status) => [action as TicketAction, status, from.includes(status)] as const),
  );
  it.each(cases)('%s from %s allowed: %s', (action, status, allowed) => {
    expect(canApplyTicketAction(action, status)).toBe(allowed);
  });

  it('refuses completing a waiting ticket with INVALID_TRANSITION and a clear message', () => {
    expect(() => assertTicketAction('complete', 'waiting', 'A001')).toThrowError(
      expect.objectContaining({ code: 'INVALID_TRANSITION', message: expect.stringContaining('A001') }),
    );
  });
});

describe('counter transitions', () => {
  it.each([
    ['open', 'closed', true],
    ['open', 'paused', true],
    ['open', 'open', false],
    ['pause', 'open', true],
    ['pause', 'paused', false],
    ['pause', 'closed', false],
    ['close', 'open', true],
    ['close', 'paused', true],
    ['close', 'closed', false],
  ] as const)('%s from %s allowed: %s', (action, status, allowed) => {
    const run = () => assertCounterAction(action, status, 3);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});
