import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LoginBody, LoginReply, User } from '../../../protocol/schemas.js';
import { SESSION_COOKIE, tokenOf } from '../plugins/auth.js';
import { SESSION_HOURS } from '../services/auth-service.js';
import { notFound } from '../errors.js';

export interface AuthRouteOptions {
  /** Sign-in attempts allowed per address per minute. */
  loginsPerMinute: number;
}

const auth: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, { loginsPerMinute }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: loginsPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginReply } },
    },
    async (request, reply) => {
      const result = await app.lobby.auth.login(request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return result;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (request, reply) => {
    const token = tokenOf(request);
    if (token) await app.lobby.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/auth/me',
    { onRequest: app.authenticate, schema: { tags: ['auth'], security: [{ bearerAuth: [] }], response: { 200: User } } },
    async (request) => {
      const actor = request.actor!;
      if (actor.kind !== 'user') throw notFound('user', 'for a device token');
      return app.lobby.auth.currentUser(actor.id);
    },
  );
};
export default auth;
