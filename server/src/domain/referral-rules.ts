/**
 * The rules of referrals to account managers (轉介理財經理), as pure functions: who may see and move
 * a referral, where it may move (protocol REFERRAL_MOVES), and how a month's referrals are counted.
 * The referral service runs them; nothing here reads or writes.
 */
import type { ReferralStatus } from '../../../protocol/record-kinds.js';
import { canMoveReferral, REFERRAL_MOVES, type ReferralCounts } from '../../../protocol/referral-routes.js';
import type { Role } from '../../../protocol/schemas.js';

/** Who asks, as the rules need to know them. */
export interface ReferralViewer {
  id: string;
  role: Role;
}

/** The part of a referral the rules look at. */
export interface ReferralFacts {
  status: ReferralStatus;
  referredTo: string;
}

const isManager = (viewer: ReferralViewer) => viewer.role === 'manager' || viewer.role === 'admin';

/** Managers and admins (of the branch, checked before) see every referral; an account manager those made to them. */
export const canSeeReferral = (viewer: ReferralViewer, referral: Pick<ReferralFacts, 'referredTo'>): boolean =>
  isManager(viewer) || (viewer.role === 'account_manager' && referral.referredTo === viewer.id);

/** Whose referrals a list shows: null for all of them (managers), or the account manager's own id. */
export function listScope(viewer: ReferralViewer): { referredTo: string | null } | 'refused' {
  if (isManager(viewer)) return { referredTo: null };
  if (viewer.role === 'account_manager') return { referredTo: viewer.id };
  return 'refused';
}

export type MoveRefusal =
  | { refused: 'not_yours'; message: string }
  | { refused: 'invalid_transition'; message: string }
  | { refused: 'note_required'; message: string };

export interface MoveDecision {
  /** The columns to write: the new status, and the note when one was given. */
  changes: { status: ReferralStatus; note?: string };
}

/**
 * Decides a move of `referral` to `to` by `viewer`, with an optional note: the account manager it was
 * made to, or a manager or admin, may move it along REFERRAL_MOVES; declining needs a note (why).
 */
export function decideMove(viewer: ReferralViewer, referral: ReferralFacts, to: ReferralStatus, note?: string | null): MoveDecision | MoveRefusal {
  if (!canSeeReferral(viewer, referral)) {
    return { refused: 'not_yours', message: 'only the account manager it was made to, or a manager, may move this referral' };
  }
  if (!canMoveReferral(referral.status, to)) {
    const allowed = REFERRAL_MOVES[referral.status];
    const next = allowed.length ? `it may move to ${allowed.join(' or ')}` : 'it is final';
    return { refused: 'invalid_transition', message: `cannot move a ${referral.status} referral to ${to}: ${next}` };
  }
  const text = note?.trim() ?? '';
  if (to === 'declined' && text === '') {
    return { refused: 'note_required', message: 'a note saying why is required to decline' };
  }
  return { changes: text === '' ? { status: to } : { status: to, note: text } };
}

export const isRefusal = (decision: MoveDecision | MoveRefusal): decision is MoveRefusal => 'refused' in decision;

const noCounts = (): ReferralCounts => ({ referred: 0, contacted: 0, converted: 0, declined: 0, total: 0 });

/**
 * A month's referrals counted by account manager and by where each stands now. Every account
 * manager named in `accountManagers` gets a row (zeros included); anyone else referred to (since
 * deactivated or moved) gets one too, after them.
 */
export function summariseReferrals(
  referrals: readonly ReferralFacts[],
  accountManagers: readonly { id: string; displayName: string }[],
  nameOf: (userId: string) => string,
) {
  const rows = new Map<string, { accountManagerId: string; displayName: string } & ReferralCounts>();
  for (const m of accountManagers) rows.set(m.id, { accountManagerId: m.id, displayName: m.displayName, ...noCounts() });
  const totals = noCounts();
  for (const referral of referrals) {
    let row = rows.get(referral.referredTo);
    if (!row) rows.set(referral.referredTo, (row = { accountManagerId: referral.referredTo, displayName: nameOf(referral.referredTo), ...noCounts() }));
    row[referral.status] += 1;
    row.total += 1;
    totals[referral.status] += 1;
    totals.total += 1;
  }
  return { byAccountManager: [...rows.values()], totals };
}

/**
 * The UTC instants that surely contain a branch-time month: from the day before its first day to
 * the day after its last (no time zone is more than 14 hours off UTC). The service narrows the rows
 * to the month with the branch's calendar (`monthOf`).
 */
export function monthWindow(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const from = new Date(Date.UTC(year, m - 1, 1) - 86_400_000);
  const to = new Date(Date.UTC(year, m, 1) + 86_400_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The branch-time month (YYYY-MM) of a branch-time day (YYYY-MM-DD). */
export const monthOf = (businessDay: string): string => businessDay.slice(0, 7);
