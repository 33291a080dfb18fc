import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DivertBody, Ticket, TicketParams, TierBody, TransferBody } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const tickets: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['ticket'], security: [{ bearerAuth: [] }], params: TicketParams, response: { 200: Ticket } };
  const { queue } = app.lobby;

  app.get('/api/tickets/:ticketId', { schema: base }, async (request) => queue.getTicket(actorOf(request), request.params.ticketId));

  const simple = [
    ['recall', queue.recall],
    ['start', queue.start],
    ['complete', queue.complete],
    ['no-show', queue.noShow],
    ['cancel', queue.cancel],
  ] as const;
  for (const [path, action] of simple) {
    app.post(`/api/tickets/:ticketId/${path}`, { schema: base }, async (request) =>
      action(actorOf(request), request.params.ticketId),
    );
  }

  app.post('/api/tickets/:ticketId/transfer', { schema: { ...base, body: TransferBody } }, async (request) =>
    queue.transfer(actorOf(request), request.params.ticketId, request.body.serviceId),
  );
  app.post('/api/tickets/:ticketId/divert', { schema: { ...base, body: DivertBody } }, async (request) =>
    queue.divert(actorOf(request), request.params.ticketId, request.body.machineKind),
  );
  app.post('/api/tickets/:ticketId/tier', { schema: { ...base, body: TierBody } }, async (request) =>
    queue.changeTier(actorOf(request), request.params.ticketId, request.body.tier),
  );
};
export default tickets;
