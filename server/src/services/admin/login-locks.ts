/**
 * Sign-in locks of the accounts that sign in to the branch, for admins only: who failed to sign in lately, who is locked
 * and until when, and lifting a lock (a member of staff who is sure of their password again).
 */
import type { LoginLock } from '../../../../protocol/admin-schemas.js';
import type { Actor } from '../../domain/actor.js';
import { forgetBefore } from '../../domain/sign-in-lock.js';
import { notFound } from '../../errors.js';
import { loginLockRepository } from '../../repositories/login-lock-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { branchAdmin, type AdminDeps } from './access.js';

const ADMINS_ONLY = ['admin'] as const;

export function createLoginLockAdmin({ db, clock }: Pick<AdminDeps, 'db' | 'clock'>) {
  return {
    /**
     * The accounts locked now or with failures in the last day, most recent first: the branch's staff
     * and the admins of every branch (a locked admin is unlocked by another).
     */
    async list(actor: Actor, branchId: string): Promise<LoginLock[]> {
      await branchAdmin(db, actor, branchId, ADMINS_ONLY);
      const now = clock.now();
      return loginLockRepository.listForBranch(db, branchId, { since: forgetBefore(now), now: now.toISOString() });
    },

    /** Clears the account's failures and any lock; an account without any is left as it is. */
    async unlock(actor: Actor, branchId: string, userId: string): Promise<void> {
      await branchAdmin(db, actor, branchId, ADMINS_ONLY);
      const user = await userRepository.findSigningInTo(db, branchId, userId);
      if (!user) throw notFound('user', userId);
      await loginLockRepository.remove(db, user.username);
    },
  };
}
