/**
 * @fastify/rate-limit's own in-memory store, answering each request with its own count. The
 * library's LocalStore answers with the very entry it goes on counting, and the plugin reads it
 * after an `await`: requests that reach the limiter in the same tick (a kiosk token in a loop, the
 * limit read from the branch's settings) then all read the last count, and every one is refused.
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';

interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
}
type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];
/** The plugin calls `incr` with the window and the limit too; its typings leave them out. */
type Incr = (key: string, callback: IncrCallback, timeWindow?: number, max?: number) => void;
type LocalStoreClass = new (continueExceeding?: boolean, exponentialBackoff?: boolean, cache?: number) => FastifyRateLimitStore;

// The package has no typings for its stores, and no `exports` map to keep us from them.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore') as LocalStoreClass;

export class SnapshotLocalStore implements FastifyRateLimitStore {
  private readonly counts: FastifyRateLimitStore;

  constructor(options: StoreOptions) {
    this.counts = new LocalStore(options.continueExceeding, options.exponentialBackoff, options.cache);
  }

  incr: Incr = (key, callback, timeWindow, max) => {
    const incr = this.counts.incr.bind(this.counts) as Incr;
    incr(key, (err, result) => callback(err, result && { current: result.current, ttl: result.ttl }), timeWindow, max);
  };

  /** A store of its own for a route with its own limit, as LocalStore makes one. */
  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0] & StoreOptions): FastifyRateLimitStore {
    return new SnapshotLocalStore(routeOptions);
  }
}
