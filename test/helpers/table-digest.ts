/**
 * A fingerprint of everything the database holds: one hash per table over all its rows, so a test
 * can show that a refused request changed nothing, and a failure names the table that did change.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export type TableDigest = Record<string, string>;

/** Every table of the database (SQLite's own excepted), hashed row by row in a stable order. */
export async function tableDigest(db: Kysely<any>): Promise<TableDigest> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
  `.execute(db);
  const digest: TableDigest = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    // Rows come in storage order, which an update may change without changing any row: sort them.
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    digest[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return digest;
}
