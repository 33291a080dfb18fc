import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../errors.js';

/** The database or a transaction: every repository function accepts either. */
export type Db = Kysely<Database> | Transaction<Database>;

/** SQLite's answers when it cannot write: the disk is full, the file is read-only, the device fails. */
const STORAGE_FAILURES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|NOTADB|CORRUPT)/;

/** A storage failure as the one error type, keeping the database's own error as the cause (it is what gets logged). */
function asStorageFailure(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE_FAILURES.test(code)) return err;
  return new AppError('STORAGE_UNAVAILABLE', 'the database cannot take this change now; nothing was changed, try again shortly', { cause: err });
}

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws. When the
 * rollback fails too (a full disk can end the transaction by itself), the error that caused it is
 * the one reported, not "cannot rollback - no transaction is active".
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Db) => Promise<T>): Promise<T> {
  let trx;
  try {
    trx = await db.startTransaction().execute();
  } catch (err) {
    throw asStorageFailure(err);
  }
  try {
    const result = await work(trx);
    await trx.commit().execute();
    return result;
  } catch (err) {
    await trx.rollback().execute().catch(() => undefined);
    throw asStorageFailure(err);
  }
}

/** Whether the database takes writes now: a write lock is taken and given back, changing nothing. */
export async function assertWritable(db: Kysely<Database>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await sql`update branches set last_seq = last_seq where 0`.execute(trx);
  });
}

/** The file the database lives in, or null for an in-memory database. */
export async function databaseFileOf(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return rows[0]?.file || null;
}
