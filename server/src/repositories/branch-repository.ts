/** The branches: their names, time zone, language and queue settings, and each one's event sequence. */
import type { Branch, BranchSettings, LocalizedName } from '../../../protocol/schemas.js';
import type { Db } from './db.js';
import { toBranch } from './mappers.js';

// The services and machines moved to their own repositories; these names stay for the queue path.
export { listMachines } from './machine-repository.js';
export { findService, listServices } from './service-repository.js';

/** The branch's row; `findById` gives it as the wire object. */
export const findBranch = (db: Db, branchId: string) =>
  db.selectFrom('branches').selectAll().where('id', '=', branchId).executeTakeFirst();

/** What an admin may change about a branch; a field left undefined stays as it is. */
export interface BranchChanges {
  name?: LocalizedName;
  timeZone?: string;
  defaultLocale?: Branch['defaultLocale'];
  /** The whole settings object, already merged with the current one. */
  settings?: BranchSettings;
}

async function findById(db: Db, branchId: string): Promise<Branch | undefined> {
  const row = await findBranch(db, branchId);
  return row && toBranch(row);
}

async function exists(db: Db, branchId: string): Promise<boolean> {
  return (await db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst()) !== undefined;
}

/** Every branch, by id. */
async function listAll(db: Db): Promise<Branch[]> {
  return (await db.selectFrom('branches').selectAll().orderBy('id').execute()).map(toBranch);
}

/** Every branch's id. */
export async function listBranchIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('branches').select('id').execute()).map((r) => r.id);
}

/** Opens a branch; its event sequence starts at 0. */
async function insert(db: Db, branch: Branch, createdAt: string): Promise<void> {
  await db
    .insertInto('branches')
    .values({
      id: branch.id,
      name_en: branch.name.en,
      name_zh_hant: branch.name.zhHant,
      name_zh_hans: branch.name.zhHans,
      time_zone: branch.timeZone,
      default_locale: branch.defaultLocale,
      settings: JSON.stringify(branch.settings),
      last_seq: 0,
      created_at: createdAt,
    })
    .execute();
}

async function update(db: Db, branchId: string, changes: BranchChanges): Promise<void> {
  await db
    .updateTable('branches')
    .set({
      name_en: changes.name?.en,
      name_zh_hant: changes.name?.zhHant,
      name_zh_hans: changes.name?.zhHans,
      time_zone: changes.timeZone,
      default_locale: changes.defaultLocale,
      settings: changes.settings ? JSON.stringify(changes.settings) : undefined,
    })
    .where('id', '=', branchId)
    .execute();
}

/** Reserves `count` sequence numbers for the branch's events and returns the first. */
export async function reserveEventSeq(db: Db, branchId: string, count: number): Promise<number> {
  const row = await db
    .updateTable('branches')
    .set((eb) => ({ last_seq: eb('last_seq', '+', count) }))
    .where('id', '=', branchId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq - count + 1;
}

export const branchRepository = Object.freeze({
  findById,
  findRow: findBranch,
  exists,
  listAll,
  listIds: listBranchIds,
  insert,
  update,
  reserveEventSeq,
});
