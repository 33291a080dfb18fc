/** Staff accounts. Rows come back as rows (the password hash included): `toUser` and `toAdminUser` map them. */
import type { UserRow } from '../../../db/schema.js';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { Db } from './db.js';

/** A new account: the wire's user with its password hash. */
export type NewUser = AdminUser & { passwordHash: string };

/** What an admin may change about an account; a field left undefined stays as it is. */
export type UserChanges = Partial<Pick<AdminUser, 'displayName' | 'role' | 'active'>>;

/** A member of staff by id. */
export const findUser = (db: Db, userId: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();

const findByUsername = (db: Db, username: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

/** The user if they belong to the branch. */
const findInBranch = (db: Db, branchId: string, userId: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', userId).where('branch_id', '=', branchId).executeTakeFirst();

/** An account that signs in to the branch: one of its staff, or an admin of every branch. */
const findSigningInTo = (db: Db, branchId: string, userId: string): Promise<UserRow | undefined> =>
  db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('branch_id', '=', branchId), eb('branch_id', 'is', null)]))
    .executeTakeFirst();

/** The branch's staff, by username. */
const listByBranch = (db: Db, branchId: string): Promise<UserRow[]> =>
  db.selectFrom('users').selectAll().where('branch_id', '=', branchId).orderBy('username').execute();

async function insert(db: Db, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      branch_id: user.branchId,
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      active: user.active ? 1 : 0,
      created_at: user.createdAt,
    })
    .execute();
}

async function update(db: Db, userId: string, changes: UserChanges): Promise<void> {
  await db
    .updateTable('users')
    .set({
      display_name: changes.displayName,
      role: changes.role,
      active: changes.active === undefined ? undefined : changes.active ? 1 : 0,
    })
    .where('id', '=', userId)
    .execute();
}

async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export const userRepository = Object.freeze({
  findById: findUser,
  findByUsername,
  findInBranch,
  findSigningInTo,
  listByBranch,
  insert,
  update,
  setPasswordHash,
});
