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
  it('refuses pausing a closed counter with INVALID_TRANSITION naming the counter', () => {
    expect(() => assertCounterAction('pause', 'closed', 3)).toThrowError(
      expect.objectContaining({ code: 'INVALID_TRANSITION', message: 'cannot pause counter 3: it is closed' }),
    );
  });

  it('lets an allowed action through', () => {
    expect(() => assertCounterAction('close', 'paused', 3)).not.toThrow();
  });
});
