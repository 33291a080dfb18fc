/**
 * A Hong Kong branch in real Chromium: the branch's default zh-HK reaches the kiosk, the wall display
 * and the console (sign-in page included) without any ?lang=, the switches offer 港, and the screens
 * read 櫃位 and 分行 with no English leaking into the Chinese text. Screenshots at real sizes go to
 * test-results/screenshots/zh-hk-*.png for people to look at.
 */
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { counter, service } from '../../helpers/test-app.js';

let server: BrowserTestApp;
let browser: Browser;
const errors: string[] = [];
/** In issue order: the first (A001) is called to counter 3, the second (A002) to counter 1. */
const ticketIds: string[] = [];
const TIMEOUT = 20_000;
const testid = (id: string) => `[data-testid="${id}"]`;

const send = async (method: 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) => {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
};

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  // The branch chooses zh-HK, under a Hong Kong name; a few customers wait and two have been called.
  await send('PATCH', '/api/branches/demo/admin/branch', await server.as('manager'), {
    defaultLocale: 'zh-HK',
    name: { en: 'Central Branch', zhHant: '中環分行', zhHans: '中环分行' },
  });
  for (const [prefix, tier] of [['A', 'regular'], ['A', 'priority'], ['B', 'regular'], ['C', 'regular'], ['A', 'regular'], ['D', 'regular']]) {
    const ticket = await send('POST', '/api/branches/demo/tickets', server.kiosk, { serviceId: service(prefix), tier });
    ticketIds.push(ticket.id);
  }
  for (const n of [1, 3]) {
    const teller = await server.as(`teller${n}`);
    await send('POST', `/api/counters/${counter(n)}/open`, teller);
    await send('POST', `/api/counters/${counter(n)}/call-next`, teller);
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `phoneLocale`: the language the browser reports (the customer's own phone). */
async function open(path: string, viewport: { width: number; height: number }, phoneLocale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport, ...(phoneLocale ? { locale: phoneLocale } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${path}: ${err.message}`));
  await page.goto(new URL(path, server.base).href);
  return page;
}

/** Waits for the page to be in `locale` (the html lang) and for `selector` to show. */
async function ready(page: Page, locale: string, selector: string) {
  await page.waitForFunction((l) => document.documentElement.lang === l, locale, { timeout: TIMEOUT });
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

/**
 * The visible text of the page, through every shadow root, leaving out what is marked as English
 * (`lang="en"`: the English line under Chinese text, the EN button) and hidden parts.
 */
function chineseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement;
        if (el && el.closest('[lang^="en"]') === null && el.getClientRects().length > 0) parts.push(node.textContent ?? '');
        return;
      }
      if (node instanceof Element) {
        if (['STYLE', 'SCRIPT'].includes(node.tagName) || node.getAttribute('lang')?.startsWith('en')) return;
        if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      }
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** English words (three letters or more) in the Chinese text, except the bank's own abbreviations. */
const englishWords = (text: string) => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['ATM', 'VIP', 'Erlang'].includes(w));

/**
 * English words the same screen shows in zh-Hant (?lang=zh-Hant): strings nobody has translated yet
 * and staff names from the data leak in both; zh-HK must leak nothing more.
 */
async function zhHantEnglish(path: string, viewport: { width: number; height: number }, selector: string, prepare?: (page: Page) => Promise<void>) {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', 'zh-Hant');
  const page = await open(`${url.pathname}${url.search}${url.hash}`, viewport);
  await prepare?.(page);
  await ready(page, 'zh-Hant', selector);
  const words = englishWords(await chineseText(page));
  await page.context().close();
  return words;
}

async function signIn(page: Page) {
  await page.locator('input[name=username]').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `zh-hk-${name}.png`) });

describe('a Hong Kong branch (default language zh-HK)', () => {
  it('starts the kiosk in zh-HK at 1080×1920, with 港 chosen on the switch', async () => {
    const page = await open('/kiosk-ui/?branch=demo&token=demo-kiosk', { width: 1080, height: 1920 });
    await ready(page, 'zh-HK', testid('waiting-A'));
    await expect.poll(() => page.locator(testid('lang-zh-HK')).getAttribute('aria-pressed'), { timeout: TIMEOUT }).toBe('true');
    expect(await page.locator(testid('lang-zh-HK')).getAttribute('aria-label')).toBe('港 繁體中文（香港）');
    const text = await chineseText(page);
    expect(text).toContain('中環分行');
    expect(text).toContain('請選擇業務');
    expect(text).not.toMatch(/窗口|支行|網點/);
    const english = await zhHantEnglish('/kiosk-ui/?branch=demo&token=demo-kiosk', { width: 1080, height: 1920 }, testid('waiting-A'));
    expect(englishWords(text).filter((w) => !english.includes(w))).toEqual([]);
    await shot(page, 'kiosk-start');
    await page.context().close();
  });

  it('switches the kiosk from Simplified to 港 with one tap', async () => {
    const page = await open('/kiosk-ui/?branch=demo&token=demo-kiosk&lang=zh-Hans', { width: 1080, height: 1920 });
    await ready(page, 'zh-Hans', testid('waiting-A'));
    await page.locator(testid('lang-zh-HK')).click();
    await ready(page, 'zh-HK', testid('waiting-A'));
    expect(await chineseText(page)).toContain('請選擇業務');
    await page.context().close();
  });

  it('tells a called customer with a Hong Kong phone (390×844) to go to 3號櫃位, with 港 on the switch', async () => {
    // The phone page follows the phone's language (zh-HK here), not the branch's.
    const page = await open(`/kiosk-ui/ticket.html?id=${ticketIds[0]}`, { width: 390, height: 844 }, 'zh-HK');
    await ready(page, 'zh-HK', testid('ticket-called'));
    expect(await page.locator(testid('ticket-called')).textContent()).toContain('請到3號櫃位');
    expect(await page.locator(testid('lang-zh-HK')).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'mobile-ticket');
    await page.context().close();
  });

  it('shows the wall display in zh-HK at 1920×1080: 分行, 櫃位 and a Hong Kong date', async () => {
    const page = await open('/display-ui/?branch=demo&token=demo-display', { width: 1920, height: 1080 });
    await ready(page, 'zh-HK', testid('waiting-A'));
    await page.locator(testid('current-counter')).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = await chineseText(page);
    expect(text).toContain('中環分行');
    expect(text).toMatch(/[13]號櫃位/);
    expect(text).toMatch(/\d+月\d+日 星期/);
    expect(text).not.toMatch(/窗口|支行|網點/);
    const english = await zhHantEnglish('/display-ui/?branch=demo&token=demo-display', { width: 1920, height: 1080 }, testid('waiting-A'));
    expect(englishWords(text).filter((w) => !english.includes(w))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'display');
    await page.context().close();
  });

  it('signs the manager in and shows triage in zh-HK at 1024×768', async () => {
    const page = await open('/manager-ui/#/login', { width: 1024, height: 768 });
    // The sign-in page already speaks the branch's language.
    await ready(page, 'zh-HK', 'button[type=submit]');
    expect(await page.locator(testid('login-branch')).textContent()).toContain('中環分行');
    await shot(page, 'login');
    await signIn(page);
    await ready(page, 'zh-HK', testid('queue-A'));
    await expect.poll(() => page.locator(testid('lang-zh-HK')).getAttribute('aria-pressed'), { timeout: TIMEOUT }).toBe('true');
    const text = await chineseText(page);
    expect(text).toMatch(/1號櫃位/);
    expect(text).not.toMatch(/窗口|支行|網點/);
    const english = await zhHantEnglish('/manager-ui/#/login', { width: 1024, height: 768 }, testid('queue-A'), signIn);
    expect(englishWords(text).filter((w) => !english.includes(w))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'triage');
    await page.context().close();
  });

  it('offers 繁體中文（香港） as the branch language in the admin page, chosen', async () => {
    const page = await open('/manager-ui/?lang=zh-HK#/login', { width: 1024, height: 768 });
    await ready(page, 'zh-HK', 'button[type=submit]');
    await signIn(page);
    await page.locator(testid('queue-A')).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.evaluate(() => (location.hash = '#/admin'));
    await page.locator(testid('admin-tab-branch')).click({ timeout: TIMEOUT });
    const select = page.locator('select[name=defaultLocale]');
    await select.waitFor({ state: 'visible', timeout: TIMEOUT });
    expect(await select.inputValue()).toBe('zh-HK');
    expect(await select.locator('option[value="zh-HK"]').textContent()).toBe('繁體中文（香港）');
    await shot(page, 'admin-branch');
    await page.context().close();
  });

  it('threw no page errors', () => {
    expect(errors).toEqual([]);
  });
});
