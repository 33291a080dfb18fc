/**
 * `<push-opt-in>` on the phone ticket page at 390×844 in real Chromium. Headless Chromium has no
 * push service to subscribe with (its PushManager.subscribe needs Google's), so the page's
 * PushManager answers with a subscription whose endpoint is the test's push service stand-in and
 * whose keys the test holds; everything else is real: the permission prompt (granted or denied
 * through the browser's permission settings), the service worker /push-sw.js registered under the
 * page's Content-Security-Policy, the subscription sent to the server in the page's language, the
 * encrypted push a teller's call sends, and the worker showing it as a notification.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../protocol/schemas.js';
import { temporaryVapidKeys } from '../../../server/src/lib/vapid-keys.js';
import { SCREENSHOTS, launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { testPhone } from '../../helpers/push-phone.js';
import { startRecordingServer, type RecordingServer } from '../../helpers/recording-server.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const PHONE = { width: 390, height: 844 };
const vapid = temporaryVapidKeys();
let server: BrowserTestApp;
let browser: Browser;
let pushService: RecordingServer;
let context: BrowserContext | undefined;

beforeAll(async () => {
  pushService = await startRecordingServer();
  server = await startUiServer({ realTime: true, notifications: { vapid, allowLoopbackPushEndpoints: true } });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pushService?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}
const issue = async (): Promise<Ticket> => (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') })).json();

/**
 * A phone on the ticket's page. `permission`: what the browser's settings say of notifications.
 * `subscription`: what the page's PushManager gives (none: the browser has no Push API at all).
 */
async function openPhone(ticketId: string, lang: string, options: { permission: 'granted' | 'denied' | 'prompt'; subscription?: object | 'no-push-api' }): Promise<Page> {
  context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await context.addInitScript((subscription) => {
    if (subscription === 'no-push-api') {
      delete (window as unknown as { PushManager?: unknown }).PushManager;
      return;
    }
    if (!subscription || !('PushManager' in window)) return;
    const fake = { ...(subscription as { endpoint: string }), toJSON: () => subscription };
    let made = false;
    PushManager.prototype.subscribe = async () => ((made = true), fake as unknown as PushSubscription);
    PushManager.prototype.getSubscription = async () => (made ? (fake as unknown as PushSubscription) : null);
  }, options.subscription);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  // The browser's own permission setting for the origin, as a customer's choice leaves it.
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setPermission', { origin: server.base, permission: { name: 'notifications' }, setting: options.permission, browserContextId: targetInfo.browserContextId });
  await page.goto(`${server.base}/kiosk-ui/ticket.html?id=${ticketId}&lang=${lang}`);
  await page.locator(`[data-testid="lang-${lang}"][aria-pressed="true"]`).waitFor({ timeout: 10_000 });
  return page;
}

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();

describe('<push-opt-in> on the phone page', () => {
  it('subscribes on a tap, in the page’s language, and the call arrives as a notification', async () => {
    const ticket = await issue();
    const phone = testPhone();
    const page = await openPhone(ticket.id, 'zh-Hant', { permission: 'granted', subscription: phone.subscription(`${pushService.url}/push/browser`) });
    await tid(page, 'push-notify').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-push-off-zh-Hant.png') });
    const box = await tid(page, 'push-notify').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);

    await tid(page, 'push-notify').click();
    await tid(page, 'push-on').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-push-on-zh-Hant.png') });
    const rows = await server.app.lobby.db.selectFrom('push_subscriptions').select(['ticket_id', 'endpoint', 'locale']).execute();
    expect(rows).toEqual([{ ticket_id: ticket.id, endpoint: `${pushService.url}/push/browser`, locale: 'zh-Hant' }]);
    // The real worker registered under the page's policy.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL)).toBe(`${server.base}/push-sw.js`);

    // A teller calls: the push service gets the encrypted message for this phone.
    await post(`/api/counters/${counter(1)}/open`, 'teller1');
    await post(`/api/counters/${counter(1)}/call-next`, 'teller1');
    const [request] = await pushService.waitFor(1);
    const message = phone.decrypt(request!.body);
    expect(JSON.parse(message)).toMatchObject({ title: ticket.number, body: '請到 1號窗口' });

    // What a push service would hand the worker: the worker shows it.
    const cdp = await context!.newCDPSession(page);
    const registrations = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const registration = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${server.base}/` && !r.isDeleted);
        if (registration) resolve(registration.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.base, registrationId: await registrations, data: message });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title} ${n.body}`)))
      .toEqual([`${ticket.number} 請到 1號窗口`]);
  });

  it('turns off again', async () => {
    const ticket = await issue();
    const page = await openPhone(ticket.id, 'en', { permission: 'granted', subscription: testPhone().subscription(`${pushService.url}/push/off`) });
    await tid(page, 'push-notify').click();
    await tid(page, 'push-on').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-push-on-en.png') });
    await tid(page, 'push-off').click();
    await tid(page, 'push-notify').waitFor();
    await expect.poll(async () => (await server.app.lobby.db.selectFrom('push_subscriptions').select('id').where('ticket_id', '=', ticket.id).execute()).length).toBe(0);
  });

  it('says so when the browser’s settings block notifications, and asks the server nothing', async () => {
    const ticket = await issue();
    const page = await openPhone(ticket.id, 'zh-Hans', { permission: 'denied', subscription: testPhone().subscription(`${pushService.url}/push/denied`) });
    const sent: string[] = [];
    page.on('request', (r) => r.url().includes('push-subscription') && sent.push(r.url()));
    await tid(page, 'push-blocked').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-push-blocked-zh-Hans.png') });
    expect(sent).toEqual([]);
  });

  it('shows a short note where the browser has no Web Push', async () => {
    const ticket = await issue();
    const page = await openPhone(ticket.id, 'en', { permission: 'prompt', subscription: 'no-push-api' });
    await tid(page, 'push-unsupported').waitFor();
    expect(await tid(page, 'push-notify').count()).toBe(0);
  });
});
