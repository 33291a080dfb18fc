import { describe, expect, it } from 'vitest';
import { assertCounterAction, assertTicketAction } from '../../server/src/domain/ticket-transitions.js';

// Which action each status allows is protocol/actions.ts (test/protocol/actions.test.ts); these are the server's refusals.
describe('ticket transitions', () => {
  it('refuses completing a waiting ticket with INVALID_TRANSITION and a clear message', () => {
    expect(() => assertTicketAction('complete', 'waiting', 'A001')).toThrowError(
      expect.objectContaining({ code: 'INVALID_TRANSITION', message: expect.stringContaining('A001') }),
    );
  });

  it('lets an allowed action through', () => {
    expect(() => assertTicketAction('start', 'called', 'A001')).not.toThrow();
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
