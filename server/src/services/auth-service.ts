/** Staff sign-in with sessions, and registered hall devices (kiosks, displays). */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { LoginReply, User } from '../../../protocol/schemas.js';
import { AppError } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { UNUSABLE_HASH, verifyPassword } from '../lib/password.js';
import { hashToken, newToken } from '../lib/tokens.js';
import { deviceTokenRepository } from '../repositories/device-token-repository.js';
import { inTransaction } from '../repositories/db.js';
import { loginLockRepository } from '../repositories/login-lock-repository.js';
import { toUser } from '../repositories/mappers.js';
import { sessionRepository } from '../repositories/session-repository.js';
import { userRepository } from '../repositories/user-repository.js';
import type { Actor } from '../domain/actor.js';
import { forgetBefore, lockedUntil, secondsUntil, SIGN_IN_LOCK, withFailure } from '../domain/sign-in-lock.js';

export const SESSION_HOURS = 12;

export function createAuthService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  /**
   * Counts the attempt as a failure before its password is checked, so guesses sent in parallel
   * cannot all slip in under the lock; a success clears the count. While a lock runs nothing is
   * counted (waiting it out is not punished): the answer is when it ends.
   */
  function admitAttempt(username: string, address: string | null, now: Date): Promise<Date | null> {
    return inTransaction(db, async (trx) => {
      const record = await loginLockRepository.find(trx, username);
      const until = lockedUntil(record, now);
      if (until) return until;
      await loginLockRepository.save(trx, withFailure(record, username, now, address));
      await loginLockRepository.forget(trx, { before: forgetBefore(now), now: now.toISOString(), keep: SIGN_IN_LOCK.maxUnlockedRecords });
      return null;
    });
  }

  return {
    /**
     * Signs a member of staff in from `address`. An unknown username takes the same path as a
     * known one (its failures are counted and locked alike), so neither the answer nor its timing
     * tells whether an account exists.
     */
    async login(username: string, password: string, address: string | null = null): Promise<LoginReply> {
      const now = clock.now();
      const locked = await admitAttempt(username, address, now);
      // Checked even while locked: a refusal takes as long as a wrong password and says nothing about the password.
      const row = await userRepository.findByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? UNUSABLE_HASH);
      if (locked) {
        const wait = secondsUntil(locked, now);
        throw new AppError('ACCOUNT_LOCKED', `too many failed sign-ins for this user name: try again in ${wait} s`, { retryAfterSeconds: wait });
      }
      if (!row || !ok || row.active !== 1) throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
      await loginLockRepository.remove(db, username);
      const token = newToken();
      await sessionRepository.insert(db, {
        tokenHash: hashToken(token),
        userId: row.id,
        branchId: row.branch_id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      });
      return { token, user: toUser(row) };
    },

    async logout(token: string): Promise<void> {
      await sessionRepository.deleteByTokenHash(db, hashToken(token));
    },

    /** The signed-in member of staff; the session that named them was checked moments ago. */
    async currentUser(userId: string): Promise<User> {
      const row = await userRepository.findById(db, userId);
      // Accounts are deactivated, never deleted: a missing one is a server fault (500), not a 404.
      if (!row) throw new Error(`user ${userId} of a live session does not exist`);
      return toUser(row);
    },

    /** The staff member or device a bearer token belongs to, or null. */
    async resolve(token: string): Promise<Actor | null> {
      const hash = hashToken(token);
      const now = clock.now().toISOString();
      const session = await sessionRepository.findUserByTokenHash(db, hash);
      if (session) {
        if (session.expiresAt <= now || !session.active) return null;
        return { kind: 'user', id: session.userId, role: session.role, branchId: session.branchId, username: session.username };
      }
      const device = await deviceTokenRepository.findActiveByHash(db, hash);
      if (device) return { kind: 'device', id: device.id, deviceKind: device.kind, branchId: device.branchId, label: device.label };
      return null;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
