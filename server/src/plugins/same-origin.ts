/**
 * Only the server's own pages may change anything: a request that changes state, and a live socket,
 * are refused when the browser says they come from another origin (another site, or another port of
 * the same host) that is not on the allowed list. The session cookie alone is never enough.
 * Requests without an Origin header (kiosk scripts, curl, other servers) carry no cookie of a
 * browser page and pass; they still need their token.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether `origin` is the host and port the request was addressed to. The scheme is not compared:
 * behind a TLS proxy the page is https while the request reaching us is http.
 */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export default fp(
  async function sameOriginPlugin(app: FastifyInstance, { allowedOrigins = [] }: { allowedOrigins?: readonly string[] }) {
    const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/$/, '')));
    // Bodies are JSON only: a cross-site form can send text/plain without asking first.
    app.removeContentTypeParser('text/plain');
    // preValidation rather than onRequest: by then @fastify/websocket has taken charge of an upgrade,
    // so a refused socket is answered 403 and closed properly. Nothing has changed by then.
    app.addHook('preValidation', async (request) => {
      const changes = !SAFE_METHODS.has(request.method) || request.headers.upgrade?.toLowerCase() === 'websocket';
      const origin = request.headers.origin;
      if (!changes || origin === undefined) return;
      if (isOwnOrigin(origin, request) || allowed.has(origin)) return;
      throw forbidden(`requests from ${origin} are not accepted: open lobbyflow from its own address, or add that origin to LOBBYFLOW_ALLOWED_ORIGINS`);
    });
  },
  { name: 'same-origin' },
);
