/**
 * The staff sign-in page starts in the branch's language, in real Chromium (an English browser):
 * the branch is ?branch=, else the last branch used on this device, else the demo branch; a language
 * chosen on this device still wins. The page names the branch. In every locale, with axe.
 */
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';

const CONSOLE = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';
const HEADING = { 'zh-Hant': '員工登入', 'zh-Hans': '员工登录', en: 'Staff sign-in' } as const;

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  const created = await server.app.inject({
    method: 'POST',
    url: '/api/admin/branches',
    headers: await server.as('admin'),
    payload: { id: 'kowloon-east', name: { en: 'Kowloon East', zhHant: '九龍東支行', zhHans: '九龙东支行' }, timeZone: 'Asia/Hong_Kong', defaultLocale: 'en' },
  });
  expect(created.statusCode, created.body).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** A device nobody used before: an English browser, nothing stored. */
const newDevice = () => browser.newContext({ viewport: CONSOLE, locale: 'en-US' });

async function openSignIn(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/${query}#/login`);
  await page.locator('login-page h1').waitFor();
  return page;
}

const heading = (page: Page) => page.locator('login-page h1').innerText();

async function setDemoLocale(defaultLocale: string) {
  const res = await server.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: await server.as('manager'), payload: { defaultLocale } });
  expect(res.statusCode, res.body).toBe(200);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the sign-in page’s language', () => {
  it('starts in the demo branch’s language on a new device, not the browser’s, and names the branch', async () => {
    const context = await newDevice();
    const page = await openSignIn(context);
    await eventually(() => heading(page)).toBe(HEADING['zh-Hant']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(await tid(page, 'login-branch').innerText()).toBe('示範支行');
    await context.close();
  }, 60_000);

  it('follows a change of the branch’s default language', async () => {
    await setDemoLocale('zh-Hans');
    const context = await newDevice();
    const page = await openSignIn(context);
    await eventually(() => heading(page)).toBe(HEADING['zh-Hans']);
    expect(await tid(page, 'login-branch').innerText()).toBe('示范支行');
    await context.close();
  }, 60_000);

  it('speaks the language of ?branch=, and of the last branch used on the device when the address has none', async () => {
    const context = await newDevice();
    const page = await openSignIn(context, '?branch=kowloon-east');
    await eventually(() => tid(page, 'login-branch').innerText()).toBe('Kowloon East');
    expect(await heading(page)).toBe(HEADING.en);
    await page.goto(`${server.base}/manager-ui/#/login`);
    await eventually(() => tid(page, 'login-branch').innerText()).toBe('Kowloon East');
    expect(await heading(page)).toBe(HEADING.en);

    // A teller of the demo branch signs in here: from then on the device's branch is theirs.
    await page.fill('input[name=username]', 'teller6');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await tid(page, 'sign-out').click();
    await eventually(() => tid(page, 'login-branch').innerText()).toBe('示范支行');
    await eventually(() => heading(page)).toBe(HEADING['zh-Hans']);
    await context.close();
  }, 60_000);

  it('keeps the language someone chose on this device over the branch’s', async () => {
    const context = await newDevice();
    const page = await openSignIn(context);
    await eventually(() => heading(page)).toBe(HEADING['zh-Hans']);
    await tid(page, 'lang-en').click();
    await eventually(() => heading(page)).toBe(HEADING.en);
    await page.reload();
    await page.locator('login-page h1').waitFor();
    await eventually(() => tid(page, 'login-branch').innerText()).toBe('Demo Branch');
    expect(await heading(page)).toBe(HEADING.en);
    await context.close();
  }, 60_000);
});

describe('the sign-in page in every locale', () => {
  it.each(['zh-Hant', 'zh-Hans', 'en'] as const)('%s: the branch named, no serious or critical axe violations', async (lang) => {
    const context = await newDevice();
    const page = await openSignIn(context, `?lang=${lang}`);
    await tid(page, 'login-branch').waitFor();
    expect(await heading(page)).toBe(HEADING[lang]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/counter-sign-in-${lang}.png` });
    await context.close();
  }, 60_000);
});
