import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Machines get a name in each language, as services have: the kiosk showed "ATM 1" on a Chinese
// screen. `label` stays the English name (older clients read it). Existing machines are named from
// their label: the demo's "ATM 2" and "Self-service terminal 1" in the bank's words, any other
// label as it is (an admin renames it). Rows are updated one by one, so it runs the same on
// SQLite and PostgreSQL.

/** The Chinese names of a label the seed or an admin gave in English. */
function namesOf(label: string): { zhHant: string; zhHans: string } {
  const numbered = /^(ATM|Self-service terminal)\s*(\d*)$/i.exec(label.trim());
  if (!numbered) return { zhHant: label, zhHans: label };
  const [, kind, number] = numbered;
  const suffix = number ? ` ${number}` : '';
  return kind!.toLowerCase() === 'atm'
    ? { zhHant: `自動櫃員機${suffix}`, zhHans: `自动柜员机${suffix}` }
    : { zhHant: `自助服務機${suffix}`, zhHans: `自助服务机${suffix}` };
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('machines').addColumn('name_zh_hant', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('machines').addColumn('name_zh_hans', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows: { id: string; label: string }[] = await db.selectFrom('machines').select(['id', 'label']).execute();
  for (const row of rows) {
    const names = namesOf(row.label);
    await db.updateTable('machines').set({ name_zh_hant: names.zhHant, name_zh_hans: names.zhHans }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('machines').dropColumn('name_zh_hans').execute();
  await db.schema.alterTable('machines').dropColumn('name_zh_hant').execute();
}
