/**
 * The signature of a webhook delivery: HMAC-SHA256 with the webhook's secret over
 * `${timestamp}.${body}`, sent as `X-Lobbyflow-Signature: sha256=<hex>` beside
 * `X-Lobbyflow-Timestamp: <unix seconds>`. Signing the time as well lets a receiver refuse an old
 * delivery replayed by someone who recorded it (README: "Notifications: Web Push and webhooks").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether `signature` is the one `secret` makes for `body` at `timestamp`: what a receiver checks. */
export function verifyDelivery(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signDelivery(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
