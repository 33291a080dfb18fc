/**
 * Security headers on every reply (@fastify/helmet): a Content-Security-Policy that the built
 * screens work under with no inline script or style, no framing, no MIME sniffing, no referrer.
 * Swagger UI at /docs gets its own policy (see DOCS_CSP).
 */
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A Host header fit to go into the policy: a name or an [IPv6] address, and a port. */
const PLAIN_HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

/**
 * The live sockets of the host the page came from. CSP 3 counts them in 'self', older engines do
 * not; the browser's own Host header is the page's host, and anything odd in it is left out.
 */
function liveSocketsOf(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * The screens' policy. Lit's component styles are constructed (adopted) stylesheets, which
 * style-src does not govern, and each page's own CSS is a file, so styles need no 'unsafe-inline'.
 * QR codes are data: images; the display's chime is Web Audio, which needs no media-src.
 * No screen is meant to be framed: the kiosk and the display run full screen, the console in its own tab.
 */
const SCREEN_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", liveSocketsOf],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // No upgrade-insecure-requests: a branch may serve the screens over plain http on its own network.
  },
};

/** Swagger UI's policy: it adds <style> elements of its own; a page for developers, never framed either. */
export const DOCS_CSP = {
  'default-src': "'self'",
  'base-uri': "'self'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'object-src': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

export default fp(
  async function securityHeadersPlugin(app: FastifyInstance) {
    await app.register(helmet, {
      contentSecurityPolicy: SCREEN_CSP,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
  },
  { name: 'security-headers' },
);
