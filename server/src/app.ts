/** Builds the lobbyflow Fastify app without listening: the server and the tests both use it. */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { validatorCompiler } from './plugins/validation.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { TrustProxy } from './config.js';
import authPlugin from './plugins/auth.js';
import closingConnectionsPlugin from './plugins/closing-connections.js';
import dayClosePlugin from './plugins/day-close.js';
import errorsPlugin from './plugins/errors.js';
import { SnapshotLocalStore } from './plugins/rate-limit-store.js';
import lobbyPlugin from './plugins/lobby.js';
import sameOriginPlugin from './plugins/same-origin.js';
import securityHeadersPlugin, { DOCS_CSP } from './plugins/security-headers.js';
import uiPlugin from './plugins/ui.js';
import { createInProcessEventBus, type EventBus } from './realtime/event-bus.js';
import { closeLiveSocketsForRestart } from './realtime/live-socket.js';
import type { WhatIfPoolOptions } from './services/what-if-pool.js';
import adminRoutes from './routes/admin.js';
import calendarRoutes from './routes/calendar.js';
import authRoutes, { LOGINS_PER_ADDRESS_PER_MINUTE } from './routes/auth.js';
import branchRoutes from './routes/branches.js';
import counterRoutes from './routes/counters.js';
import healthRoutes from './routes/health.js';
import liveRoutes from './routes/live.js';
import noticeRoutes from './routes/notices.js';
import ticketRoutes from './routes/tickets.js';
import publicRoutes from './routes/public.js';
import notificationRoutes from './routes/notifications.js';
import notificationsPlugin, { type NotificationOptions } from './plugins/notifications.js';
import reportRoutes from './routes/reports.js';
import reportFigureRoutes from './routes/report-figures.js';
import monthlyReportRoutes from './routes/monthly-reports.js';
import toolRoutes from './routes/tools.js';
import voicePackRoutes from './routes/voice-packs.js';
import auditRoutes from './routes/records/audit.js';
import checkRoutes from './routes/records/checks.js';
import complaintRoutes from './routes/records/complaints.js';
import customerRoutes from './routes/records/customers.js';
import deviceRoutes from './routes/records/devices.js';
import diaryRoutes from './routes/records/diary.js';
import ratingRoutes from './routes/records/ratings.js';
import referralRoutes from './routes/records/referrals.js';

export interface AppOptions {
  db: Kysely<Database>;
  clock?: Clock;
  bus?: EventBus;
  logger?: FastifyServerOptions['logger'];
  /** Sign-in attempts per address per minute, a flood guard (default LOGINS_PER_ADDRESS_PER_MINUTE). */
  loginsPerMinute?: number;
  /**
   * Which proxies to believe about the client (X-Forwarded-For) and the scheme (X-Forwarded-Proto),
   * as Fastify's trustProxy: true, or the proxies' addresses/CIDRs. Off by default: request.ip is the
   * peer, and headers anyone can send are ignored.
   */
  trustProxy?: TrustProxy;
  pingIntervalMs?: number;
  /** Unsent bytes past which a live socket that stopped reading is dropped (default 8 MB). */
  liveMaxBufferedBytes?: number;
  /** How often to close past business days (cancel yesterday's leftovers); off when omitted. */
  dayCloseIntervalMs?: number;
  /** Origins besides the server's own whose pages may change state or open live sockets. */
  allowedOrigins?: readonly string[];
  /** Folder of the built front-ends to serve; none when omitted. */
  uiRoot?: string;
  /** Threads, queue and time budget of the what-if forecasts (defaults in services/what-if-pool.ts). */
  whatIf?: WhatIfPoolOptions;
  /** The install's key for the HMAC of card and customer numbers (server/src/lib/customer-key.ts); random per process when absent. */
  customerKey?: Buffer;
  /** Web Push and webhooks: the VAPID keys, timeouts and retries (plugins/notifications.ts). */
  notifications?: NotificationOptions;
  /** Told of each route as it is registered, HEAD twins included: the tests list the whole API from it. */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    // Ids in routes are ours; reject absurd bodies early.
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route as RouteOptions));

  await migrateToLatest(options.db);

  await app.register(errorsPlugin);
  await app.register(closingConnectionsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(sameOriginPlugin, { allowedOrigins: options.allowedOrigins });
  await app.register(lobbyPlugin, {
    db: options.db,
    clock: options.clock ?? systemClock,
    bus: options.bus ?? createInProcessEventBus(),
    whatIf: options.whatIf,
    customerKey: options.customerKey,
  });
  await app.register(notificationsPlugin, options.notifications ?? {});
  await app.register(authPlugin);
  await app.register(rateLimit, { global: false, store: SnapshotLocalStore });
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    // At shutdown, screens are told to reconnect (1012) rather than just dropped.
    preClose: function () {
      return closeLiveSocketsForRestart(this.websocketServer);
    },
  });
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
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP, uiConfig: { validatorUrl: null } });

  await app.register(healthRoutes);
  await app.register(authRoutes, { loginsPerMinute: options.loginsPerMinute ?? LOGINS_PER_ADDRESS_PER_MINUTE });
  await app.register(branchRoutes);
  await app.register(counterRoutes);
  await app.register(ticketRoutes);
  await app.register(noticeRoutes);
  await app.register(publicRoutes);
  await app.register(notificationRoutes);
  await app.register(adminRoutes);
  await app.register(calendarRoutes);
  await app.register(reportRoutes);
  await app.register(reportFigureRoutes);
  await app.register(monthlyReportRoutes);
  await app.register(toolRoutes);
  await app.register(voicePackRoutes);
  // The lobby manager's records (shared/DOMAIN.md).
  await app.register(complaintRoutes);
  await app.register(customerRoutes);
  await app.register(referralRoutes);
  await app.register(diaryRoutes);
  await app.register(checkRoutes);
  await app.register(deviceRoutes);
  await app.register(ratingRoutes);
  await app.register(auditRoutes);
  await app.register(liveRoutes, { pingIntervalMs: options.pingIntervalMs ?? 30_000, maxBufferedBytes: options.liveMaxBufferedBytes });
  if (options.dayCloseIntervalMs) await app.register(dayClosePlugin, { intervalMs: options.dayCloseIntervalMs });
  if (options.uiRoot) await app.register(uiPlugin, { root: options.uiRoot });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
