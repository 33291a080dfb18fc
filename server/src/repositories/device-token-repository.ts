/** Tokens of the hall's devices (kiosks, wall displays), kept by their hash, as the wire's `DeviceToken`. */
import type { DeviceToken } from '../../../protocol/admin-schemas.js';
import type { Db } from './db.js';
import { toDeviceToken } from './mappers.js';

/** A new token: the hash of the secret is stored, the secret itself never. */
export type NewDeviceTokenRecord = DeviceToken & { tokenHash: string };

/** The branch's tokens: active ones first, then newest first. */
async function listByBranch(db: Db, branchId: string): Promise<DeviceToken[]> {
  const rows = await db
    .selectFrom('device_tokens')
    .selectAll()
    .where('branch_id', '=', branchId)
    .orderBy((eb) => eb('revoked_at', 'is', null), 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('label')
    .execute();
  return rows.map(toDeviceToken);
}

/** The token if it belongs to the branch, revoked or not. */
async function findInBranch(db: Db, branchId: string, tokenId: string): Promise<DeviceToken | undefined> {
  const row = await db.selectFrom('device_tokens').selectAll().where('id', '=', tokenId).where('branch_id', '=', branchId).executeTakeFirst();
  return row && toDeviceToken(row);
}

/** The token a device presents, unless it was revoked. */
async function findActiveByHash(db: Db, tokenHash: string): Promise<DeviceToken | undefined> {
  const row = await db
    .selectFrom('device_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toDeviceToken(row);
}

async function insert(db: Db, token: NewDeviceTokenRecord): Promise<void> {
  await db
    .insertInto('device_tokens')
    .values({
      id: token.id,
      branch_id: token.branchId,
      kind: token.kind,
      label: token.label,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      revoked_at: token.revokedAt,
    })
    .execute();
}

async function revoke(db: Db, tokenId: string, revokedAt: string): Promise<void> {
  await db.updateTable('device_tokens').set({ revoked_at: revokedAt }).where('id', '=', tokenId).execute();
}

export const deviceTokenRepository = Object.freeze({ listByBranch, findInBranch, findActiveByHash, insert, revoke });
