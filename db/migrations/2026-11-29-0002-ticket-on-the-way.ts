import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The customer said on their phone "I am on my way": staff see it on the ticket. Null: they did
// not (no backfill: older tickets simply never said so).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('on_my_way_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('on_my_way_at').execute();
}
