/**
 * The branch's staff accounts. Managers look after their tellers and managers; only an admin may
 * create, change or reset an admin. Nobody can lock themself out by demoting or deactivating themself.
 */
import { newId } from '../../lib/ids.js';
import type { UserRow } from '../../../../db/schema.js';
import type { AdminUser, CreateUserBody, UpdateUserBody } from '../../../../protocol/admin-schemas.js';
import type { Role } from '../../../../protocol/schemas.js';
import { forbidden, notFound } from '../../errors.js';
import { hashPassword } from '../../lib/password.js';
import { counterRepository } from '../../repositories/counter-repository.js';
import type { Db } from '../../repositories/db.js';
import { sessionRepository } from '../../repositories/session-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, onDuplicate, requireChanges, text, type AdminDeps, type StaffActor } from './access.js';
import { toAdminUser } from './rows.js';

const ROLE_ORDER: Record<Role, number> = { admin: 0, manager: 1, account_manager: 2, teller: 3 };

export function createStaffAdmin({ db, runInBranch }: AdminDeps) {
  async function requireUser(d: Db, branchId: string, userId: string): Promise<UserRow> {
    const row = await userRepository.findInBranch(d, branchId, userId);
    if (!row) throw notFound('user', userId);
    return row;
  }

  function assertMayManage(staff: StaffActor, ...roles: (Role | string | undefined)[]) {
    if (staff.role !== 'admin' && roles.includes('admin')) throw forbidden("only an admin can create or change an admin's account");
  }

  return {
    async list(actor: Actor, branchId: string): Promise<AdminUser[]> {
      await branchAdmin(db, actor, branchId);
      const rows = await userRepository.listByBranch(db, branchId);
      return rows.map(toAdminUser).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    },

    async create(actor: Actor, branchId: string, body: CreateUserBody): Promise<AdminUser> {
      const staff = await branchAdmin(db, actor, branchId);
      assertMayManage(staff, body.role);
      const displayName = text('displayName', body.displayName);
      // Hash before the transaction: scrypt is slow on purpose and must not hold the branch's lock.
      const passwordHash = await hashPassword(body.password);
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        if (await userRepository.findByUsername(trx, body.username)) throw conflict(`username ${body.username} is taken`);
        const id = newId();
        await userRepository.insert(trx, {
          id,
          branchId,
          username: body.username,
          displayName,
          role: body.role,
          passwordHash,
          active: true,
          createdAt: now.toISOString(),
        });
        return requireUser(trx, branchId, id);
      }).catch(onDuplicate(`username ${body.username} is taken`));
      return toAdminUser(result);
    },

    /** Role, display name or active. Deactivating signs the user out everywhere. */
    async update(actor: Actor, branchId: string, userId: string, body: UpdateUserBody): Promise<AdminUser> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const displayName = body.displayName === undefined ? undefined : text('displayName', body.displayName);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const user = await requireUser(trx, branchId, userId);
        assertMayManage(staff, user.role, body.role);
        const roleChanges = body.role !== undefined && body.role !== user.role;
        const deactivates = body.active === false && user.active === 1;
        if (user.id === staff.id && (roleChanges || deactivates)) {
          throw conflict('you cannot change your own role or deactivate yourself; ask another admin');
        }
        // The open or paused counter this user staffs, if any.
        const counterNumber = await counterRepository.findNumberStaffedBy(trx, userId);
        const staffsCounter = counterNumber !== undefined;
        if (staffsCounter && (deactivates || (roleChanges && user.role === 'teller'))) {
          throw conflict(`${user.display_name} staffs counter ${counterNumber}: close it first`);
        }
        await userRepository.update(trx, userId, { displayName, role: body.role, active: body.active });
        if (deactivates) await sessionRepository.deleteForUser(trx, userId);
        // The counters strip shows who staffs each counter.
        if (staffsCounter && displayName !== undefined && displayName !== user.display_name) emit({ type: 'branch.configured' });
        return requireUser(trx, branchId, userId);
      });
      return toAdminUser(result);
    },

    /**
     * Sets a new password; every other session of the user ends (also when they reset their own,
     * the usual reaction to a stolen session), so a lost password or token stops working at once.
     * `currentTokenHash` is the caller's own session, which stays signed in.
     */
    async resetPassword(actor: Actor, branchId: string, userId: string, password: string, currentTokenHash?: string): Promise<void> {
      const staff = await branchAdmin(db, actor, branchId);
      const user = await requireUser(db, branchId, userId);
      assertMayManage(staff, user.role);
      const passwordHash = await hashPassword(password);
      await runInBranch(branchId, staff.id, async (trx) => {
        await requireUser(trx, branchId, userId);
        await userRepository.setPasswordHash(trx, userId, passwordHash);
        await sessionRepository.deleteForUser(trx, userId, currentTokenHash);
      });
    },
  };
}
