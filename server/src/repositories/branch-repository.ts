import type { Db } from './db.js';

export const findBranch = (db: Db, branchId: string) =>
  db.selectFrom('branches').selectAll().where('id', '=', branchId).executeTakeFirst();

export const listServices = (db: Db, branchId: string) =>
  db.selectFrom('services').selectAll().where('branch_id', '=', branchId).where('active', '=', 1).orderBy('sort_order').execute();

export const findService = (db: Db, serviceId: string) =>
  db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();

export const listMachines = (db: Db, branchId: string) =>
  db.selectFrom('machines').selectAll().where('branch_id', '=', branchId).orderBy('kind').orderBy('label').execute();

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

/** Every branch's id. */
export async function listBranchIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('branches').select('id').execute()).map((r) => r.id);
}
