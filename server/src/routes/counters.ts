import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Counter, CounterParams, OpenCounterBody, Ticket } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const counters: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const base = { tags: ['counter'], security: [{ bearerAuth: [] }], params: CounterParams };
  const { counters: service, queue } = app.lobby;

  app.post(
    '/api/counters/:counterId/open',
    {
      schema: { ...base, body: OpenCounterBody, response: { 200: Counter } },
      // An empty POST is the common case: treat it as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => service.open(actorOf(request), request.params.counterId, request.body?.tellerId),
  );
  app.post(
    '/api/counters/:counterId/pause',
    { schema: { ...base, response: { 200: Counter } } },
    async (request) => service.pause(actorOf(request), request.params.counterId),
  );
  app.post(
    '/api/counters/:counterId/close',
    { schema: { ...base, response: { 200: Counter } } },
    async (request) => service.close(actorOf(request), request.params.counterId),
  );
  app.post(
    '/api/counters/:counterId/call-next',
    {
      schema: {
        ...base,
        summary: 'Call the next ticket for this counter (204 when nobody waits for it)',
        response: { 200: Ticket, 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const ticket = await queue.callNext(actorOf(request), request.params.counterId);
      return ticket ? ticket : reply.status(204).send(null);
    },
  );
};
export default counters;
