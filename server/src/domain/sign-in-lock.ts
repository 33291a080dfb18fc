/**
 * Sign-in locks: after a few failed sign-ins in a row for one username, every sign-in with it is
 * refused (the right password too) for a while, and the wait doubles with each further failure.
 * Usernames that do not exist are counted the same way, so a lock reveals nothing about who has an
 * account. Pure rules over a plain record; the auth service keeps the record in the database.
 */

/** The failed sign-ins in a row of one username. Times are UTC ISO strings. */
export interface SignInFailures {
  username: string;
  failures: number;
  lastFailureAt: string;
  /** Where the last failed attempt came from, as the server saw it (see LOBBYFLOW_TRUST_PROXY). */
  lastFailureAddress: string | null;
  /** Until when every sign-in is refused; null while the failures are below the limit. */
  lockedUntil: string | null;
}

export const SIGN_IN_LOCK = {
  /** Failures in a row that lock the username. */
  failuresToLock: 5,
  /** The first lock; each further failure doubles it. */
  firstLockMs: 30_000,
  longestLockMs: 15 * 60_000,
  /** A day after the last failure the count starts again (and the record may be deleted). */
  forgetAfterMs: 24 * 3600_000,
  /**
   * The most records kept while no lock runs: guesses at made-up usernames each leave one, and
   * the oldest go first so the table cannot grow without bound.
   */
  maxUnlockedRecords: 10_000,
} as const;

/** How long sign-in waits after `failures` failures in a row: nothing below the limit, then 30 s, 1 min, 2 min … at most 15 min. */
export function lockMs(failures: number): number {
  const { failuresToLock, firstLockMs, longestLockMs } = SIGN_IN_LOCK;
  if (failures < failuresToLock) return 0;
  return Math.min(firstLockMs * 2 ** (failures - failuresToLock), longestLockMs);
}

/** Records whose last failure is before this moment are forgotten. */
export function forgetBefore(now: Date): string {
  return new Date(now.getTime() - SIGN_IN_LOCK.forgetAfterMs).toISOString();
}

/** Until when sign-in is refused at `now`, or null when it is open. */
export function lockedUntil(record: SignInFailures | undefined, now: Date): Date | null {
  if (!record?.lockedUntil) return null;
  const until = new Date(record.lockedUntil);
  return until > now ? until : null;
}

/** The record after one more failed sign-in for `username` at `now` from `address`. */
export function withFailure(record: SignInFailures | undefined, username: string, now: Date, address: string | null): SignInFailures {
  const remembered = record !== undefined && record.lastFailureAt >= forgetBefore(now);
  const failures = remembered ? record.failures + 1 : 1;
  const wait = lockMs(failures);
  return {
    username,
    failures,
    lastFailureAt: now.toISOString(),
    lastFailureAddress: address,
    lockedUntil: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
  };
}

/** Whole seconds from `now` to `until`, at least 1: what Retry-After says. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
