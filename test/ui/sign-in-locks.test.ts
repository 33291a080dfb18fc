/**
 * Sign-in locks in real Chromium against the real server, at a 1024×768 tablet: the sign-in page
 * tells a locked-out member of staff kindly how long to wait, and an admin sees the lock under
 * Staff and lifts it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../helpers/browser.js';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TABLET = { width: 1024, height: 768 };
const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** Five wrong passwords for `username`, each from another address. */
async function lockOut(username: string) {
  for (let i = 1; i <= 5; i++) {
    await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong' }, remoteAddress: `198.51.100.${i}` });
  }
}

async function openSignIn(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.locator('input[name=username]').waitFor();
  return page;
}

async function signIn(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
}

describe('a locked account', () => {
  it.each([
    ['en', ['For your security', 'try again in 30 seconds', 'ask an administrator to unlock it']],
    ['zh-Hant', ['為保障您的帳戶安全', '30 秒後再試', '請管理員為您解鎖']],
    ['zh-Hans', ['为保障您的账户安全', '30 秒后再试', '请管理员为您解锁']],
  ])('is told in %s that the account is locked and for how long, even with the right password', async (lang, phrases) => {
    await lockOut('teller1');
    const page = await openSignIn(lang);
    try {
      await signIn(page, 'teller1');
      const error = tid(page, 'login-error');
      await error.waitFor();
      const text = await error.textContent();
      for (const phrase of phrases) expect(text).toContain(phrase);
      await page.screenshot({ path: join(SCREENSHOTS, `login-locked-${lang}-1024x768.png`) });
    } finally {
      await page.context().close();
      await unlockAll();
    }
  });

  it('is told the wait in minutes once it is a minute or more', async () => {
    await lockOut('teller1');
    server.clock.advance(30_000);
    await lockOut('teller1'); // the first failure doubles the lock to a minute; the rest wait it out
    const page = await openSignIn('en');
    try {
      await signIn(page, 'teller1');
      await tid(page, 'login-error').waitFor();
      expect(await tid(page, 'login-error').textContent()).toContain('try again in 1 minute,');
    } finally {
      await page.context().close();
      await unlockAll();
    }
  });
});

describe('sign-in locks in the admin page', () => {
  it('lists a locked teller with failures, time and address at 1024×768, and unlocks them', async () => {
    await lockOut('teller2');
    const page = await openSignIn('en');
    try {
      await signIn(page, 'admin');
      await tid(page, 'admin-tab-users').click();
      const row = tid(page, 'admin-lock-teller2');
      await row.waitFor();
      const text = (await row.textContent())!.replace(/\s+/g, ' ');
      expect(text).toContain('Teller 2');
      expect(text).toContain('5 unsuccessful sign-ins');
      expect(text).toContain('from 198.51.100.5');
      expect(text).toContain('Locked until');
      const unlock = row.locator('[data-testid="admin-unlock"]');
      await unlock.scrollIntoViewIfNeeded();
      expect(await unlock.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'admin-sign-in-locks-en-1024x768.png') });

      await unlock.click();
      await expect.poll(() => tid(page, 'admin-login-locks').textContent()).toContain('Teller 2 can sign in again.');
      // The message comes with the answer; the list is read again right after it.
      await expect.poll(() => row.count()).toBe(0);
      expect(await server.app.lobby.db.selectFrom('login_locks').selectAll().execute()).toEqual([]);
      const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'teller2', password: 'demo' } });
      expect(res.statusCode).toBe(200);
    } finally {
      await page.context().close();
    }
  });

  it('is not shown to a lobby manager', async () => {
    await lockOut('teller3');
    const page = await openSignIn('en');
    try {
      await signIn(page, 'manager');
      await tid(page, 'queue-A').waitFor();
      await page.evaluate(() => (location.hash = '#/admin'));
      await tid(page, 'admin-tab-users').click();
      await tid(page, 'admin-user-teller3').waitFor();
      expect(await page.locator('admin-login-locks').count()).toBe(0);
    } finally {
      await page.context().close();
      await unlockAll();
    }
  });
});

/** Clears every record, so each test starts with no failures. */
async function unlockAll() {
  await server.app.lobby.db.deleteFrom('login_locks').execute();
}
