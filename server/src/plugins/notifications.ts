/**
 * Notifications to the customer as a `notifications` decoration: Web Push to the phones that asked
 * and the bank's webhooks, following the branches' committed events (services/notifications/).
 * Starts once the app is ready (pending webhook deliveries resume then) and stops at close.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { temporaryVapidKeys, type VapidKeys } from '../lib/vapid-keys.js';
import { createNotifier } from '../services/notifications/notifier.js';
import { createOutbound } from '../services/notifications/outbound.js';
import { createPushSender } from '../services/notifications/push-sender.js';
import { createPushSubscriptions } from '../services/notifications/push-subscriptions.js';
import { createWebhookAdmin } from '../services/notifications/webhook-admin.js';
import { createWebhookDeliveries } from '../services/notifications/webhook-deliveries.js';
import { createAuditTrail } from '../services/records/audit-trail.js';

export interface NotificationOptions {
  /** The install's VAPID pair (lib/vapid-keys.ts); one for this process only when absent. */
  vapid?: VapidKeys;
  /** Requests to push services and gateways in flight at once (default 8). */
  concurrency?: number;
  /** Longest wait for a push service's or gateway's answer, ms (default 10 s). */
  timeoutMs?: number;
  /** Waits between a webhook delivery's attempts (default 10 s, 30 s, 2 min, 7 min). */
  retryDelaysMs?: readonly number[];
  /** Accept push endpoints on http://127.0.0.1: only tests, for their push service stand-in. */
  allowLoopbackPushEndpoints?: boolean;
}

function createNotifications(app: FastifyInstance, options: NotificationOptions) {
  const { db, clock, bus, engine } = app.lobby;
  const log = (message: string, detail?: object) => app.log.warn(detail ?? {}, message);
  const vapid = options.vapid ?? temporaryVapidKeys();
  const outbound = createOutbound({ concurrency: options.concurrency, timeoutMs: options.timeoutMs });
  const push = createPushSender({ db, vapid, outbound, log });
  const deliveries = createWebhookDeliveries({ db, clock, outbound, retryDelaysMs: options.retryDelaysMs, log });
  const notifier = createNotifier({ db, clock, bus, engine, push, deliveries, log });
  return {
    outbound,
    deliveries,
    notifier,
    pushSubscriptions: createPushSubscriptions({ db, clock, engine, vapid, notifier, allowLoopbackHttp: options.allowLoopbackPushEndpoints }),
    webhooks: createWebhookAdmin({ db, clock, audit: createAuditTrail({ clock }), notifier, deliveries }),
    /** Resolves once every event taken is handled, every push sent and no webhook attempt runs. */
    async settled(): Promise<void> {
      await notifier.settled();
      await deliveries.settled();
      await outbound.idle();
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;

declare module 'fastify' {
  interface FastifyInstance {
    notifications: Notifications;
  }
}

export default fp(
  async function notificationsPlugin(app: FastifyInstance, options: NotificationOptions) {
    const notifications = createNotifications(app, options);
    app.decorate('notifications', notifications);
    app.addHook('onReady', async () => {
      await notifications.notifier.start();
      await notifications.deliveries.resume();
    });
    app.addHook('onClose', async () => {
      await notifications.notifier.close();
      // A dead gateway must not hold the shutdown: stop, abort what is in flight, then wait.
      notifications.deliveries.stop();
      await notifications.outbound.close();
      await notifications.deliveries.close();
    });
  },
  { name: 'notifications', dependencies: ['lobby'] },
);
