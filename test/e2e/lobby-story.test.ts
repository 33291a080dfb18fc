/**
 * The whole story in real Chromium against the real server: a customer takes a ticket at the kiosk,
 * a teller calls it and the wall display shows it; the lobby manager diverts one customer to
 * self-service and moves another into the VIP lane, and every screen follows without a reload;
 * then the server restarts and the display shows the same state again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../helpers/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-e2e-'));
let server: BrowserTestApp;
let browser: Browser;
let kiosk: Page;
let display: Page;
let teller: Page;
let manager: Page;

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${path}: ${err.message}`));
  await page.goto(`${server.base}${path}`);
  return page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
}

/** Polls until the assertion holds: screens follow the server within a few seconds (the display holds each call ≥ 5 s). */
const eventually = <T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: options.timeout ?? 15_000, interval: 100 });

const text = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();

/**
 * The number of people waiting for a service, exactly as each screen shows it (so 12 or 20 is not 2):
 * the kiosk's tile says "<span class=number>2</span> waiting", the display's figure is the element itself.
 */
const waiting = {
  kiosk: (prefix: string) => async () => (await text(kiosk, `waiting-${prefix}`).locator('.number').textContent())?.trim(),
  display: (prefix: string) => async () => (await text(display, `waiting-${prefix}`).textContent())?.trim(),
};

/** Takes a ticket at the kiosk for the service and returns its number. */
async function takeTicket(prefix: string, viaSelfServiceOffer = false): Promise<string> {
  await text(kiosk, `service-${prefix}`).click();
  // The kiosk asks "priority?" after the service (the VIP banking tile asks for the number instead).
  await text(kiosk, 'tier-regular').click();
  if (viaSelfServiceOffer) await text(kiosk, 'ticket-anyway').click();
  const number = text(kiosk, 'ticket-number');
  await number.waitFor();
  const value = (await number.textContent())!.trim();
  await text(kiosk, 'done').click();
  await text(kiosk, `service-${prefix}`).waitFor();
  return value;
}

beforeAll(async () => {
  server = await startUiServer({ dir, realTime: true });
  // The kiosk offers the ATM only when it saves time; in this story, from any wait.
  const settings = await server.app.inject({ method: 'PATCH', url: '/api/branches/demo/admin/branch', headers: await server.as('manager'), payload: { settings: { selfServiceMinSavingSeconds: 0 } } });
  expect(settings.statusCode, settings.body).toBe(200);
  browser = await launchChromium();
  kiosk = await open('/kiosk-ui/?branch=demo&token=demo-kiosk&lang=en', { width: 1080, height: 1920 });
  display = await open('/display-ui/?branch=demo&token=demo-display&lang=en', { width: 1920, height: 1080 });
  teller = await open('/manager-ui/?lang=en#/login', { width: 1366, height: 768 });
  manager = await open('/manager-ui/?lang=en#/login', { width: 1280, height: 800 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a morning in the demo branch', () => {
  it('a customer takes a ticket at the kiosk', async () => {
    expect(await takeTicket('D')).toBe('D001');
    // Cash can be done at the ATM: the kiosk offers it, and these customers take a ticket anyway.
    expect(await takeTicket('A', true)).toBe('A001');
    expect(await takeTicket('A', true)).toBe('A002');
    expect(await takeTicket('A', true)).toBe('A003');
    await eventually(waiting.kiosk('A')).toBe('3');
  });

  it('a teller presses "Call next" and the display shows the ticket with the counter number', async () => {
    await signIn(teller, 'teller1');
    await text(teller, 'open-counter-1').click();
    await text(teller, 'call-next').click();
    await eventually(() => text(teller, 'current-number').textContent()).toContain('D001');
    await eventually(() => text(display, 'current-number').textContent()).toContain('D001');
    await eventually(() => text(display, 'current-counter').textContent()).toMatch(/\b1\b/);
  });

  it('the manager diverts a waiting customer to the ATM: kiosk and display counts follow without a reload', async () => {
    await signIn(manager, 'manager');
    await text(manager, 'ticket-A001').click();
    await text(manager, 'action-divert-atm').click();
    await eventually(() => manager.locator('[data-testid="ticket-A001"]').count()).toBe(0);
    await eventually(waiting.kiosk('A')).toBe('2');
    await eventually(waiting.display('A')).toBe('2');
  });

  it('the manager moves a customer into the VIP lane: the VIP counter calls them first, and the display shows it', async () => {
    await text(manager, 'ticket-A003').click();
    await text(manager, 'action-vip').click();
    await eventually(() => text(manager, 'ticket-A003').textContent()).toMatch(/VIP|⭐/);
    // Counter 6 is the VIP counter: it calls A003 ahead of the older A002.
    const vipTeller = await open('/manager-ui/?lang=en#/login', { width: 1366, height: 768 });
    await signIn(vipTeller, 'teller6');
    await text(vipTeller, 'open-counter-6').click();
    await text(vipTeller, 'call-next').click();
    await eventually(() => text(vipTeller, 'current-number').textContent()).toContain('A003');
    await eventually(() => text(display, 'current-number').textContent()).toContain('A003');
    await eventually(waiting.kiosk('A')).toBe('1');
    await eventually(waiting.display('A')).toBe('1');
    await vipTeller.context().close();
  });

  it('after a server restart the display shows the same state again', async () => {
    const before = {
      current: (await text(display, 'current-number').textContent())!.trim(),
      waitingA: (await text(display, 'waiting-A').textContent())!.trim(),
    };
    const port = server.port;
    await server.app.close();
    await eventually(() => display.locator('[data-testid="connection"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    server = await startUiServer({ dir, seed: false, realTime: true, port } as Parameters<typeof startUiServer>[0]);
    await eventually(() => display.locator('[data-testid="connection"]').count(), { timeout: 20_000 }).toBe(0);
    expect((await text(display, 'current-number').textContent())!.trim()).toBe(before.current);
    expect((await text(display, 'waiting-A').textContent())!.trim()).toBe(before.waitingA);
  });
});
