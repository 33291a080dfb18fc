/** Builds the lobbyflow Fastify app without listening: the server and the tests both use it. */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { validatorCompiler } from './plugins/validation.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { systemClock, type Clock } from './lib/clock.js';
import authPlugin from './plugins/auth.js';
import dayClosePlugin from './plugins/day-close.js';
import errorsPlugin from './plugins/errors.js';
import lobbyPlugin from './plugins/lobby.js';
import sameOriginPlugin from './plugins/same-origin.js';
import uiPlugin from './plugins/ui.js';
import { createInProcessEventBus, type EventBus } from './realtime/event-bus.js';
import adminRoutes from './routes/admin.js';
import authRoutes from './routes/auth.js';
import branchRoutes from './routes/branches.js';
import counterRoutes from './routes/counters.js';
import healthRoutes from './routes/health.js';
import liveRoutes from './routes/live.js';
import noticeRoutes from './routes/notices.js';
import ticketRoutes from './routes/tickets.js';
import publicRoutes from './routes/public.js';
import reportRoutes from './routes/reports.js';
import toolRoutes from './routes/tools.js';

export interface AppOptions {
  db: Kysely<Database>;
  clock?: Clock;
  bus?: EventBus;
  logger?: FastifyServerOptions['logger'];
  loginsPerMinute?: number;
  pingIntervalMs?: number;
  /** Unsent bytes past which a live socket that stopped reading is dropped (default 8 MB). */
  liveMaxBufferedBytes?: number;
  /** How often to close past business days (cancel yesterday's leftovers); off when omitted. */
  dayCloseIntervalMs?: number;
  /** Origins besides the server's own whose pages may change state or open live sockets. */
  allowedOrigins?: readonly string[];
  /** Folder of the built front-ends to serve; none when omitted. */
  uiRoot?: string;
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    // Ids in routes are ours; reject absurd bodies early.
    bodyLimit: 64 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  await migrateToLatest(options.db);

  await app.register(errorsPlugin);
  await app.register(sameOriginPlugin, { allowedOrigins: options.allowedOrigins });
  await app.register(lobbyPlugin, {
    db: options.db,
    clock: options.clock ?? systemClock,
    bus: options.bus ?? createInProcessEventBus(),
  });
  await app.register(authPlugin);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'lobbyflow API',
        version: '0.1.0',
        description: 'Queue ticketing and customer flow for bank branches. Live updates: GET /api/branches/{branchId}/live (WebSocket).',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes);
  await app.register(authRoutes, { loginsPerMinute: options.loginsPerMinute ?? 20 });
  await app.register(branchRoutes);
  await app.register(counterRoutes);
  await app.register(ticketRoutes);
  await app.register(noticeRoutes);
  await app.register(publicRoutes);
  await app.register(adminRoutes);
  await app.register(reportRoutes);
  await app.register(toolRoutes);
  await app.register(liveRoutes, { pingIntervalMs: options.pingIntervalMs ?? 30_000, maxBufferedBytes: options.liveMaxBufferedBytes });
  if (options.dayCloseIntervalMs) await app.register(dayClosePlugin, { intervalMs: options.dayCloseIntervalMs });
  if (options.uiRoot) await app.register(uiPlugin, { root: options.uiRoot });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
