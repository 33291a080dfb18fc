/** Tokens that let a kiosk or a wall display into the branch without a person signing in. */
import { newId } from '../../lib/ids.js';
import type { CreateDeviceTokenBody, DeviceToken, NewDeviceToken } from '../../../../protocol/admin-schemas.js';
import { notFound } from '../../errors.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import type { Db } from '../../repositories/db.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, text, type AdminDeps } from './access.js';
import { toDeviceToken } from './rows.js';

export function createDeviceTokenAdmin({ db, runInBranch }: AdminDeps) {
  async function requireToken(d: Db, branchId: string, tokenId: string) {
    const row = await d.selectFrom('device_tokens').selectAll().where('id', '=', tokenId).where('branch_id', '=', branchId).executeTakeFirst();
    if (!row) throw notFound('device token', tokenId);
    return row;
  }

  return {
    /** Active tokens first, newest first; revoked ones stay listed as a record. */
    async list(actor: Actor, branchId: string): Promise<DeviceToken[]> {
      await branchAdmin(db, actor, branchId);
      const rows = await db
        .selectFrom('device_tokens')
        .selectAll()
        .where('branch_id', '=', branchId)
        .orderBy((eb) => eb('revoked_at', 'is', null), 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('label')
        .execute();
      return rows.map(toDeviceToken);
    },

    /** The only time the token is seen: the database keeps its hash alone. */
    async create(actor: Actor, branchId: string, body: CreateDeviceTokenBody): Promise<NewDeviceToken> {
      const staff = await branchAdmin(db, actor, branchId);
      const label = text('label', body.label);
      const token = newToken();
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        const id = newId();
        await trx
          .insertInto('device_tokens')
          .values({ id, branch_id: branchId, kind: body.kind, label, token_hash: hashToken(token), created_at: now.toISOString(), revoked_at: null })
          .execute();
        return requireToken(trx, branchId, id);
      });
      return { ...toDeviceToken(result), token };
    },

    /** The device is refused from its next request on. */
    async revoke(actor: Actor, branchId: string, tokenId: string): Promise<DeviceToken> {
      const staff = await branchAdmin(db, actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        const row = await requireToken(trx, branchId, tokenId);
        if (row.revoked_at) throw conflict(`device token "${row.label}" was already revoked at ${row.revoked_at}`);
        await trx.updateTable('device_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', tokenId).execute();
        return requireToken(trx, branchId, tokenId);
      });
      return toDeviceToken(result);
    },
  };
}
