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
import { createBranchTransaction } from '../services/branch-transaction.js';
import { createAdminService } from '../services/admin-service.js';
import { createForecastService } from '../services/forecast-service.js';
import { createReportService } from '../services/report-service.js';
import { createNoticeService } from '../services/notice-service.js';
import { createDayCloseService } from '../services/day-close-service.js';
import { createCounterService } from '../services/counter-service.js';
import { createQueueService } from '../services/queue-service.js';
import { createSnapshotService } from '../services/snapshot-service.js';

export interface LobbyDeps {
  db: Kysely<Database>;
  clock: Clock;
  bus: EventBus;
}

export function createLobby({ db, clock, bus }: LobbyDeps) {
  const runInBranch = createBranchTransaction({ db, clock, events: bus });
  return {
    db,
    clock,
    bus,
    auth: createAuthService({ db, clock }),
    queue: createQueueService({ db, clock, runInBranch }),
    counters: createCounterService({ db, runInBranch }),
    snapshots: createSnapshotService({ db, clock }),
    dayClose: createDayCloseService({ db, runInBranch }),
    notices: createNoticeService({ db, runInBranch }),
    admin: createAdminService({ db, clock, runInBranch }),
    reports: createReportService({ db, clock }),
    forecasts: createForecastService({ db, clock }),
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
    app.decorate('lobby', createLobby(deps));
  },
  { name: 'lobby' },
);
