/** What every service of the lobby manager's records is built from (server/src/plugins/lobby.ts passes one object). */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { RecordHints } from '../../realtime/record-hints.js';
import type { BranchEngine } from '../branch-engine.js';
import type { RunInBranch } from '../branch-transaction.js';
import type { AuditTrail } from './audit-trail.js';

export interface RecordDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Tells staff screens that may read a record that it changed. */
  hints: RecordHints;
  /** Writes the audit rows of personal data. */
  audit: AuditTrail;
  /** The queue: tickets, counters and the branch as held. */
  engine: BranchEngine;
  /** Configuration changes (machines out of service) go through it: screens resync. */
  runInBranch: RunInBranch;
  /** The install's key for the HMAC of card and customer numbers (32 bytes). */
  customerKey: Buffer;
}
