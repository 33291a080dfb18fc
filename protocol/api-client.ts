/** A small typed fetch wrapper for the HTTP API; errors become `ApiError` with the server's code. */
import { isErrorCode, type ErrorBody, type ErrorCode } from './errors.js';
import { routeUrl, type RouteArgs, type RouteReply, type RouteSpec } from './route-kit.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    /** How long the server asks to wait before trying again (its Retry-After), when it says. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Origin of the server; '' for the same origin. */
  baseUrl?: string;
  /** Bearer token (device or session); the browser's HttpOnly cookie works without it. */
  token?: string | null;
}

export class ApiClient {
  constructor(private options: ApiClientOptions = {}) {}

  /**
   * Calls a route of a protocol route table with its path parameters and query (`input`) and its
   * body: `api.call(queueRoutes.transfer, { ticketId }, { serviceId })`. The reply is the route's
   * success reply type (null for a 204).
   */
  call<R extends RouteSpec>(route: R, ...args: RouteArgs<R>): Promise<RouteReply<R>> {
    const [input, body] = args as [object, unknown?];
    return this.request<RouteReply<R>>(route.method, routeUrl(route, input), body);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    // A FormData body (an upload) goes as multipart/form-data, its boundary set by fetch.
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl ?? ''}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', `server unreachable: ${(err as Error).message}`);
    }
    if (response.status === 204) return null as T;
    const payload = (await response.json().catch(() => null)) as (ErrorBody & T) | null;
    if (!response.ok) {
      const code = isErrorCode(payload?.code) ? payload.code : 'INTERNAL';
      throw new ApiError(response.status, code, payload?.message ?? response.statusText, retryAfterSeconds(response));
    }
    return payload as T;
  }
}

/** The Retry-After of a reply in seconds (the form our server sends), or null. */
function retryAfterSeconds(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after') ?? NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The live socket URL for a branch, relative to the page's origin. */
export function liveUrl(branchId: string, token?: string | null, origin: string = globalThis.location?.origin ?? ''): string {
  const base = origin.replace(/^http/, 'ws');
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${base}/api/branches/${encodeURIComponent(branchId)}/live${query}`;
}
