import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// 定期報告: the lobby manager's monthly report to the branch head, one per branch and month. The
// figures are computed when read; only the manager's own words are stored, as a draft, then submitted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_needs', 'text', (c) => c.notNull())
    .addColumn('opinions', 'text', (c) => c.notNull())
    .addColumn('market_info', 'text', (c) => c.notNull())
    .addColumn('proposals', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('monthly_reports_branch_month', ['branch_id', 'month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monthly_reports').execute();
}
