/**
 * Delivers webhook events: each delivery is a row (webhook_deliveries) written before the first
 * attempt, so it survives a restart and is tried again from where it was. An attempt that gets no
 * 2xx is retried with exponential backoff (by default 5 attempts over about ten minutes); each
 * attempt's status code or error is recorded for the admin page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { webhookRepository } from '../../repositories/webhook-repository.js';
import type { Outbound } from './outbound.js';
import { signDelivery } from './webhook-signature.js';

/** Waits between attempts, ms: 10 s, 30 s, 2 min, 7 min, so the fifth and last attempt comes about ten minutes after the first. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 120_000, 420_000];

export interface WebhookDeliveryDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbound: Outbound;
  /** Waits between attempts; there are one more attempts than waits. */
  retryDelaysMs?: readonly number[];
  log: (message: string, detail?: object) => void;
}

export function createWebhookDeliveries({ db, clock, outbound, retryDelaysMs = DEFAULT_RETRY_DELAYS_MS, log }: WebhookDeliveryDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  let closed = false;

  /** Tries delivery `id` in `inMs`; `again` when the running attempt itself schedules the next. */
  function schedule(id: string, inMs: number, again = false): void {
    if (closed || (running.has(id) && !again)) return;
    clearTimeout(timers.get(id));
    const timer = setTimeout(() => {
      timers.delete(id);
      const attempt = tryOnce(id)
        .catch((err) => log('a webhook delivery could not be attempted', { id, err: String(err) }))
        .finally(() => running.delete(id));
      running.set(id, attempt);
    }, Math.max(0, inMs));
    // Waiting deliveries never keep the process alive: they resume at the next start.
    timer.unref();
    timers.set(id, timer);
  }

  async function tryOnce(id: string): Promise<void> {
    const delivery = await webhookRepository.findDelivery(db, id);
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = await webhookRepository.findById(db, delivery.webhookId);
    const attempts = delivery.attempts + 1;
    if (!webhook || !webhook.active) {
      await webhookRepository.recordAttempt(db, id, { status: 'failed', attempts: delivery.attempts, statusCode: null, error: 'the webhook is disabled', nextAttemptAt: null, deliveredAt: null });
      return;
    }
    const payload = await webhookRepository.payloadOf(db, id);
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const result = await outbound.send({
      url: webhook.url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'lobbyflow-webhook/1',
        'x-lobbyflow-delivery': id,
        'x-lobbyflow-event': delivery.eventType,
        'x-lobbyflow-timestamp': String(timestamp),
        'x-lobbyflow-signature': signDelivery(webhook.secret, timestamp, payload),
      },
      body: payload,
    });
    const now = clock.now();
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      await webhookRepository.recordAttempt(db, id, { status: 'delivered', attempts, statusCode: result.status, error: null, nextAttemptAt: null, deliveredAt: now.toISOString() });
      return;
    }
    const error = result.status === null ? result.error : `HTTP ${result.status}`;
    const wait = retryDelaysMs[attempts - 1];
    if (wait === undefined || closed) {
      // Out of attempts (or stopping: the next start takes it up again while it is pending).
      const status = wait === undefined ? 'failed' : 'pending';
      await webhookRepository.recordAttempt(db, id, { status, attempts, statusCode: result.status, error, nextAttemptAt: status === 'pending' ? now.toISOString() : null, deliveredAt: null });
      if (status === 'failed') log('a webhook delivery failed after its last attempt', { id, webhookId: webhook.id, error });
      return;
    }
    const next = new Date(now.getTime() + wait);
    await webhookRepository.recordAttempt(db, id, { status: 'pending', attempts, statusCode: result.status, error, nextAttemptAt: next.toISOString(), deliveredAt: null });
    schedule(id, wait, true);
  }

  return {
    /** Tries new deliveries now (they are already written as pending). */
    enqueue(ids: readonly string[]): void {
      for (const id of ids) schedule(id, 0);
    },
    /** Picks up every pending delivery, each at its next attempt's time: after a restart. */
    async resume(): Promise<number> {
      const pending = await webhookRepository.pending(db);
      const nowMs = clock.now().getTime();
      for (const delivery of pending) schedule(delivery.id, delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) - nowMs : 0);
      return pending.length;
    },
    /** Resolves once no attempt is running. */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
    /** Stops new attempts at once; `close` then waits for those running (abort the outbound queue in between). */
    stop(): void {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    /** Stops, and waits for the attempts running: a cut-short attempt stays pending for the next start. */
    async close(): Promise<void> {
      this.stop();
      await Promise.all(running.values());
    },
  };
}

export type WebhookDeliveries = ReturnType<typeof createWebhookDeliveries>;
