/** Opens the SQLite database through Kysely, with the pragmas a queue system needs. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** Closes Kysely and the underlying file. */
  close(): Promise<void>;
}

/** Opens (creating if needed) the SQLite file, or `:memory:`. */
export function openDatabase(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL makes every committed transaction durable before the reply goes out:
  // an issued ticket survives a crash of the process and of the machine.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
  return { db, close: () => db.destroy() };
}

/** Prepared statements kept per SQL text; past this many the least recently used is dropped. */
const STATEMENTS_KEPT = 256;

/**
 * Kysely's SQLite driver asks for a new prepared statement on every query, and preparing costs
 * more than running a small one. The same SQL text always gets the same better-sqlite3 statement
 * (statements are reusable, and this driver runs one query at a time on its single connection).
 */
function withPreparedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
