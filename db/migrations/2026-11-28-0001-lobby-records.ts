import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The lobby manager's records (shared/DOMAIN.md): complaints, the customer resource sheet, referrals
// to account managers, the work diary, the opening and closing checks, ratings and surveys, and the
// append-only audit log of every access to personal data. Also: machine faults, device presence and
// print failures, and the registry customer behind a VIP ticket.
export async function up(db: Kysely<any>): Promise<void> {
  // 客戶投訴記錄表: open → replied → closed (and reopened).
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('counter_id', 'text')
    .addColumn('teller_id', 'text')
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply_due_at', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('fix', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_branch_received').on('complaints').columns(['branch_id', 'received_at']).execute();

  // 客戶資源信息表: numbers kept as a keyed hash (HMAC) and a hint of their last digits, never in clear.
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number_hash', 'text', (c) => c.notNull())
    .addColumn('number_hint', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('needs', 'text')
    .addColumn('notes', 'text')
    .addColumn('manager_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_visit_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customers_branch_number', ['branch_id', 'number_hash'])
    .execute();

  // 轉介理財經理: referred → contacted → converted or declined.
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('customer_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('ticket_number', 'text')
    .addColumn('customer_name', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('product_interest', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('referred_to', 'text', (c) => c.notNull())
    .addColumn('referred_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_branch_to').on('referrals').columns(['branch_id', 'referred_to']).execute();

  // Append-only: who read or changed which personal record, and which fields (never their values).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('branch_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_branch_at').on('audit_log').columns(['branch_id', 'at']).execute();

  // 大堂經理工作日誌: one entry per manager per business day; the day's figures are computed, not stored.
  await db.schema
    .createTable('diary_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('focus', 'text', (c) => c.notNull())
    .addColumn('conversations', 'text', (c) => c.notNull())
    .addColumn('potential_customers', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('diary_entries_day_author', ['branch_id', 'business_day', 'author_id'])
    .execute();

  // 營業前 / 營業後檢查: one per kind per business day; items as JSON [{ item, machineId?, ok, note }].
  await db.schema
    .createTable('hall_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hall_checks_day_kind', ['branch_id', 'business_day', 'kind'])
    .execute();

  // A machine out of service says why, since when and who found it.
  await db.schema.alterTable('machines').addColumn('fault_note', 'text').execute();
  await db.schema.alterTable('machines').addColumn('fault_at', 'text').execute();
  await db.schema.alterTable('machines').addColumn('fault_by', 'text').execute();

  // Device health: when each kiosk and display last connected and disconnected its live socket.
  await db.schema.alterTable('device_tokens').addColumn('last_connected_at', 'text').execute();
  await db.schema.alterTable('device_tokens').addColumn('last_disconnected_at', 'text').execute();

  // A kiosk's failed print (or paper out) until someone marks it resolved.
  await db.schema
    .createTable('device_faults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();

  // 評價器: one rating per ticket; no answer is no row.
  await db.schema
    .createTable('ratings')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text')
    .addColumn('teller_id', 'text')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('comment', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ratings_branch_day').on('ratings').columns(['branch_id', 'business_day']).execute();

  // 滿意度調查: questions as JSON; answers carry no ticket or person, and who answered is kept apart.
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('answered_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_takers')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_takers_pk', ['survey_id', 'ticket_id'])
    .execute();

  // The registry customer a VIP ticket was recognised as; customer_ref now holds the number's HMAC,
  // so numbers typed before this release (in clear) are dropped.
  await db.schema.alterTable('tickets').addColumn('customer_id', 'text').execute();
  await db.updateTable('tickets').set({ customer_ref: null }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('customer_id').execute();
  for (const table of ['survey_takers', 'survey_answers', 'surveys', 'ratings', 'device_faults', 'hall_checks', 'diary_entries', 'audit_log', 'referrals', 'customers', 'complaints']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('device_tokens').dropColumn('last_disconnected_at').execute();
  await db.schema.alterTable('device_tokens').dropColumn('last_connected_at').execute();
  for (const column of ['fault_by', 'fault_at', 'fault_note']) await db.schema.alterTable('machines').dropColumn(column).execute();
}
