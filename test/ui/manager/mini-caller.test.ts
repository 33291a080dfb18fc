/**
 * The mini caller: a small always-on-top window (Document Picture-in-Picture) with the current number
 * and Call next / Recall / Start or Complete / No-show, in real Chromium. Its buttons and keys act as
 * the page's do (the same requests, the no-show rule and its confirmation), it follows the page live,
 * and closing it returns to the page. Where the API is missing the button is not shown. Its window is
 * looked at in every locale at 320×180, with axe.
 */
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const TELLER_SCREEN = { width: 1024, height: 768 };
const MINI_WINDOW = { width: 320, height: 180 };
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

const issue = async (prefix: string): Promise<{ id: string; number: string }> =>
  (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service(prefix) })).json();
const statusOf = async (ticketId: string) =>
  (await server.app.lobby.db.selectFrom('tickets').select('status').where('id', '=', ticketId).executeTakeFirstOrThrow()).status;
const eventTypes = async (ticketId: string) =>
  (await server.app.lobby.db.selectFrom('events').select('type').where('ticket_id', '=', ticketId).orderBy('seq').execute()).map((e) => e.type);

async function signIn(context: BrowserContext, username: string, lang: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'call-next').waitFor();
  return page;
}

/** Presses "Mini caller" (a real click: the API wants a user gesture) and returns the small window's page. */
async function openMiniCaller(page: Page): Promise<Page> {
  const [pip] = await Promise.all([page.context().waitForEvent('page'), tid(page, 'mini-caller').click()]);
  await tid(pip, 'mini-number').waitFor();
  return pip;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the mini caller window', () => {
  let page: Page;
  let pip: Page;
  let first: { id: string; number: string };
  let second: { id: string; number: string };

  it('is offered where Document Picture-in-Picture exists, and opens with the counter and no number yet', async () => {
    await post(`/api/counters/${counter(1)}/open`, 'teller1');
    first = await issue('A');
    second = await issue('A');
    page = await signIn(await browser.newContext({ viewport: TELLER_SCREEN }), 'teller1', 'en');
    const supported = await page.evaluate(() => 'documentPictureInPicture' in window);
    expect(await tid(page, 'mini-caller').count()).toBe(supported ? 1 : 0);
    // This Chromium has the API; were it missing, the test above is all that applies.
    expect(supported).toBe(true);
    pip = await openMiniCaller(page);
    expect(await tid(pip, 'mini-number').innerText()).toBe('—');
    expect(await pip.evaluate(() => document.title)).toBe('Mini caller · Counter 1');
    expect(await tid(page, 'mini-caller').getAttribute('aria-pressed')).toBe('true');
    expect((await tid(page, 'mini-caller').innerText()).trim()).toBe('Close mini caller');
  }, 60_000);

  it('calls the next customer from its own button, and the page and the window both show the number', async () => {
    await tid(pip, 'mini-call-next').click();
    await eventually(() => statusOf(first.id)).toBe('called');
    await eventually(() => tid(pip, 'mini-number').innerText()).toBe(first.number);
    await eventually(() => tid(page, 'current-number').innerText()).toBe(first.number);
    await eventually(() => tid(pip, 'mini-line').innerText()).toBe(`Called ${first.number}`);
    expect(await tid(pip, 'mini-call-next').isDisabled()).toBe(true);
  }, 60_000);

  it('keeps No-show unavailable until a recall, as the page does, and recalls with R pressed in the window', async () => {
    expect(await tid(pip, 'mini-no-show').isDisabled()).toBe(true);
    expect(await tid(pip, 'mini-line').innerText()).toBe(`Called ${first.number}`);
    await pip.keyboard.press('KeyR');
    await eventually(() => eventTypes(first.id)).toContain('ticket.recalled');
    await eventually(() => tid(pip, 'mini-no-show').isDisabled()).toBe(false);
  }, 60_000);

  it('asks once before a no-show, then marks it with N in the window, and the page offers the undo', async () => {
    await tid(pip, 'mini-no-show').click();
    await eventually(() => tid(pip, 'mini-line').innerText()).toBe('Press again to confirm no-show');
    expect(await tid(pip, 'mini-no-show').getAttribute('class')).toContain('confirming');
    expect(await statusOf(first.id)).toBe('called');
    await pip.keyboard.press('KeyN');
    await eventually(() => statusOf(first.id)).toBe('no_show');
    await eventually(() => tid(pip, 'mini-number').innerText()).toBe('—');
    await eventually(() => tid(page, 'undo-no-show').isVisible()).toBe(true);
  }, 60_000);

  it('calls with Space in the window without pressing the focused button twice, starts and completes', async () => {
    await tid(pip, 'mini-call-next').focus();
    await pip.keyboard.press('Space');
    await eventually(() => tid(pip, 'mini-number').innerText()).toBe(second.number);
    await eventually(() => tid(pip, 'mini-start').isDisabled()).toBe(false);
    await tid(pip, 'mini-start').click();
    await eventually(() => statusOf(second.id)).toBe('serving');
    await eventually(() => tid(pip, 'mini-complete').isDisabled()).toBe(false);
    await tid(pip, 'mini-complete').click();
    await eventually(() => statusOf(second.id)).toBe('done');
    // One call only: the Space that called was not also a click on the focused button.
    expect((await eventTypes(second.id)).filter((type) => type === 'ticket.called')).toHaveLength(1);
  }, 60_000);

  it('returns to the page when closed', async () => {
    await pip.evaluate(() => window.close());
    await eventually(() => tid(page, 'mini-caller').getAttribute('aria-pressed')).toBe('false');
    expect((await tid(page, 'mini-caller').innerText()).trim()).toBe('Mini caller');
    expect(await tid(page, 'call-next').isDisabled()).toBe(false);
    await page.context().close();
  }, 60_000);
});

describe('without Document Picture-in-Picture', () => {
  it('does not offer the mini caller, and the page works as before', async () => {
    await post(`/api/counters/${counter(5)}/open`, 'teller5');
    const context = await browser.newContext({ viewport: TELLER_SCREEN });
    await context.addInitScript(() => {
      delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture;
    });
    const page = await signIn(context, 'teller5', 'en');
    expect(await page.evaluate(() => 'documentPictureInPicture' in window)).toBe(false);
    await tid(page, 'walk-in').waitFor();
    expect(await tid(page, 'mini-caller').count()).toBe(0);
    await context.close();
  }, 60_000);
});

describe('the mini caller in every locale', () => {
  it.each([
    ['zh-Hant', 'teller2', 2, '叫號', '關閉叫號小窗'],
    ['zh-Hans', 'teller3', 3, '叫号', '关闭叫号小窗'],
    ['en', 'teller4', 4, 'Call next', 'Close mini caller'],
  ])('speaks %s, fits 320×180 whole, and has no serious or critical axe violations', async (lang, username, n, callNext, closeLabel) => {
    await post(`/api/counters/${counter(n)}/open`, username);
    await issue('A');
    await issue('A');
    const page = await signIn(await browser.newContext({ viewport: TELLER_SCREEN }), username, lang);
    await tid(page, 'call-next').click();
    await tid(page, 'current-number').waitFor();
    const pip = await openMiniCaller(page);
    await pip.setViewportSize(MINI_WINDOW);
    await eventually(() => tid(pip, 'mini-recall').isDisabled()).toBe(false);
    expect(await pip.evaluate(() => document.documentElement.lang)).toBe(lang);
    // Nothing spills out of the small window or needs scrolling.
    const overflow = await pip.evaluate(() => ({
      width: document.documentElement.scrollWidth - window.innerWidth,
      height: document.documentElement.scrollHeight - window.innerHeight,
      clipped: [...document.querySelectorAll('button')].filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent?.trim()),
    }));
    expect(overflow).toEqual({ width: 0, height: 0, clipped: [] });
    expect(await seriousViolations(pip)).toEqual([]);
    await pip.screenshot({ path: `${SHOTS}/counter-mini-caller-${lang}.png` });
    await page.screenshot({ path: `${SHOTS}/counter-${lang}.png` });
    expect((await tid(pip, 'mini-call-next').innerText()).replace(/\s+/g, '')).toBe(`${callNext.replace(/\s+/g, '')}Space`);
    expect((await tid(page, 'mini-caller').innerText()).trim()).toBe(closeLabel);
    await page.context().close();
  }, 60_000);
});
