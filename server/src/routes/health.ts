import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { assertWritable } from '../repositories/db.js';

const Ok = Type.Object({ status: Type.Literal('ok') });

const health: FastifyPluginAsyncTypebox = async (app) => {
  // Liveness: the process answers. A supervisor restarts it when this fails.
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Liveness: the server answers', response: { 200: Ok } } }, async () => ({
    status: 'ok' as const,
  }));
  // Readiness: the database takes writes, so a ticket issued now would be kept. 503 STORAGE_UNAVAILABLE otherwise.
  app.get(
    '/api/health/ready',
    { schema: { tags: ['system'], summary: 'Readiness: the database takes writes (503 when it cannot)', response: { 200: Ok } } },
    async () => {
      await assertWritable(app.lobby.db);
      return { status: 'ok' as const };
    },
  );
};
export default health;
