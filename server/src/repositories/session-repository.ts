/** Staff sessions, kept by the hash of their bearer token. */
import type { Role } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

export interface NewSession {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  branchId: string | null;
  createdAt: string;
  expiresAt: string;
}

/** A session with the account it belongs to, as bearer-token checks need it. */
export interface SessionUser {
  userId: string;
  role: Role;
  branchId: string | null;
  username: string;
  /** Whether the account is still active. */
  active: boolean;
  expiresAt: string;
}

async function insert(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      branch_id: session.branchId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

async function findUserByTokenHash(db: Db, tokenHash: string): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.role', 'users.branch_id', 'users.username', 'users.active', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return (
    row && {
      userId: row.id,
      role: row.role,
      branchId: row.branch_id,
      username: row.username,
      active: row.active === 1,
      expiresAt: row.expires_at,
    }
  );
}

async function deleteByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends the user's sessions, all but `exceptTokenHash` when it is given. */
async function deleteForUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
  await query.execute();
}

export const sessionRepository = Object.freeze({ insert, findUserByTokenHash, deleteByTokenHash, deleteForUser });
