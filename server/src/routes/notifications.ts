/**
 * Notifications (protocol notificationRoutes): the phone page's push subscription, public with the
 * ticket's UUID as the capability; and the branch's webhooks for admins (managers read).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notificationRoutes as routes } from '../../../protocol/notification-routes.js';
import { actorOf } from '../plugins/auth.js';
import { serveRoute } from './serve-route.js';

const notifications: FastifyPluginAsyncTypebox = async (app) => {
  const { pushSubscriptions, webhooks } = app.notifications;

  serveRoute(app, routes.pushKey, async () => pushSubscriptions.publicKey());
  serveRoute(app, routes.pushSubscribe, (request) => pushSubscriptions.subscribe(request.params.ticketId, request.body));
  serveRoute(app, routes.pushUnsubscribe, (request) => pushSubscriptions.unsubscribe(request.params.ticketId, request.body.endpoint));

  await app.register(async (staff) => {
    staff.addHook('onRequest', app.authenticate);
    serveRoute(staff, routes.webhooks, (request) => webhooks.list(actorOf(request), request.params.branchId));
    serveRoute(staff, routes.createWebhook, (request) => webhooks.create(actorOf(request), request.params.branchId, request.body));
    serveRoute(staff, routes.updateWebhook, (request) => webhooks.update(actorOf(request), request.params.branchId, request.params.webhookId, request.body));
    serveRoute(staff, routes.replaceSecret, (request) => webhooks.replaceSecret(actorOf(request), request.params.branchId, request.params.webhookId, request.body.secret));
    serveRoute(staff, routes.deliveries, (request) => webhooks.deliveries(actorOf(request), request.params.branchId, request.params.webhookId));
    serveRoute(staff, routes.testWebhook, (request) => webhooks.test(actorOf(request), request.params.branchId, request.params.webhookId));
  });
};
export default notifications;
