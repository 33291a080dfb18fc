/**
 * Signed out for good, in real Chromium against the real server: a display or kiosk whose device
 * token is revoked, and a staff console whose session ends elsewhere, say so plainly and stop
 * reconnecting, instead of showing "Reconnecting…" forever over old figures.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath, type AdminUser, type DeviceToken, type DeviceKind } from '../../protocol/admin-schemas.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { BRANCH } from '../helpers/test-app.js';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  // The server notices a revoked token or an ended session at its next ping: ping often.
  server = await startUiServer({ realTime: true, pingIntervalMs: 200 });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** Opens a page and counts the live sockets it opens. */
async function open(path: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${path}: ${err.message}`));
  const sockets = { opened: 0 };
  page.on('websocket', (socket) => {
    if (socket.url().includes('/live')) sockets.opened++;
  });
  await page.goto(`${server.base}${path}`);
  return { page, sockets };
}

async function admin(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await server.app.inject({ method, url, headers: await server.as('admin'), ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
}

/** Revokes the branch's demo token for a kind of device. */
async function revoke(kind: DeviceKind) {
  const tokens = (await admin('GET', fillPath(ADMIN_ROUTES.deviceTokens, { branchId: BRANCH }))) as DeviceToken[];
  const token = tokens.find((t) => t.kind === kind && !t.revokedAt);
  if (!token) throw new Error(`no ${kind} token to revoke`);
  await admin('POST', fillPath(ADMIN_ROUTES.deviceTokenRevoke, { branchId: BRANCH, tokenId: token.id }));
}

/** A client that kept retrying would open another socket within a second or two (backoff from 0.5 s). */
async function expectNoReconnect(sockets: { opened: number }) {
  const opened = sockets.opened;
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(sockets.opened).toBe(opened);
}

describe('signed out', () => {
  it('a wall display whose device token is revoked says it was signed out, and stops reconnecting', async () => {
    const { page, sockets } = await open('/display-ui/?branch=demo&token=demo-display&lang=zh-Hant', { width: 1920, height: 1080 });
    await eventually(() => page.locator('hall-display').count()).toBe(1);
    expect(sockets.opened).toBe(1);

    await revoke('display');
    await eventually(() => tid(page, 'signed-out').isVisible()).toBe(true);
    expect(await tid(page, 'signed-out').textContent()).toContain('此設備已登出');
    expect(await tid(page, 'signed-out').textContent()).toContain('This device was signed out');
    // Not the "Reconnecting…" banner, and no old calls under it.
    expect(await page.locator('[data-testid="connection"]').count()).toBe(0);
    expect(await page.locator('hall-display').count()).toBe(0);
    await expectNoReconnect(sockets);

    // Reloaded (a power cut, a restart of the screen): still signed out, not "Reconnecting…" for ever.
    await page.reload();
    await eventually(() => tid(page, 'signed-out').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="connection"]').count()).toBe(0);
    await expectNoReconnect(sockets);
    await page.context().close();
  });

  it('a kiosk whose device token is revoked says it was signed out instead of offering tickets', async () => {
    const { page, sockets } = await open('/kiosk-ui/?branch=demo&token=demo-kiosk&lang=zh-Hans', { width: 1080, height: 1920 });
    await tid(page, 'service-A').waitFor();

    await revoke('kiosk');
    await eventually(() => tid(page, 'signed-out').isVisible()).toBe(true);
    expect(await tid(page, 'signed-out').textContent()).toContain('此设备已登出');
    expect(await page.locator('[data-testid="service-A"]').count()).toBe(0);
    expect(await page.locator('[data-testid="connection"]').count()).toBe(0);
    await expectNoReconnect(sockets);
    await page.context().close();
  });

  it('a staff console whose session ends elsewhere returns to sign-in and says why', async () => {
    const { page, sockets } = await open('/manager-ui/?lang=en#/login', { width: 1366, height: 768 });
    await page.fill('input[name=username]', 'teller2');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await tid(page, 'open-counter-2').waitFor();

    // An admin resets teller2's password: their sessions end.
    const users = (await admin('GET', fillPath(ADMIN_ROUTES.users, { branchId: BRANCH }))) as AdminUser[];
    const teller = users.find((u) => u.username === 'teller2')!;
    await admin('POST', fillPath(ADMIN_ROUTES.userPassword, { branchId: BRANCH, userId: teller.id }), { password: 'a-new-password' });

    await page.locator('input[name=username]').waitFor({ timeout: 15_000 });
    expect(await tid(page, 'toast').textContent()).toContain('This device was signed out');
    await expectNoReconnect(sockets);
    await page.context().close();
  });
});
