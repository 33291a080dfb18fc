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
  const engine = createBranchEngine({ db, clock, bus });
  const runInBranch = createBranchTransaction({ db, clock, engine });
  return {
    db,
    clock,
    bus,
    engine,
    hub: createRealtimeHub(bus),
    auth: createAuthService({ db, clock }),
    queue: createQueueService({ db, engine }),
    counters: createCounterService({ db, engine }),
    snapshots: createSnapshotService({ engine }),
    dayClose: createDayCloseService({ db, engine }),
    notices: createNoticeService({ db, runInBranch }),
    admin: createAdminService({ db, clock, runInBranch }),
    reports: createReportService({ db, clock }),
    forecasts: createForecastService({ db, clock, engine }),
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
