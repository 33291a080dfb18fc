/** db/schema.ts must describe the migrated database exactly: same tables, columns and nullability. */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';

interface Column {
  name: string;
  nullable: boolean;
}

/** Reads the Database interface and its table interfaces from db/schema.ts with the TypeScript parser. */
function declaredSchema(): Map<string, Column[]> {
  const path = new URL('../../db/schema.ts', import.meta.url);
  const source = ts.createSourceFile('schema.ts', readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const tables = new Map<string, Column[]>();
  for (const member of interfaces.get('Database')!.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = interfaces.get(member.type.typeName.getText(source))!;
    const columns = table.members.filter(ts.isPropertySignature).map((prop) => ({
      name: prop.name.getText(source),
      nullable: /\|\s*null\b/.test(prop.type!.getText(source)),
    }));
    tables.set(member.name.getText(source), columns);
  }
  return tables;
}

describe('db/schema.ts', () => {
  const handle = openDatabase(':memory:');
  afterAll(() => handle.close());

  it('matches the migrated database, table by table and column by column', async () => {
    await migrateToLatest(handle.db);
    const declared = declaredSchema();
    const live = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(handle.db);
    expect(live.rows.map((r) => r.name).sort()).toEqual([...declared.keys()].sort());

    for (const [table, columns] of declared) {
      const info = await sql<{ name: string; notnull: number; pk: number }>`select * from pragma_table_info(${table})`.execute(handle.db);
      const actual = info.rows.map((c) => ({ name: c.name, nullable: c.notnull === 0 && c.pk === 0 })).sort((a, b) => a.name.localeCompare(b.name));
      expect(actual, `table ${table}`).toEqual([...columns].sort((a, b) => a.name.localeCompare(b.name)));
    }
  });

  it('opens file databases in WAL mode with foreign keys on and synchronous FULL', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/lobbyflow-db-`);
    const file = openDatabase(`${dir}/x.db`);
    const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(file.db)).rows[0];
    expect(Object.values((await pragma('journal_mode'))!)[0]).toBe('wal');
    expect(Object.values((await pragma('foreign_keys'))!)[0]).toBe(1);
    expect(Object.values((await pragma('synchronous'))!)[0]).toBe(2);
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
