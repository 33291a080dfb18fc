/**
 * A walk-in at the counter, in real Chromium at the teller's 1024×768: "Walk-in ticket" offers the
 * counter's services in place; one click issues a ticket of that service and calls it to this counter
 * by its number (recorded as called directly), so the customer is served now and counted like any
 * other. It is not offered while a customer is at the counter. In every locale, with axe.
 */
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const TELLER_SCREEN = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

const ticketsOf = (serviceId: string) =>
  server.app.lobby.db.selectFrom('tickets').select(['id', 'number', 'status', 'counter_id']).where('service_id', '=', serviceId).orderBy('issued_at').execute();

async function signIn(username: string, lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TELLER_SCREEN })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'call-next').waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('a walk-in ticket from the counter page', () => {
  let page: Page;

  it('offers the counter’s own services, and issues and calls one to this counter in one click', async () => {
    await post(`/api/counters/${counter(1)}/open`, 'teller1');
    // Someone already waits for A: the walk-in is still served now, at this counter, ahead of them.
    await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') });
    page = await signIn('teller1', 'en');
    await tid(page, 'walk-in').click();
    await tid(page, 'walk-in-services').waitFor();
    // Counter 1 serves A, B and D: only those are offered.
    const offered = await page.locator('[data-testid^="walk-in-"]:not([data-testid="walk-in-services"])').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
    expect(offered).toEqual(['walk-in-A', 'walk-in-B', 'walk-in-D']);
    await tid(page, 'walk-in-B').click();

    await eventually(async () => (await ticketsOf(service('B'))).map((t) => t.status)).toEqual(['called']);
    const [walkIn] = await ticketsOf(service('B'));
    expect(walkIn.counter_id).toBe(counter(1));
    await eventually(() => tid(page, 'current-number').innerText()).toBe(walkIn.number);
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`Called ${walkIn.number} directly`);
    // Recorded as issued and as called directly, so reports count the customer like anyone with a number.
    const events = await server.app.lobby.db.selectFrom('events').select(['type', 'payload']).where('ticket_id', '=', walkIn.id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called']);
    expect(JSON.parse(events[1].payload).calledDirectly).toBe(true);
    // The customer who was already waiting still waits.
    expect((await ticketsOf(service('A'))).map((t) => t.status)).toEqual(['waiting']);
    expect(await tid(page, 'walk-in-services').count()).toBe(0);
  }, 60_000);

  it('is not offered while a customer is at the counter', async () => {
    expect(await tid(page, 'walk-in').isDisabled()).toBe(true);
    await tid(page, 'start').click();
    await eventually(() => tid(page, 'complete').isDisabled()).toBe(false);
    expect(await tid(page, 'walk-in').isDisabled()).toBe(true);
    await tid(page, 'complete').click();
    await eventually(() => tid(page, 'walk-in').isDisabled()).toBe(false);
  }, 60_000);

  it('closes the choice with Escape, issuing nothing', async () => {
    const before = (await ticketsOf(service('D'))).length;
    await tid(page, 'walk-in').click();
    await tid(page, 'walk-in-services').waitFor();
    await page.keyboard.press('Escape');
    await eventually(() => tid(page, 'walk-in-services').count()).toBe(0);
    expect(await tid(page, 'walk-in').getAttribute('aria-expanded')).toBe('false');
    expect((await ticketsOf(service('D'))).length).toBe(before);
    await page.context().close();
  }, 60_000);
});

describe('the walk-in choice in every locale', () => {
  it.each([
    ['zh-Hant', 'teller2', 2, '櫃檯取號'],
    ['zh-Hans', 'teller3', 3, '柜台取号'],
    ['en', 'teller4', 4, 'Walk-in ticket'],
  ])('speaks %s at 1024×768, with no serious or critical axe violations', async (lang, username, n, label) => {
    await post(`/api/counters/${counter(n)}/open`, username);
    const page = await signIn(username, lang);
    await tid(page, 'walk-in').click();
    await tid(page, 'walk-in-services').waitFor();
    // Every service button is whole inside the page.
    const boxes = await page.locator('[data-testid="walk-in-services"] button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right));
    expect(Math.max(...boxes)).toBeLessThanOrEqual(1024);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/counter-walk-in-${lang}.png` });
    expect((await tid(page, 'walk-in').innerText()).trim()).toBe(label);
    await page.context().close();
  }, 60_000);
});
