import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The report figures (server/src/repositories/report-figures-repository.ts) read each ticket's own
// calls and transfers: one index search per ticket, with the time and sequence in the index itself.
// The kiosk's diversions are read by branch, type and time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_ticket_type').on('events').columns(['ticket_id', 'type', 'seq', 'at']).execute();
  await db.schema.createIndex('events_branch_type_at').on('events').columns(['branch_id', 'type', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_branch_type_at').execute();
  await db.schema.dropIndex('events_ticket_type').execute();
}
