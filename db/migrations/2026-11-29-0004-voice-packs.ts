import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A branch's own recorded voice pack (issue 11): one row per clip and language. The audio is kept
// in the database as base64 text, so that the backup (one database file) carries it and every
// server of a branch serves the same clips; text rather than a blob type works on SQLite and PostgreSQL alike.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voice_pack_clips')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('clip_id', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('audio_base64', 'text', (c) => c.notNull())
    .addColumn('seconds', 'real')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voice_pack_clips_pk', ['branch_id', 'language', 'clip_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('voice_pack_clips').execute();
}
