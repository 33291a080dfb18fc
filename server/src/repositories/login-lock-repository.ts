/** Failed sign-ins in a row per username, and the locks they earn (domain/sign-in-lock.ts decides them). */
import type { ExpressionBuilder } from 'kysely';
import type { Database, LoginLockRow } from '../../../db/schema.js';
import type { LoginLock } from '../../../protocol/admin-schemas.js';
import type { SignInFailures } from '../domain/sign-in-lock.js';
import type { Db } from './db.js';

const toFailures = (row: LoginLockRow): SignInFailures => ({
  username: row.username,
  failures: row.failures,
  lastFailureAt: row.last_failure_at,
  lastFailureAddress: row.last_failure_address,
  lockedUntil: row.locked_until,
});

async function find(db: Db, username: string): Promise<SignInFailures | undefined> {
  const row = await db.selectFrom('login_locks').selectAll().where('username', '=', username).executeTakeFirst();
  return row && toFailures(row);
}

async function save(db: Db, record: SignInFailures): Promise<void> {
  const values = {
    failures: record.failures,
    last_failure_at: record.lastFailureAt,
    last_failure_address: record.lastFailureAddress,
    locked_until: record.lockedUntil,
  };
  await db
    .insertInto('login_locks')
    .values({ username: record.username, ...values })
    .onConflict((oc) => oc.column('username').doUpdateSet(values))
    .execute();
}

/** Clears a username's failures: it signed in, or an admin lifted its lock. */
async function remove(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_locks').where('username', '=', username).execute();
}

/**
 * Deletes records whose last failure is before `before`, then the oldest records without a running
 * lock beyond the newest `keep`: guesses at made-up usernames cannot fill the disk.
 */
async function forget(db: Db, { before, now, keep }: { before: string; now: string; keep: number }): Promise<void> {
  await db.deleteFrom('login_locks').where('last_failure_at', '<', before).execute();
  const notLocked = (eb: ExpressionBuilder<Database, 'login_locks'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);
  const firstBeyond = await db
    .selectFrom('login_locks')
    .select('last_failure_at')
    .where(notLocked)
    .orderBy('last_failure_at', 'desc')
    .limit(1)
    .offset(keep)
    .executeTakeFirst();
  if (firstBeyond) await db.deleteFrom('login_locks').where(notLocked).where('last_failure_at', '<=', firstBeyond.last_failure_at).execute();
}

/**
 * The accounts that sign in to the branch (its staff, and admins of every branch) with failures
 * since `since`, most recent first, as admins see them at `now`.
 */
async function listForBranch(db: Db, branchId: string, { since, now }: { since: string; now: string }): Promise<LoginLock[]> {
  const rows = await db
    .selectFrom('login_locks')
    .innerJoin('users', 'users.username', 'login_locks.username')
    .select(['users.id', 'users.username', 'users.display_name', 'failures', 'locked_until', 'last_failure_at', 'last_failure_address'])
    .where((eb) => eb.or([eb('users.branch_id', '=', branchId), eb('users.branch_id', 'is', null)]))
    .where('last_failure_at', '>=', since)
    .orderBy('last_failure_at', 'desc')
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    failures: row.failures,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
    lastFailureAt: row.last_failure_at,
    lastFailureAddress: row.last_failure_address,
  }));
}

export const loginLockRepository = Object.freeze({ find, save, remove, forget, listForBranch });
