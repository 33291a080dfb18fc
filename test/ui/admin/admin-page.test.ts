/**
 * The admin page in a real browser against a real server: it sends what the forms say, holds back
 * what the browser can already tell is wrong, and shows the server's refusals.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, createTestApp, service, type TestApp } from '../../helpers/test-app.js';

const ROOT = resolve(import.meta.dirname, '../../..');
let bundle: string;
let browser: Browser;
let t: TestApp;
let origin: string;
let page: Page;

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
  await t.close();
});

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

/** Opens the page on the server's own origin, so the API calls are same-origin as in production. */
async function openAdminPage(username = 'manager', locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(`${origin}/admin-test/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace('/admin-test/', '');
    if (file === 'index.html') {
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="./admin-harness.js"></script>' });
    }
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(join(bundle, file)) });
  });
  await page.goto(`${origin}/admin-test/index.html`);
  await page.waitForFunction(() => 'mountAdminPage' in globalThis);
  const token = (await t.as(username)).authorization.slice('Bearer '.length);
  await page.evaluate(
    ([token, branchId, locale]) => (globalThis as unknown as { mountAdminPage: (...a: string[]) => Promise<void> }).mountAdminPage(token, branchId, locale),
    [token, BRANCH, locale],
  );
  await page.locator('[data-testid=admin-service-A]').waitFor();
  return page;
}

/** Every change the page sent to the admin API. */
function changesSent(p: Page): string[] {
  const sent: string[] = [];
  p.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/admin/')) sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return sent;
}

const services = () => t.app.lobby.db.selectFrom('services').selectAll().where('branch_id', '=', BRANCH).orderBy('prefix').execute();

describe('<admin-page>', () => {
  it('adds a service through the form, and the kiosk can then issue its tickets', async () => {
    const p = await openAdminPage();
    await p.fill('admin-services input[name=prefix]', 'f');
    await p.fill('admin-services input[name=nameZhHant]', '養老金');
    await p.fill('admin-services input[name=nameZhHans]', '养老金');
    await p.fill('admin-services input[name=nameEn]', 'Pensions');
    await p.fill('admin-services input[name=targetWaitMinutes]', '12');
    await p.click('admin-services [data-testid=admin-save]');
    await p.locator('[data-testid=admin-service-F]').waitFor();
    await expect.poll(() => p.locator('[data-testid=admin-saved]').textContent()).toContain('Service added');

    const created = (await services()).find((s) => s.prefix === 'F');
    expect(created).toMatchObject({ name_en: 'Pensions', name_zh_hant: '養老金', target_wait_seconds: 720, default_service_seconds: 300, active: 1 });
    const ticket = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: created!.id } });
    expect(ticket.json().number).toBe('F001');
  });

  it('checks the form in the browser and sends nothing while it is wrong', async () => {
    const p = await openAdminPage();
    const sent = changesSent(p);
    const before = await services();
    await p.fill('admin-services input[name=prefix]', 'A');
    await p.fill('admin-services input[name=targetWaitMinutes]', '0');
    await p.click('admin-services [data-testid=admin-save]');
    const problems = await p.locator('admin-services [data-testid=admin-problem]').allTextContents();
    expect(problems).toEqual(['Already used in this branch', 'Required', 'Required', 'Required', 'Enter a number from 1 to 240']);
    expect(sent).toEqual([]);
    expect(await services()).toEqual(before);
  });

  it("shows the server's own message when it refuses, and the service stays active", async () => {
    await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('B') } });
    const p = await openAdminPage();
    await p.click('[data-testid=admin-service-B]');
    await p.click('[data-testid=admin-deactivate]');
    await p.click('[data-testid=admin-confirm]');
    const error = p.locator('[data-testid=admin-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('still has 1 customer(s) in its queue');
    expect((await services()).find((s) => s.prefix === 'B')?.active).toBe(1);
  });

  it('shows a new kiosk token once, and the kiosk can use it', async () => {
    const p = await openAdminPage();
    await p.click('[data-testid=admin-tab-device-tokens]');
    await p.fill('admin-device-tokens input[name=label]', 'Kiosk by the door');
    await p.click('admin-device-tokens [data-testid=admin-save]');
    const token = (await p.locator('[data-testid=admin-token-value]').textContent())!.trim();
    const ticket = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: { authorization: `Bearer ${token}` }, payload: { serviceId: service('A') } });
    expect(ticket.statusCode).toBe(201);

    await p.click('[data-testid=admin-done]');
    expect(await p.locator('[data-testid=admin-token-value]').count()).toBe(0);
    expect(await p.locator('admin-device-tokens .record', { hasText: 'Kiosk by the door' }).count()).toBe(1);
  });

  it("assigns a counter's services by tapping them", async () => {
    const p = await openAdminPage();
    await p.click('[data-testid=admin-tab-counters]');
    await p.click('[data-testid=admin-counter-2]');
    await p.click('[data-testid=admin-counter-service-A]');
    await p.click('[data-testid=admin-counter-service-V]');
    await p.click('admin-counters [data-testid=admin-save]');
    await p.locator('admin-counters [data-testid=admin-saved]').waitFor();
    const links = await t.app.lobby.db.selectFrom('counter_services').select('service_id').where('counter_id', '=', 'demo-counter-2').orderBy('service_id').execute();
    expect(links.map((l) => l.service_id)).toEqual([service('B'), service('D'), service('V')]);
  });

  it('speaks Traditional Chinese when the console does', async () => {
    const p = await openAdminPage('admin', 'zh-Hant');
    expect(await p.locator('[data-testid=admin-tab-services]').textContent()).toContain('業務');
    expect(await p.locator('[data-testid=admin-service-A]').textContent()).toContain('現金存取');
    await p.click('[data-testid=admin-tab-counters]');
    expect(await p.locator('[data-testid=admin-counter-3]').textContent()).toContain('3號窗口');
  });
});
