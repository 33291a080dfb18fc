/** Reads a database file that a server process (or a backup) left behind, with plain better-sqlite3. */
import SQLite from 'better-sqlite3';

/** Opens `file`, runs `read` on it and closes it again. */
export function inspectDatabase<T>(file: string, read: (sqlite: SQLite.Database) => T): T {
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** SQLite's own check of the whole file: 'ok' when nothing is damaged. */
export const integrityOf = (sqlite: SQLite.Database) => sqlite.pragma('integrity_check', { simple: true }) as string;

/** The ids of every ticket in the file. */
export const ticketIdsOf = (sqlite: SQLite.Database) => new Set(sqlite.prepare('select id from tickets').pluck().all() as string[]);
