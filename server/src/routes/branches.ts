/** A branch's services, counters, machines and snapshot, issuing tickets, and a kiosk's tickets (protocol queueRoutes). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { queueRoutes as routes } from '../../../protocol/queue-routes.js';
import { actorOf } from '../plugins/auth.js';
import { createThrottleReporter } from '../services/throttle-reporter.js';
import { deviceIssueLimit } from './device-issue-limit.js';
import { serveRoute } from './serve-route.js';

const branches: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { snapshots, queue } = app.lobby;

  serveRoute(app, routes.services, (request) => snapshots.services(actorOf(request), request.params.branchId));
  serveRoute(app, routes.counters, (request) => snapshots.counters(actorOf(request), request.params.branchId));
  serveRoute(app, routes.machines, (request) => snapshots.machines(actorOf(request), request.params.branchId));
  serveRoute(app, routes.snapshot, async (request, reply) => {
    const shared = await snapshots.snapshot(actorOf(request), request.params.branchId);
    // Serialised once per sequence number and audience, for every screen that asks.
    reply.type('application/json; charset=utf-8').serializer(() => shared.json);
    return shared.snapshot;
  });
  const throttles = createThrottleReporter({
    record: queue.recordThrottle,
    onError: (err) => app.log.error({ err }, 'recording a throttle alert failed'),
  });
  app.addHook('onClose', async () => throttles.close());
  serveRoute(app, routes.issueTicket, (request) => queue.issueTicket(actorOf(request), request.params.branchId, request.body), {
    config: { rateLimit: deviceIssueLimit(queue, throttles) },
  });
  serveRoute(app, routes.recordDiversion, async (request) => {
    const { serviceId, machineKind } = request.body;
    await queue.recordDiversion(actorOf(request), request.params.branchId, serviceId, machineKind);
    return null;
  });
  serveRoute(app, routes.deviceTicketCount, async (request) => {
    const { branchId, deviceId } = request.params;
    return { count: await queue.deviceTicketCount(actorOf(request), branchId, deviceId, request.query.sinceMinutes) };
  });
  serveRoute(app, routes.cancelDeviceTickets, async (request) => {
    const { branchId, deviceId } = request.params;
    return { cancelled: await queue.cancelDeviceTickets(actorOf(request), branchId, deviceId, request.body.sinceMinutes) };
  });
};
export default branches;
