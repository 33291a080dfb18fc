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
import type { Db } from '../../repositories/db.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, conflict, onDuplicate, requireChanges, text, type AdminDeps, type StaffActor } from './access.js';
import { toAdminUser } from './rows.js';

const ROLE_ORDER: Record<string, number> = { admin: 0, manager: 1, teller: 2 };

export function createStaffAdmin({ db, runInBranch }: AdminDeps) {
  async function requireUser(d: Db, branchId: string, userId: string): Promise<UserRow> {
    const row = await d.selectFrom('users').selectAll().where('id', '=', userId).where('branch_id', '=', branchId).executeTakeFirst();
    if (!row) throw notFound('user', userId);
    return row;
  }

  function assertMayManage(staff: StaffActor, ...roles: (Role | string | undefined)[]) {
    if (staff.role !== 'admin' && roles.includes('admin')) throw forbidden("only an admin can create or change an admin's account");
  }

  /** The open or paused counter this user staffs, if any. */
  const counterStaffedBy = (d: Db, userId: string) =>
    d.selectFrom('counters').select('number').where('teller_id', '=', userId).where('status', '!=', 'closed').executeTakeFirst();

  return {
    async list(actor: Actor, branchId: string): Promise<AdminUser[]> {
      await branchAdmin(db, actor, branchId);
      const rows = await db.selectFrom('users').selectAll().where('branch_id', '=', branchId).orderBy('username').execute();
      return rows.map(toAdminUser).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    },

    async create(actor: Actor, branchId: string, body: CreateUserBody): Promise<AdminUser> {
      const staff = await branchAdmin(db, actor, branchId);
      assertMayManage(staff, body.role);
      const displayName = text('displayName', body.displayName);
      // Hash before the transaction: scrypt is slow on purpose and must not hold the branch's lock.
      const passwordHash = await hashPassword(body.password);
      const { result } = await runInBranch(branchId, staff.id, async (trx, _emit, now) => {
        const taken = await trx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
        if (taken) throw conflict(`username ${body.username} is taken`);
        const id = newId();
        await trx
          .insertInto('users')
          .values({
            id,
            branch_id: branchId,
            username: body.username,
            display_name: displayName,
            role: body.role,
            password_hash: passwordHash,
            active: 1,
            created_at: now.toISOString(),
          })
          .execute();
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
        const counter = await counterStaffedBy(trx, userId);
        if (counter && (deactivates || (roleChanges && user.role === 'teller'))) {
          throw conflict(`${user.display_name} staffs counter ${counter.number}: close it first`);
        }
        await trx
          .updateTable('users')
          .set({ display_name: displayName, role: body.role, active: body.active === undefined ? undefined : body.active ? 1 : 0 })
          .where('id', '=', userId)
          .execute();
        if (deactivates) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        // The counters strip shows who staffs each counter.
        if (counter && displayName !== undefined && displayName !== user.display_name) emit({ type: 'branch.configured' });
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
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId);
        if (currentTokenHash) sessions = sessions.where('token_hash', '!=', currentTokenHash);
        await sessions.execute();
      });
    },
  };
}
