import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../../../protocol/schemas.js';
import { counterActionsFor, tellerActionsFor, triageActionsFor } from '../../../../manager-ui/src/logic/ticket-actions.js';

describe('teller actions enabled for the current ticket', () => {
  it.each<[TicketStatus | null, string[]]>([
    [null, []],
    ['waiting', []],
    ['called', ['recall', 'start', 'no_show', 'transfer', 'cancel']],
    ['serving', ['complete', 'transfer']],
    ['done', []],
    ['no_show', []],
    ['cancelled', []],
    ['diverted', []],
  ])('a %s ticket enables %j', (status, actions) => {
    expect([...tellerActionsFor(status)].sort()).toEqual([...actions].sort());
  });
});

describe('counter actions', () => {
  it('opens a closed counter, and only that', () => {
    expect([...counterActionsFor('closed')]).toEqual(['open']);
  });

  it('pauses or closes an open counter', () => {
    expect([...counterActionsFor('open')].sort()).toEqual(['close', 'pause']);
  });

  it('resumes (opens) or closes a paused counter', () => {
    expect([...counterActionsFor('paused')].sort()).toEqual(['close', 'open']);
  });
});

describe('triage actions on a ticket', () => {
  it('offers a waiting regular customer every action and the two other lanes', () => {
    expect(triageActionsFor({ status: 'waiting', tier: 'regular' })).toEqual({
      divert: true,
      tiers: ['vip', 'priority'],
      transfer: true,
      cancel: true,
    });
  });

  it('offers a VIP customer priority or a way back to regular', () => {
    expect(triageActionsFor({ status: 'waiting', tier: 'vip' }).tiers).toEqual(['priority', 'regular']);
  });

  it('does not divert or re-tier a customer already called to a counter', () => {
    expect(triageActionsFor({ status: 'called', tier: 'regular' })).toEqual({ divert: false, tiers: [], transfer: true, cancel: true });
  });

  it('only transfers a customer being served', () => {
    expect(triageActionsFor({ status: 'serving', tier: 'priority' })).toEqual({ divert: false, tiers: [], transfer: true, cancel: false });
  });
});
