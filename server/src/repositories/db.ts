import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The database or a transaction: every repository function accepts either. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export const inTransaction = <T>(db: Kysely<Database>, work: (trx: Db) => Promise<T>): Promise<T> => db.transaction().execute(work);
