import { describe, expect, it } from 'vitest';
import type { ReferralStatus } from '../../protocol/record-kinds.js';
import { canSeeReferral, decideMove, listScope, monthOf, monthWindow, summariseReferrals, type ReferralViewer } from '../../server/src/domain/referral-rules.js';

const wealth1: ReferralViewer = { id: 'wealth1', role: 'account_manager' };
const wealth2: ReferralViewer = { id: 'wealth2', role: 'account_manager' };
const manager: ReferralViewer = { id: 'manager', role: 'manager' };
const admin: ReferralViewer = { id: 'admin', role: 'admin' };
const teller: ReferralViewer = { id: 'teller1', role: 'teller' };

describe('where a referral may move', () => {
  const cases: [from: ReferralStatus, to: ReferralStatus, allowed: boolean][] = [
    ['referred', 'contacted', true],
    ['referred', 'declined', true],
    ['referred', 'converted', false],
    ['referred', 'referred', false],
    ['contacted', 'converted', true],
    ['contacted', 'declined', true],
    ['contacted', 'referred', false],
    ['contacted', 'contacted', false],
    ['converted', 'declined', false],
    ['converted', 'contacted', false],
    ['declined', 'contacted', false],
    ['declined', 'converted', false],
  ];
  it.each(cases)('%s → %s: %s', (from, to, allowed) => {
    const decision = decideMove(wealth1, { status: from, referredTo: 'wealth1' }, to, 'a note');
    if (allowed) expect(decision).toEqual({ changes: { status: to, note: 'a note' } });
    else expect(decision).toMatchObject({ refused: 'invalid_transition' });
  });

  it('says where a referral could go instead, or that it is final', () => {
    expect(decideMove(manager, { status: 'referred', referredTo: 'wealth1' }, 'converted')).toMatchObject({ message: expect.stringContaining('contacted or declined') });
    expect(decideMove(manager, { status: 'converted', referredTo: 'wealth1' }, 'declined', 'x')).toMatchObject({ message: expect.stringContaining('final') });
  });
});

describe('who may move a referral', () => {
  const cases: [who: string, viewer: ReferralViewer, allowed: boolean][] = [
    ['the account manager it was made to', wealth1, true],
    ['another account manager', wealth2, false],
    ['a manager', manager, true],
    ['an admin', admin, true],
    ['a teller', teller, false],
  ];
  it.each(cases)('%s: %s', (_who, viewer, allowed) => {
    const decision = decideMove(viewer, { status: 'referred', referredTo: 'wealth1' }, 'contacted');
    if (allowed) expect(decision).toEqual({ changes: { status: 'contacted' } });
    else expect(decision).toMatchObject({ refused: 'not_yours' });
  });
});

describe('notes', () => {
  it.each([undefined, null, '', '   '])('refuses to decline without a note (%j)', (note) => {
    expect(decideMove(wealth1, { status: 'contacted', referredTo: 'wealth1' }, 'declined', note)).toMatchObject({ refused: 'note_required' });
  });

  it('keeps a note trimmed, and leaves the old note alone when none is given', () => {
    expect(decideMove(wealth1, { status: 'referred', referredTo: 'wealth1' }, 'declined', '  has a fund elsewhere ')).toEqual({
      changes: { status: 'declined', note: 'has a fund elsewhere' },
    });
    expect(decideMove(wealth1, { status: 'contacted', referredTo: 'wealth1' }, 'converted', '  ')).toEqual({ changes: { status: 'converted' } });
  });
});

describe('who sees which referrals', () => {
  it.each([
    [manager, { referredTo: null }],
    [admin, { referredTo: null }],
    [wealth1, { referredTo: 'wealth1' }],
    [teller, 'refused'],
  ] as const)('%j lists %j', (viewer, scope) => {
    expect(listScope(viewer)).toEqual(scope);
  });

  it('shows one referral to managers and to the account manager it was made to only', () => {
    expect(canSeeReferral(manager, { referredTo: 'wealth1' })).toBe(true);
    expect(canSeeReferral(wealth1, { referredTo: 'wealth1' })).toBe(true);
    expect(canSeeReferral(wealth2, { referredTo: 'wealth1' })).toBe(false);
    expect(canSeeReferral(teller, { referredTo: 'teller1' })).toBe(false);
  });
});

describe('counting a month’s referrals', () => {
  it('counts by account manager and outcome, with a row for every account manager', () => {
    const summary = summariseReferrals(
      [
        { status: 'referred', referredTo: 'wealth1' },
        { status: 'converted', referredTo: 'wealth1' },
        { status: 'declined', referredTo: 'wealth1' },
        { status: 'contacted', referredTo: 'gone' },
      ],
      [
        { id: 'wealth1', displayName: 'Wealth One' },
        { id: 'wealth2', displayName: 'Wealth Two' },
      ],
      (id) => `name of ${id}`,
    );
    expect(summary.byAccountManager).toEqual([
      { accountManagerId: 'wealth1', displayName: 'Wealth One', referred: 1, contacted: 0, converted: 1, declined: 1, total: 3 },
      { accountManagerId: 'wealth2', displayName: 'Wealth Two', referred: 0, contacted: 0, converted: 0, declined: 0, total: 0 },
      { accountManagerId: 'gone', displayName: 'name of gone', referred: 0, contacted: 1, converted: 0, declined: 0, total: 1 },
    ]);
    expect(summary.totals).toEqual({ referred: 1, contacted: 1, converted: 1, declined: 1, total: 4 });
  });
});

describe('months', () => {
  it.each([
    ['2026-11', '2026-10-31T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ['2026-12', '2026-11-30T00:00:00.000Z', '2027-01-02T00:00:00.000Z'],
    ['2027-01', '2026-12-31T00:00:00.000Z', '2027-02-02T00:00:00.000Z'],
  ])('%s lies within %s – %s in UTC, a day either side', (month, from, to) => {
    expect(monthWindow(month)).toEqual({ from, to });
  });

  it('takes the month of a business day', () => {
    expect(monthOf('2026-11-30')).toBe('2026-11');
  });
});
