/**
 * Who is calling: a staff session (Bearer token or the HttpOnly cookie) or a device token.
 * Routes that need someone add `app.addHook('onRequest', app.authenticate)` to their folder.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../domain/actor.js';
import { unauthenticated } from '../domain/actor.js';

export const SESSION_COOKIE = 'lobbyflow_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

/** The token a request carries: Authorization header, the session cookie, or `?token=` (WebSocket only). */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = request.query as { token?: unknown } | undefined;
  if (request.ws && typeof query?.token === 'string') return query.token;
  return request.cookies[SESSION_COOKIE];
}

/** The actor of an authenticated request (after `authenticate`). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export default fp(
  async function authPlugin(app: FastifyInstance) {
    await app.register(cookie);
    app.decorateRequest('actor', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = tokenOf(request);
      request.actor = token ? await app.lobby.auth.resolve(token) : null;
      if (!request.actor) throw unauthenticated();
    });
  },
  { name: 'auth', dependencies: ['lobby'] },
);
