/** Runs the migrations in db/migrations with Kysely's Migrator. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026-11-22-0001-initial.js';
import * as notices from './migrations/2026-11-22-0002-notices.js';
import * as ticketDevice from './migrations/2026-11-27-0001-ticket-device.js';
import * as loginLocks from './migrations/2026-11-27-0002-login-locks.js';
import * as counterPauseReason from './migrations/2026-11-27-0003-counter-pause-reason.js';
import * as lobbyRecords from './migrations/2026-11-28-0001-lobby-records.js';
import * as ticketQueuedAt from './migrations/2026-11-28-0002-ticket-queued-at.js';
import * as reportIndexes from './migrations/2026-11-28-0003-report-indexes.js';
import * as monthlyReports from './migrations/2026-11-28-0004-monthly-reports.js';
import * as ticketOnTheWay from './migrations/2026-11-29-0002-ticket-on-the-way.js';
import * as notifications from './migrations/2026-11-29-0003-notifications.js';
import * as voicePacks from './migrations/2026-11-29-0004-voice-packs.js';
import * as machineNames from './migrations/2026-11-29-0005-machine-names.js';

// A static list rather than a folder scan: it works the same under tsx, Vitest and a bundle.
const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
  '2026-11-22-0002-notices': notices,
  '2026-11-27-0001-ticket-device': ticketDevice,
  '2026-11-27-0002-login-locks': loginLocks,
  '2026-11-27-0003-counter-pause-reason': counterPauseReason,
  '2026-11-28-0001-lobby-records': lobbyRecords,
  '2026-11-28-0002-ticket-queued-at': ticketQueuedAt,
  '2026-11-28-0003-report-indexes': reportIndexes,
  '2026-11-28-0004-monthly-reports': monthlyReports,
  '2026-11-29-0002-ticket-on-the-way': ticketOnTheWay,
  '2026-11-29-0003-notifications': notifications,
  '2026-11-29-0004-voice-packs': voicePacks,
  '2026-11-29-0005-machine-names': machineNames,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema, or throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
