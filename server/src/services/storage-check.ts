/**
 * Whether a ticket issued now would be kept, as readiness (`GET /api/health/ready`) asks it: the
 * database takes a write lock, and the disk it lives on has room left for its write-ahead log.
 * SQLite cannot tell a full disk before a write fails, so the free space is read from the disk.
 */
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../errors.js';
import { assertWritable, databaseFileOf } from '../repositories/db.js';

/** Free space under which the next burst of tickets may fail with SQLITE_FULL (each writes a few pages to the WAL). */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Throws STORAGE_UNAVAILABLE when the database cannot take writes or its disk is (nearly) full. */
export async function assertStorageReady(db: Kysely<Database>): Promise<void> {
  await assertWritable(db);
  const file = await databaseFileOf(db);
  if (!file) return;
  const { bavail, bsize } = await statfs(dirname(file));
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) {
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      `the database's disk has ${Math.floor(free / 1024)} KiB free, under the ${MIN_FREE_BYTES / 1024} KiB it needs to keep taking tickets`,
    );
  }
}
