import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Failed sign-ins in a row per username (known or not) and the lock they earn: kept in the database
// so a restart does not hand an attacker fresh guesses, and so admins can see and lift locks.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_locks')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('last_failure_address', 'text')
    .addColumn('locked_until', 'text')
    .execute();
  // Forgetting old records and listing recent ones go by the last failure.
  await db.schema.createIndex('login_locks_last_failure_at').on('login_locks').column('last_failure_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_locks').execute();
}
