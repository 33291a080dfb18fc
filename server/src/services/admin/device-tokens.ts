/** Tokens that let a kiosk or a wall display into the branch without a person signing in. */
import { newId } from '../../lib/ids.js';
import type { CreateDeviceTokenBody, DeviceToken, NewDeviceToken } from '../../../../protocol/admin-schemas.js';
import { notFound } from '../../errors.js';
import { hashToken, newToken } from '../../lib/tokens.js';
import type { Db } from '../../repositories/db.js';
import { deviceTokenRepository } from '../../repositories/device-token-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, text, type AdminDeps } from './access.js';

export function createDeviceTokenAdmin({ db, runInBranch }: AdminDeps) {
  async function requireToken(d: Db, branchId: string, tokenId: string): Promise<DeviceToken> {
    const deviceToken = await deviceTokenRepository.findInBranch(d, branchId, tokenId);
    if (!deviceToken) throw notFound('device token', tokenId);
    return deviceToken;
  }

  return {
    /** Active tokens first, newest first; revoked ones stay listed as a record. */
    async list(actor: Actor, branchId: string): Promise<DeviceToken[]> {
      await branchAdmin(db, actor, branchId);
      return deviceTokenRepository.listByBranch(db, branchId);
    },

    /** The only time the token is seen: the database keeps its hash alone. */
    async create(actor: Actor, branchId: string, body: CreateDeviceTokenBody): Promise<NewDeviceToken> {
      const staff = await branchAdmin(db, actor, branchId);
      const label = text('label', body.label);
      const token = newToken();
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        const id = newId();
        await deviceTokenRepository.insert(trx, {
          id,
          branchId,
          kind: body.kind,
          label,
          tokenHash: hashToken(token),
          createdAt: now.toISOString(),
          revokedAt: null,
        });
        return requireToken(trx, branchId, id);
      });
      return { ...result, token };
    },

    /** The device is refused from its next request on. */
    async revoke(actor: Actor, branchId: string, tokenId: string): Promise<DeviceToken> {
      const staff = await branchAdmin(db, actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        const deviceToken = await requireToken(trx, branchId, tokenId);
        if (deviceToken.revokedAt) throw conflict(`device token "${deviceToken.label}" was already revoked at ${deviceToken.revokedAt}`);
        await deviceTokenRepository.revoke(trx, tokenId, now.toISOString());
        return requireToken(trx, branchId, tokenId);
      });
      return result;
    },
  };
}
