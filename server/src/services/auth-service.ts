/** Staff sign-in with sessions, and registered hall devices (kiosks, displays). */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { LoginReply } from '../../../protocol/schemas.js';
import { AppError } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import { UNUSABLE_HASH, verifyPassword } from '../lib/password.js';
import { hashToken, newToken } from '../lib/tokens.js';
import { toUser } from '../repositories/mappers.js';
import type { Actor, DeviceKind } from '../domain/actor.js';

export const SESSION_HOURS = 12;

export function createAuthService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  return {
    async login(username: string, password: string): Promise<LoginReply> {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      const ok = await verifyPassword(password, row?.password_hash ?? UNUSABLE_HASH);
      if (!row || !ok || row.active !== 1) throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
      const token = newToken();
      const now = clock.now();
      await db
        .insertInto('sessions')
        .values({
          token_hash: hashToken(token),
          user_id: row.id,
          branch_id: row.branch_id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
        })
        .execute();
      return { token, user: toUser(row) };
    },

    async logout(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
    },

    /** The staff member or device a bearer token belongs to, or null. */
    async resolve(token: string): Promise<Actor | null> {
      const hash = hashToken(token);
      const now = clock.now().toISOString();
      const session = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.role', 'users.branch_id', 'users.username', 'users.active', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', hash)
        .executeTakeFirst();
      if (session) {
        if (session.expires_at <= now || session.active !== 1) return null;
        return {
          kind: 'user',
          id: session.id,
          role: session.role as 'admin' | 'manager' | 'teller',
          branchId: session.branch_id,
          username: session.username,
        };
      }
      const device = await db
        .selectFrom('device_tokens')
        .selectAll()
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (device) return { kind: 'device', id: device.id, deviceKind: device.kind as DeviceKind, branchId: device.branch_id };
      return null;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
