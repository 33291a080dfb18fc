import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh_hant', 'text', (c) => c.notNull())
    .addColumn('name_zh_hans', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh_hant', 'text', (c) => c.notNull())
    .addColumn('name_zh_hans', 'text', (c) => c.notNull())
    .addColumn('self_service_kind', 'text')
    .addColumn('target_wait_seconds', 'integer', (c) => c.notNull())
    .addColumn('default_service_seconds', 'integer', (c) => c.notNull())
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('services_branch_prefix', ['branch_id', 'prefix'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('low_counter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('teller_id', 'text', (c) => c.references('users.id'))
    .addColumn('current_ticket_id', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('counters_branch_number', ['branch_id', 'number'])
    .execute();

  await db.schema
    .createTable('counter_services')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('counter_id', 'text', (c) => c.notNull().references('counters.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('counter_services_pk', ['counter_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('machines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('in_service', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('branch_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('device_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_ref', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .addColumn('call_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('diverted_to', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issue_estimate_seconds', 'integer')
    .execute();
  await db.schema
    .createIndex('tickets_queue')
    .on('tickets')
    .columns(['branch_id', 'status', 'service_id', 'issued_at'])
    .execute();
  await db.schema.createIndex('tickets_day').on('tickets').columns(['branch_id', 'business_day', 'number']).execute();

  await db.schema
    .createTable('ticket_number_sequences')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_number_sequences_pk', ['branch_id', 'prefix', 'business_day'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('counter_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['branch_id', 'seq'])
    .execute();
  await db.schema.createIndex('events_ticket').on('events').column('ticket_id').execute();
  await db.schema.createIndex('events_counter_type').on('events').columns(['counter_id', 'type', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'events',
    'ticket_number_sequences',
    'tickets',
    'device_tokens',
    'sessions',
    'machines',
    'counter_services',
    'counters',
    'users',
    'services',
    'branches',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
