import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The hall's notice board and interest-rate board (利率牌): one row per line, in board order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_zh_hant', 'text', (c) => c.notNull())
    .addColumn('text_zh_hans', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notices_pk', ['branch_id', 'kind', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notices').execute();
}
