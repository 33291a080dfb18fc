import type { Db } from './db.js';

/** A member of staff by id. */
export const findUser = (db: Db, userId: string) => db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
