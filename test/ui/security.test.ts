/**
 * Every screen under the real Content-Security-Policy, in real Chromium against the real server:
 * no violation, no page error, and each screen still does its work. The kiosk and the display take
 * their device token out of the address bar and still work after a reload; the staff console keeps
 * no token where page scripts can read it, and its live socket runs on the session cookie alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { BRANCH, service } from '../helpers/test-app.js';

let server: BrowserTestApp;
let browser: Browser;
let context: BrowserContext;
/** What the policy refused, and what the page threw, on the current test's pages. */
let problems: string[] = [];
/** The URLs of the live sockets the current test's pages opened. */
let sockets: string[] = [];

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
});

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** Opens a page in a fresh browser profile, listening for policy violations, page errors and live sockets. */
async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  problems = [];
  sockets = [];
  context = await browser.newContext({ viewport });
  // Reported by the document itself as well as in the console: neither may be missed.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.effectiveDirective} refused ${e.blockedURI}`)),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/securitypolicyviolation|Content Security Policy/i.test(message.text())) problems.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${path}: page error: ${err.message}`));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(`${server.base}${path}`);
  return page;
}

/** The address bar's query, as a map. */
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

async function signIn(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
}

/** Everything page scripts can read from storage and document.cookie. */
const pageReadable = (page: Page) =>
  page.evaluate(() => {
    const values = (storage: Storage) => Object.entries({ ...storage }).map(([key, value]) => `${key}=${value}`);
    return [...values(sessionStorage), ...values(localStorage), document.cookie].join('\n');
  });

describe('the kiosk', () => {
  it('works under the policy, prints a ticket with its QR code, and drops its token from the address', async () => {
    const page = await open('/kiosk-ui/?branch=demo&token=demo-kiosk&lang=en', { width: 1080, height: 1920 });
    await tid(page, 'service-D').click();
    await tid(page, 'tier-regular').click();
    await tid(page, 'ticket-number').waitFor();
    // The QR code is a data: image, which the policy allows.
    await eventually(() => tid(page, 'ticket-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(query(page)).toEqual({ branch: 'demo', lang: 'en' });

    await page.reload();
    await tid(page, 'service-A').waitFor();
    expect(query(page)).toEqual({ branch: 'demo', lang: 'en' });
    expect(sockets.length).toBeGreaterThan(0);
  });
});

describe('the display', () => {
  it('works under the policy, drops its token from the address and keeps the other parameters', async () => {
    const page = await open('/display-ui/?branch=demo&token=demo-display&counter=3&lang=en', { width: 1280, height: 720 });
    await tid(page, 'counter-number').waitFor();
    expect(query(page)).toEqual({ branch: 'demo', counter: '3', lang: 'en' });

    await page.goto(`${server.base}/display-ui/?lang=en`);
    await tid(page, 'waiting-A').waitFor();
    await page.reload();
    await tid(page, 'waiting-A').waitFor();
    expect(query(page)).toEqual({ lang: 'en' });
  });
});

describe('the staff console', () => {
  it('keeps the session token out of page scripts’ reach, and triage still updates live', async () => {
    const page = await open('/manager-ui/?lang=en#/login');
    await signIn(page, 'manager');
    await tid(page, 'queue-A').waitFor();
    const session = (await context.cookies()).find((c) => c.name === 'lobbyflow_session');
    expect(session?.httpOnly).toBe(true);
    expect(await pageReadable(page)).not.toContain(session!.value);
    expect(sockets.some((url) => url.includes('token='))).toBe(false);

    const before = await page.locator('[data-testid^="ticket-A"]').count();
    await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: server.kiosk, payload: { serviceId: service('A') } });
    await eventually(() => page.locator('[data-testid^="ticket-A"]').count()).toBe(before + 1);

    // Reloaded: the cookie alone restores the session and the socket.
    await page.reload();
    await tid(page, 'queue-A').waitFor();
    expect(await page.locator('[data-testid^="ticket-A"]').count()).toBe(before + 1);

    await tid(page, 'sign-out').click();
    await page.locator('input[name=username]').waitFor();
    await page.reload();
    await page.locator('input[name=username]').waitFor();
    expect((await context.cookies()).find((c) => c.name === 'lobbyflow_session')).toBeUndefined();
  });

  it.each([
    ['reports', ['arrivals-chart', 'arrivals-empty']],
    ['staffing', ['staffing-chart', 'staffing-empty']],
  ])('shows %s under the policy', async (route, ready) => {
    const page = await open('/manager-ui/?lang=en#/login');
    await signIn(page, 'manager');
    await tid(page, 'queue-A').waitFor();
    await page.evaluate((r) => (location.hash = `#/${r}`), route);
    await page.locator(ready.map((id) => `[data-testid="${id}"]`).join(', ')).first().waitFor();
  });

  it('lets a teller open a counter and call under the policy', async () => {
    const page = await open('/manager-ui/?lang=en#/login', { width: 1366, height: 768 });
    await signIn(page, 'teller1');
    await tid(page, 'open-counter-1').click();
    await tid(page, 'call-next').click();
    await eventually(async () => (await tid(page, 'current-number').textContent())?.trim()).toMatch(/^[A-Z]\d{3}$/);
  });

  it('shows the admin page under the policy', async () => {
    const page = await open('/manager-ui/?lang=en#/login');
    await signIn(page, 'admin');
    await tid(page, 'admin-service-A').waitFor();
  });
});

describe('the API documentation', () => {
  it('shows Swagger UI under its own policy', async () => {
    const page = await open('/docs/');
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
  });
});
