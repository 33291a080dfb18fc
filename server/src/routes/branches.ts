import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { BranchParams, DiversionBody, Counter, IssueTicketBody, Machine, Service, Snapshot, Ticket } from '../../../protocol/schemas.js';
import { actorOf } from '../plugins/auth.js';

const branches: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const tags = ['branch'];
  const security = [{ bearerAuth: [] }];

  app.get(
    '/api/branches/:branchId/services',
    { schema: { tags, security, params: BranchParams, response: { 200: Type.Array(Service) } } },
    async (request) => app.lobby.snapshots.services(actorOf(request), request.params.branchId),
  );

  app.get(
    '/api/branches/:branchId/counters',
    { schema: { tags, security, params: BranchParams, response: { 200: Type.Array(Counter) } } },
    async (request) => app.lobby.snapshots.counters(actorOf(request), request.params.branchId),
  );

  app.get(
    '/api/branches/:branchId/machines',
    { schema: { tags, security, params: BranchParams, response: { 200: Type.Array(Machine) } } },
    async (request) => app.lobby.snapshots.machines(actorOf(request), request.params.branchId),
  );

  app.get(
    '/api/branches/:branchId/snapshot',
    { schema: { tags, security, params: BranchParams, response: { 200: Snapshot } } },
    async (request) => app.lobby.snapshots.snapshot(actorOf(request), request.params.branchId),
  );

  app.post(
    '/api/branches/:branchId/tickets',
    {
      schema: {
        tags: ['ticket'],
        security,
        summary: 'Issue a ticket (kiosk, or staff issuing for a customer)',
        params: BranchParams,
        body: IssueTicketBody,
        response: { 201: Ticket },
      },
    },
    async (request, reply) => {
      const ticket = await app.lobby.queue.issueTicket(actorOf(request), request.params.branchId, request.body);
      return reply.status(201).send(ticket);
    },
  );

  app.post(
    '/api/branches/:branchId/diversions',
    {
      schema: {
        tags: ['ticket'],
        security,
        summary: 'Record a customer sent to a self-service machine instead of taking a ticket',
        params: BranchParams,
        body: DiversionBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { serviceId, machineKind } = request.body;
      await app.lobby.queue.recordDiversion(actorOf(request), request.params.branchId, serviceId, machineKind);
      return reply.status(204).send(null);
    },
  );
};
export default branches;
