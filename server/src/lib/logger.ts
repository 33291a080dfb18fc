/** Logger options: device and session tokens sent as `?token=` (WebSocket) never reach the logs. */
import type { FastifyServerOptions } from 'fastify';

/** Replaces the value of a `token` query parameter with `***`. */
export const redactToken = (url: string) => url.replace(/([?&]token=)[^&#]*/g, '$1***');

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactToken(req.url), remoteAddress: req.ip }),
    },
  };
}
