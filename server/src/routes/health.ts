import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { assertStorageReady } from '../services/storage-check.js';

const Ok = Type.Object({ status: Type.Literal('ok') });

const health: FastifyPluginAsyncTypebox = async (app) => {
  // Liveness: the process answers. A supervisor restarts it when this fails.
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness: the server answers', response: { 200: Ok } } }, async () => ({
    status: 'ok' as const,
  }));
  // Readiness: the database takes writes and its disk has room, so a ticket issued now would be kept.
  // 503 STORAGE_UNAVAILABLE otherwise.
  app.get(
    '/api/health/ready',
    { schema: { tags: ['system'], summary: 'Readiness: the database takes writes and its disk has room (503 when not)', response: { 200: Ok } } },
    async () => {
      await assertStorageReady(app.lobby.db);
      return { status: 'ok' as const };
    },
  );
};
export default health;
