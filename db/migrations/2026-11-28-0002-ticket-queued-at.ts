import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// 過號重排: a re-queued no-show keeps its number and issued_at (its wait counts from issue) but
// waits at a new place in the queue; queued_at is that place. Null: the ticket never left its
// place, so issued_at is its place (no backfill, and the queue index stays as it is).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('queued_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('queued_at').execute();
}
