/**
 * Every screen at its target size in each language, as a person would see it. The PNGs go to
 * test-results/screenshots (ignored by git) for people to look at; the test itself checks that
 * nothing overflows the screen sideways and that no page threw an error.
 */
import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { counter, service } from '../helpers/test-app.js';

const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;
let server: BrowserTestApp;
let browser: Browser;
const errors: string[] = [];
let firstTicketId = '';

const post = async (url: string, headers: Record<string, string>, payload?: object) => {
  const res = await server.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
};

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  // A busy morning: tickets in most services and tiers, four counters open, a few calls made.
  const tickets: [string, string][] = [['A', 'regular'], ['A', 'priority'], ['B', 'regular'], ['A', 'vip'], ['C', 'regular'], ['D', 'regular'], ['A', 'regular'], ['E', 'regular'], ['B', 'priority'], ['A', 'regular'], ['C', 'regular']];
  for (const [prefix, tier] of tickets) {
    const ticket = await post('/api/branches/demo/tickets', server.kiosk, { serviceId: service(prefix), tier });
    firstTicketId ||= ticket.id;
  }
  for (const n of [1, 2, 3, 6]) {
    const teller = await server.as(`teller${n}`);
    await post(`/api/counters/${counter(n)}/open`, teller);
    await post(`/api/counters/${counter(n)}/call-next`, teller);
  }
  await post(`/api/counters/${counter(4)}/open`, await server.as('teller4'));
  await post(`/api/counters/${counter(4)}/pause`, await server.as('teller4'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shoot(name: string, path: string, viewport: { width: number; height: number }, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`));
  await page.goto(`${server.base}${path}`);
  await page.waitForLoadState('networkidle');
  if (prepare) await prepare(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await context.close();
  return overflow;
}

async function signIn(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.waitForTimeout(600);
}
/** Taps the first element whose data-testid is `testid`, or starts with it when it ends in `*`. */
/** Signs the manager in and goes to a page of the console. */
async function openPage(page: Page, route: string) {
  await signIn(page, 'manager');
  await page.evaluate((r) => (location.hash = `#/${r}`), route);
  await page.waitForTimeout(800);
}

const tap = (testid: string) => async (page: Page) => {
  const selector = testid.endsWith('*') ? `[data-testid^="${testid.slice(0, -1)}"]` : `[data-testid="${testid}"]`;
  await page.locator(selector).first().click();
};

describe.each(LANGS)('screens in %s', (lang) => {
  const kiosk = `/kiosk-ui/?branch=demo&token=demo-kiosk&lang=${lang}`;
  const portrait = { width: 1080, height: 1920 };
  const wall = { width: 1920, height: 1080 };
  const tablet = { width: 1280, height: 800 };
  const desktop = { width: 1366, height: 768 };

  it.each<[string, () => Promise<number>]>([
    ['kiosk-start', () => shoot(`kiosk-start-${lang}`, kiosk, portrait)],
    ['kiosk-self-service', () => shoot(`kiosk-self-service-${lang}`, kiosk, portrait, tap('service-A'))],
    ['kiosk-vip', () => shoot(`kiosk-vip-${lang}`, kiosk, portrait, tap('tier-vip'))],
    ['kiosk-ticket', () => shoot(`kiosk-ticket-${lang}`, kiosk, portrait, tap('service-D'))],
    ['mobile-ticket', () => shoot(`mobile-ticket-${lang}`, `/kiosk-ui/ticket.html?id=${firstTicketId}&lang=${lang}`, { width: 390, height: 844 })],
    ['display', () => shoot(`display-${lang}`, `/display-ui/?branch=demo&token=demo-display&lang=${lang}`, wall)],
    ['display-counter', () => shoot(`display-counter-3-${lang}`, `/display-ui/?branch=demo&token=demo-display&counter=3&lang=${lang}`, { width: 1280, height: 720 })],
    ['manager-login', () => shoot(`manager-login-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet)],
    ['triage', () => shoot(`triage-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, (p) => signIn(p, 'manager'))],
    ['triage-sheet', () => shoot(`triage-sheet-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, async (p) => {
      await signIn(p, 'manager');
      await tap('ticket-A*')(p);
    })],
    ['counter', () => shoot(`counter-${lang}`, `/manager-ui/?lang=${lang}#/login`, desktop, (p) => signIn(p, 'teller1'))],
    ['admin', () => shoot(`admin-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, (p) => signIn(p, 'admin'))],
    ['staffing', () => shoot(`staffing-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, (p) => openPage(p, 'staffing'))],
    ['reports', () => shoot(`reports-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, (p) => openPage(p, 'reports'))],
    ['what-if', () => shoot(`what-if-${lang}`, `/manager-ui/?lang=${lang}#/login`, tablet, async (p) => {
      await signIn(p, 'manager');
      await tap('counter-5')(p);
      await tap('counter-open')(p);
      await p.waitForTimeout(800);
    })],
  ])('%s fits the screen', async (_name, take) => {
    expect(await take()).toBeLessThanOrEqual(0);
  });
});

describe('all screens', () => {
  it('threw no page errors', () => {
    writeFileSync(join(SCREENSHOTS, 'page-errors.txt'), errors.join('\n'));
    expect(errors).toEqual([]);
  });
});
