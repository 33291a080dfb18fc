import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Why a paused counter is paused (lunch, training, back_office, other), shown on the triage screen
// and counted in reports; null while the counter is open or closed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('counters').addColumn('pause_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('counters').dropColumn('pause_reason').execute();
}
