import type { NewNotice } from '../../../db/schema.js';
import type { Db } from './db.js';

export type NoticeKind = 'notice' | 'rate';

/** The branch's notice and rate lines, in board order. */
export const listNotices = (db: Db, branchId: string) =>
  db.selectFrom('notices').selectAll().where('branch_id', '=', branchId).orderBy('kind').orderBy('position').execute();

/** Replaces every line of the branch's boards (call inside a transaction). */
export async function replaceNotices(db: Db, branchId: string, rows: NewNotice[]): Promise<void> {
  await db.deleteFrom('notices').where('branch_id', '=', branchId).execute();
  if (rows.length > 0) await db.insertInto('notices').values(rows).execute();
}
