/**
 * The phone page's push service worker, built to /push-sw.js (vite.config.ts). It shows the
 * server's notification (already written in the customer's language) and, on a tap, brings the
 * ticket's page forward or opens it. It imports nothing, so the bundle is a plain worker script.
 */

/** What the server sends (server/src/services/notifications/push-text.ts). */
interface PushMessage {
  title: string;
  body: string;
  tag: string;
  url: string;
}

// The page's DOM types are in scope here, not the worker's: the little the worker uses, typed by hand.
interface WindowClient {
  url: string;
  focus(): Promise<unknown>;
}
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { text(): string } | null;
}
interface NotificationClickEvent extends ExtendableEvent {
  notification: { close(): void; data?: { url?: string } };
}
interface WorkerScope {
  location: Location;
  registration: { showNotification(title: string, options: NotificationOptions & { renotify?: boolean; vibrate?: number[] }): Promise<void> };
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

function messageOf(event: PushEvent): PushMessage | null {
  try {
    const message = JSON.parse(event.data?.text() ?? '') as Partial<PushMessage>;
    return typeof message.title === 'string' && typeof message.body === 'string' ? { title: message.title, body: message.body, tag: message.tag ?? 'lobbyflow', url: message.url ?? '/' } : null;
  } catch {
    return null;
  }
}

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('push', (event) => {
  const message = messageOf(event);
  if (!message) return;
  event.waitUntil(
    worker.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      // A newer notice of the same ticket replaces the older one, and still rings.
      renotify: true,
      vibrate: [300, 120, 300],
      data: { url: message.url },
    }),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', worker.location.origin).href;
  event.waitUntil(
    worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : worker.clients.openWindow(url);
    }),
  );
});
