/**
 * Routes described once: method, path, parameters, body and replies as TypeBox schemas. The server
 * registers its routes from these descriptions (validation and OpenAPI), and the UIs call them with
 * `ApiClient.call`, which fills the path and types the reply, so neither side writes a URL by hand.
 */
import type { Static, TObject, TSchema } from '@sinclair/typebox';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of the HTTP API. */
export interface RouteSpec {
  method: HttpMethod;
  /** As Fastify writes it, with `:name` parameters: `/api/counters/:counterId/call-next`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  tags: readonly string[];
  /** True for the few routes anyone may call without a token. */
  public?: boolean;
  params?: TObject;
  querystring?: TObject;
  body?: TSchema;
  /** Replies by success status (200, 201, 204); errors are always `ErrorBody` (protocol/errors.ts). */
  response: Readonly<Record<number, TSchema>>;
}

/** Declares a route, keeping its literal types (method, path, schemas) for the server and the typed client. */
export const defineRoute = <const R extends RouteSpec>(route: R): R => route;

/** What a route's path parameters and query string take, as one object: `{ counterId }`, `{ branchId, from, to }`. */
export type RouteInput<R extends RouteSpec> = (R extends { params: infer P extends TSchema } ? Static<P> : unknown) &
  (R extends { querystring: infer Q extends TSchema } ? Static<Q> : unknown);

/** Any of a route's success replies: `Ticket | null` for call-next (200 or 204). */
export type RouteReply<R extends RouteSpec> = {
  [S in keyof R['response']]: R['response'][S] extends TSchema ? Static<R['response'][S]> : never;
}[keyof R['response']];

/** The arguments after the route in `ApiClient.call`: the input, then the body where the route takes one (optional when every field is). */
export type RouteArgs<R extends RouteSpec> = R extends { body: infer B extends TSchema }
  ? object extends Static<B>
    ? [input: RouteInput<R>, body?: Static<B>]
    : [input: RouteInput<R>, body: Static<B>]
  : [input: RouteInput<R>];

/** The `:name` parameters of a route: `ParamsOf<'/a/:branchId/b/:userId'>` is `'branchId' | 'userId'`. */
export type ParamsOf<Route extends string> = Route extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : Route extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route with its parameters filled in, each URI-encoded. */
export function fillPath<Route extends string>(route: Route, params: Record<ParamsOf<Route>, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent((params as Record<string, string>)[name]));
}

/**
 * The URL of a call: path parameters filled in from `input`, and whatever else `input` holds as
 * the query string (undefined values left out). Throws when a path parameter is missing.
 */
export function routeUrl(route: Pick<RouteSpec, 'path'>, input: object = {}): string {
  const rest: Record<string, unknown> = { ...input };
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null || value === '') throw new Error(`${route.path}: no value for :${name}`);
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) query.append(name, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
