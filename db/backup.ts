/**
 * A consistent copy of a lobbyflow database, taken with SQLite's online backup API while the server
 * keeps running: the copy is the database as one moment saw it, whatever is written meanwhile.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  pages: number;
  bytes: number;
}

/**
 * Pages per backup step: all of them. The copy is then one read of the database, so the server's
 * writes meanwhile cannot make SQLite start it over (as it does between smaller steps).
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database `source` to `target`, refusing to replace an existing file unless `force`.
 * The copy is written beside the target and renamed over it once checked, so a failed backup never
 * leaves a damaged file in place of a good one.
 */
export async function backupDatabase(source: string, target: string, { force = false } = {}): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source} (LOBBYFLOW_DB)`);
  if (resolve(source) === resolve(target)) throw new Error('the backup file must not be the database itself');
  if (existsSync(target) && !force) throw new Error(`${target} already exists; add --force to replace it`);

  const partial = `${target}.${process.pid}.partial`;
  const database = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await database.backup(partial, { progress: () => ALL_PAGES });
    assertIntact(partial);
    renameSync(partial, target);
    return { pages: totalPages, bytes: statSync(target).size };
  } finally {
    database.close();
    rmSync(partial, { force: true });
  }
}

/** SQLite's quick check of the copy: its pages and indexes are well formed. */
function assertIntact(file: string): void {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(`the copy failed SQLite's check: ${result}`);
  } finally {
    copy.close();
  }
}
