import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LoginBody, LoginReply, User } from '../../../protocol/schemas.js';
import { SESSION_COOKIE, tokenOf } from '../plugins/auth.js';
import { SESSION_HOURS } from '../services/auth-service.js';
import { notFound } from '../errors.js';

/**
 * Sign-in attempts allowed per minute from one address, whatever the usernames.
 *
 * Guessing passwords is stopped per account (domain/sign-in-lock.ts): a username locks after a few
 * failures from any number of addresses. This limit is only a flood guard that keeps the slow
 * password hashing from being run thousands of times a minute. A low one (it was 20) locked the
 * right password out for everyone at an address, and a branch's staff often share one (its router,
 * a proxy without LOBBYFLOW_TRUST_PROXY): a colleague's typos or one attacked account shut the
 * whole branch out. So it sits far above what a branch's staff do together in a minute, and below
 * what would keep the hashing busy (each attempt costs tens of milliseconds of one core).
 */
export const LOGINS_PER_ADDRESS_PER_MINUTE = 120;

export interface AuthRouteOptions {
  /** Sign-in attempts allowed per address per minute (a flood guard, see LOGINS_PER_ADDRESS_PER_MINUTE). */
  loginsPerMinute: number;
}

/**
 * The session cookie's attributes. Secure over https, including behind a proxy that says so (when
 * trustProxy is set). Clearing the cookie repeats them: a browser does not let a cookie set without
 * them replace a Secure one.
 */
const SESSION_COOKIE_OPTIONS = { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const satisfies CookieSerializeOptions;

const auth: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (app, { loginsPerMinute }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: loginsPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginReply } },
    },
    async (request, reply) => {
      const result = await app.lobby.auth.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, result.token, { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_HOURS * 3600 });
      return result;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (request, reply) => {
    const token = tokenOf(request);
    if (token) await app.lobby.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
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
