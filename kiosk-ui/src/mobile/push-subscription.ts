/** The browser's side of Web Push for the phone page: whether it can, and a subscription made with the server's key. */
import type { PushSubscriptionJson } from '../../../protocol/notification-routes.js';

/** The service worker that shows the notifications (kiosk-ui/src/mobile/push-sw.ts, built to /push-sw.js). */
export const PUSH_WORKER_URL = '/push-sw.js';

export type PushSupport = 'supported' | 'unsupported';

/** Web Push needs a service worker, the Push API and notifications (an iPhone only once the page is on the home screen). */
export function pushSupport(): PushSupport {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window ? 'supported' : 'unsupported';
}

/** The VAPID key as the Push API takes it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const text = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Registers the worker and subscribes (or reuses the phone's subscription); the subscription as JSON. */
export async function subscribePhone(publicKey: string): Promise<PushSubscriptionJson> {
  await navigator.serviceWorker.register(PUSH_WORKER_URL);
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const json = subscription.toJSON();
  return { endpoint: json.endpoint ?? subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } };
}

/** The phone's current subscription's endpoint, if it has one. */
export async function currentEndpoint(): Promise<string | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription())?.endpoint ?? null;
}
