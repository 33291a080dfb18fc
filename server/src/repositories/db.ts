import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The database or a transaction: every repository function accepts either. */
export type Db = Kysely<Database> | Transaction<Database>;
