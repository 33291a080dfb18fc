/**
 * Registers a route of a protocol route table (protocol/route-kit.ts): its path, method and schemas
 * come from the table, so the server validates and documents exactly what the UIs' typed client sends.
 * The handler returns the reply; a route that answers 201 gets that status, and `null` is a 204
 * where the route has one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import type { RouteReply, RouteSpec } from '../../../protocol/route-kit.js';

type StaticOf<R extends RouteSpec, K extends 'params' | 'querystring' | 'body'> = R extends { [key in K]: infer S extends TSchema }
  ? Static<S>
  : undefined;

/** The request as the route's schemas describe it, after validation. */
export type RouteRequest<R extends RouteSpec> = FastifyRequest<{
  Params: StaticOf<R, 'params'>;
  Querystring: StaticOf<R, 'querystring'>;
  Body: StaticOf<R, 'body'>;
}>;

export type RouteHandler<R extends RouteSpec> = (request: RouteRequest<R>, reply: FastifyReply) => Promise<RouteReply<R>>;

/** Route options beyond the table's, e.g. a `preValidation` hook. */
export type ExtraRouteOptions = Pick<RouteShorthandOptions, 'preValidation' | 'config'>;

// Any server, logger and type provider: the route's own types come from the table.
type AnyFastify = FastifyInstance<any, any, any, any, any>;

/** Registers `route` on `app` with the table's schemas, answered by `handler`. */
export function serveRoute<R extends RouteSpec>(app: AnyFastify, route: R, handler: RouteHandler<R>, options: ExtraRouteOptions = {}): void {
  const statuses = Object.keys(route.response).map(Number);
  const noContent = statuses.includes(204);
  // The status of a reply with content: 200, or 201 for a route that creates.
  const status = Math.min(...statuses.filter((s) => s !== 204));
  app.route({
    ...options,
    method: route.method,
    url: route.path,
    schema: {
      summary: route.summary,
      tags: [...route.tags],
      ...(route.public ? {} : { security: [{ bearerAuth: [] }] }),
      ...(route.params ? { params: route.params } : {}),
      ...(route.querystring ? { querystring: route.querystring } : {}),
      ...(route.body ? { body: route.body } : {}),
      response: route.response,
    },
    handler: async (request, reply) => {
      const value = await handler(request as RouteRequest<R>, reply);
      if (value === null && noContent) return reply.status(204).send(null);
      return reply.status(status).send(value);
    },
  });
}
