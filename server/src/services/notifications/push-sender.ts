/**
 * Sends Web Push messages: web-push encrypts the message for the phone (aes128gcm) and signs the
 * request with the install's VAPID key; the request itself goes through the outbound queue. A
 * subscription the push service calls gone (404, 410) is deleted.
 */
import webpush from 'web-push';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { VapidKeys } from '../../lib/vapid-keys.js';
import { pushSubscriptionRepository, type PushSubscriptionRecord } from '../../repositories/push-subscription-repository.js';
import type { Outbound, OutboundResult } from './outbound.js';
import type { PushMessage } from './push-text.js';

/** How long a push service keeps a message for a phone that is off, seconds: a call is stale after a few minutes. */
export const PUSH_TTL_SECONDS = 300;

export interface PushSenderDeps {
  db: Kysely<Database>;
  vapid: VapidKeys;
  outbound: Outbound;
  log: (message: string, detail?: object) => void;
}

export function createPushSender({ db, vapid, outbound, log }: PushSenderDeps) {
  return {
    /** Sends `message` to one subscription; resolves once the push service answered (or not). */
    async send(subscription: PushSubscriptionRecord, message: PushMessage): Promise<OutboundResult> {
      const details = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        JSON.stringify(message),
        { vapidDetails: vapid, TTL: PUSH_TTL_SECONDS, contentEncoding: 'aes128gcm', urgency: 'high' },
      );
      // fetch sets Content-Length from the body itself.
      const headers = Object.fromEntries(Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([name, value]) => [name, String(value)]));
      const result = await outbound.send({ url: details.endpoint, method: 'POST', headers, body: new Uint8Array(details.body ?? []) });
      if (result.status === 404 || result.status === 410) {
        await pushSubscriptionRepository.removeById(db, subscription.id);
      } else if (result.status === null || result.status >= 400) {
        log('a push message was not accepted', { status: result.status, error: result.error, host: new URL(subscription.endpoint).host });
      }
      return result;
    },
  };
}

export type PushSender = ReturnType<typeof createPushSender>;
