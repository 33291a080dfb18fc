/**
 * The admin page in a real browser against a real server, for the admin page's browser tests:
 * bundles the harness once, starts a fresh server with the demo branch for each test, and opens
 * the page on the server's own origin so the API calls are same-origin as in production.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { BRANCH, createTestApp, type TestApp } from '../../helpers/test-app.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

export type Locale = 'en' | 'zh-Hant' | 'zh-Hans';

export interface AdminBrowser {
  /** The server of the running test. */
  t(): TestApp;
  /** Signs `username` in and mounts `<admin-page>` for `branchId`; resolves once `ready` shows. */
  open(options?: { username?: string; locale?: Locale; branchId?: string; ready?: string }): Promise<Page>;
}

/** Registers the hooks of a browser test file and returns how to open the page. */
export function useAdminBrowser(): AdminBrowser {
  let bundle: string;
  let browser: Browser;
  let t: TestApp;
  let origin: string;
  let page: Page | undefined;

  beforeAll(async () => {
    bundle = mkdtempSync(join(tmpdir(), 'lobbyflow-admin-ui-'));
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      publicDir: false,
      build: {
        outDir: bundle,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: { entry: join(ROOT, 'test/ui/admin/admin-harness.ts'), formats: ['es'], fileName: 'admin-harness' },
      },
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (bundle) rmSync(bundle, { recursive: true, force: true });
  });

  beforeEach(async () => {
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
    await t.close();
  });

  return {
    t: () => t,
    async open({ username = 'manager', locale = 'en', branchId = BRANCH, ready = '[data-testid=admin-service-A]' } = {}) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page = p;
      await p.route(`${origin}/admin-test/**`, (route) => {
        const file = new URL(route.request().url()).pathname.replace('/admin-test/', '');
        if (file === 'index.html') {
          return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="./admin-harness.js"></script>' });
        }
        return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(join(bundle, file)) });
      });
      await p.goto(`${origin}/admin-test/index.html`);
      await p.waitForFunction(() => 'mountAdminPage' in globalThis);
      const token = (await t.as(username)).authorization.slice('Bearer '.length);
      await p.evaluate(
        ([token, branchId, locale]) => (globalThis as unknown as { mountAdminPage: (...a: string[]) => Promise<void> }).mountAdminPage(token, branchId, locale),
        [token, branchId, locale],
      );
      await p.locator(ready).waitFor();
      return p;
    },
  };
}

/** Every change the page sent to the API (not reads). */
export function changesSent(p: Page): string[] {
  const sent: string[] = [];
  p.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/')) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return sent;
}
