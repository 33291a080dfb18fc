/**
 * The shared services of one lobbyflow server, as a `lobby` decoration: database, clock,
 * event bus and the domain services built on them.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../lib/clock.js';
import type { EventBus } from '../realtime/event-bus.js';
import { createAuthService } from '../services/auth-service.js';
import { createBranchEngine } from '../services/branch-engine.js';
import { createBranchTransaction } from '../services/branch-transaction.js';
import { createRealtimeHub } from '../realtime/realtime-hub.js';
import { createAdminService } from '../services/admin-service.js';
import { createForecastService } from '../services/forecast-service.js';
import { createReportService } from '../services/report-service.js';
import { createReportFiguresService } from '../services/report-figures-service.js';
import { createMonthlyReportService } from '../services/monthly-report-service.js';
import { createNoticeService } from '../services/notice-service.js';
import { createVoicePackService } from '../services/voice-pack-service.js';
import { VOICE_DIST } from '../voice/voice-dist.js';
import { createDayCloseService } from '../services/day-close-service.js';
import { createCounterService } from '../services/counter-service.js';
import { createQueueService } from '../services/queue-service.js';
import { createSnapshotService } from '../services/snapshot-service.js';
import { createWhatIfPool, type WhatIfPoolOptions } from '../services/what-if-pool.js';
import { randomBytes } from 'node:crypto';
import { createRecordHints } from '../realtime/record-hints.js';
import { createAuditLogService } from '../services/records/audit-log-service.js';
import { createAuditTrail } from '../services/records/audit-trail.js';
import { createComplaintService } from '../services/records/complaint-service.js';
import { createCustomerService } from '../services/records/customer-service.js';
import { createDevicePresence } from '../services/records/device-presence.js';
import { createDiaryService } from '../services/records/diary-service.js';
import { createHallCheckService } from '../services/records/hall-check-service.js';
import { createRatingService } from '../services/records/rating-service.js';
import type { RecordDeps } from '../services/records/record-deps.js';
import { createReferralService } from '../services/records/referral-service.js';

export interface LobbyDeps {
  db: Kysely<Database>;
  clock: Clock;
  bus: EventBus;
  /** Threads, queue and time budget of the what-if forecasts. */
  whatIf?: WhatIfPoolOptions;
  /** The install's key for the HMAC of card and customer numbers; a random one (this process only) when absent. */
  customerKey?: Buffer;
}

export function createLobby({ db, clock, bus, whatIf, customerKey }: LobbyDeps) {
  const engine = createBranchEngine({ db, clock, bus });
  const whatIfPool = createWhatIfPool(whatIf);
  const runInBranch = createBranchTransaction({ db, clock, engine });
  const hints = createRecordHints();
  // One key for the kiosk's numbers and the customer sheet's, so that they meet.
  const key = customerKey ?? randomBytes(32);
  const records: RecordDeps = {
    db,
    clock,
    hints,
    audit: createAuditTrail({ clock }),
    engine,
    runInBranch,
    customerKey: key,
  };
  return {
    db,
    clock,
    bus,
    engine,
    whatIfPool,
    hub: createRealtimeHub(bus),
    auth: createAuthService({ db, clock }),
    queue: createQueueService({ db, clock, engine, customerKey: key }),
    counters: createCounterService({ db, engine }),
    snapshots: createSnapshotService({ engine }),
    dayClose: createDayCloseService({ db, engine }),
    notices: createNoticeService({ db, runInBranch }),
    voicePacks: createVoicePackService({ db, runInBranch, builtinRoot: VOICE_DIST }),
    admin: createAdminService({ db, clock, runInBranch }),
    reports: createReportService({ db, clock }),
    reportFigures: createReportFiguresService({ db, clock }),
    forecasts: createForecastService({ db, clock, engine, whatIfPool }),
    hints,
    presence: createDevicePresence(records),
    complaints: createComplaintService(records),
    customers: createCustomerService(records),
    referrals: createReferralService(records),
    diary: createDiaryService(records),
    checks: createHallCheckService(records),
    ratings: createRatingService(records),
    auditLog: createAuditLogService(records),
    monthlyReports: createMonthlyReportService(records),
  };
}

export type Lobby = ReturnType<typeof createLobby>;

declare module 'fastify' {
  interface FastifyInstance {
    lobby: Lobby;
  }
}

export default fp(
  async function lobbyPlugin(app: FastifyInstance, deps: LobbyDeps) {
    const lobby = createLobby(deps);
    app.decorate('lobby', lobby);
    app.addHook('onClose', () => lobby.whatIfPool.close());
    app.addHook('onClose', () => lobby.engine.close());
  },
  { name: 'lobby' },
);
