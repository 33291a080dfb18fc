import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Which kiosk issued a ticket (its device token's id; null for staff and older tickets), so a
// manager can take back the tickets of a kiosk that issued too fast. The index finds a branch's
// latest throttle alerts in its event log without reading the whole log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('issued_by_device', 'text', (c) => c.references('device_tokens.id')).execute();
  await db.schema.createIndex('events_branch_type').on('events').columns(['branch_id', 'type', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_branch_type').execute();
  await db.schema.alterTable('tickets').dropColumn('issued_by_device').execute();
}
