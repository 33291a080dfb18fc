/**
 * The triage screen's hall alerts in real Chromium at 1024×768, in English and both Chinese scripts:
 * the banner until today's opening check is done (with its link), overdue complaints, a machine out of
 * service, a kiosk offline for minutes and a display never connected, a print failure the manager
 * resolves, and a valued customer waiting (number and tier only). The queue columns, the counters
 * strip and 派號 stay on screen; no serious or critical axe findings.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodaysChecks } from '../../../../protocol/check-routes.js';
import type { Ticket } from '../../../../protocol/schemas.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { BRANCH, service } from '../../../helpers/test-app.js';

const SHOTS = '/tmp/shots';
const TABLET = { width: 1024, height: 768 };
const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const MONDAY_TEN = Date.parse('2026-11-23T02:00:00.000Z');
const base = `/api/branches/${BRANCH}`;

/** Real time, shifted to Monday 23 November 2026, 10:00 in Shanghai (a business day). */
function mondayMorningClock() {
  const shiftMs = MONDAY_TEN - Date.now();
  return { now: () => new Date(Date.now() + shiftMs), set: () => {}, advance: () => {} };
}

let server: BrowserTestApp;
let browser: Browser;
let vip: Ticket;

async function call<T>(method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ clock: mondayMorningClock() });
  const manager = await server.as('manager');
  const db = server.app.lobby.db;
  const now = new Date(server.clock.now()).getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

  await call('POST', `${base}/tickets`, server.kiosk, { serviceId: service('A') });
  vip = await call<Ticket>('POST', `${base}/tickets`, server.kiosk, { serviceId: service('A'), tier: 'vip', customerRef: '6222 0000 1111' });
  // Records other parts of the app make (registry customers, complaints) are written straight in.
  await db
    .insertInto('customers')
    .values({ id: 'cust-vip', branch_id: BRANCH, name: 'Wong Siu Ming', number_hash: 'h', number_hint: '1111', tier: 'vip', source: 'manual', created_at: at(600), updated_at: at(600) })
    .execute();
  await db.updateTable('tickets').set({ customer_id: 'cust-vip' }).where('id', '=', vip.id).execute();
  await db
    .insertInto('complaints')
    .values({
      id: 'complaint-1',
      branch_id: BRANCH,
      received_at: at(4 * 24 * 60),
      channel: 'hall',
      category: 'waiting_time',
      content: 'Waited too long',
      received_by: 'someone',
      status: 'open',
      reply_due_at: at(60),
      updated_at: at(4 * 24 * 60),
    })
    .execute();
  const atm2 = await db.selectFrom('machines').select('id').where('label', '=', 'ATM 2').executeTakeFirstOrThrow();
  await call('POST', `${base}/machines/${atm2.id}/fault`, manager, { note: 'No cash' });
  await call('POST', `${base}/devices/print-failure`, server.kiosk, { kind: 'paper_out' });
  // The kiosk's socket closed three minutes ago.
  await db.updateTable('device_tokens').set({ last_connected_at: at(90), last_disconnected_at: at(3) }).where('kind', '=', 'kiosk').where('branch_id', '=', BRANCH).execute();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const textOf = async (page: Page, id: string) => (await page.locator(`[data-testid="${id}"]`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

async function openTriage(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  await tid(page, 'opening-check-banner').waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
}

/** Whether the element is wholly on the tablet's screen. */
async function onScreen(page: Page, id: string): Promise<boolean> {
  const box = await tid(page, id).boundingBox();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= TABLET.height && box.x + box.width <= TABLET.width;
}

describe.each(LANGS)('the triage screen’s hall alerts in %s', (lang) => {
  it('show above the queues without pushing the counters strip or 派號 off the tablet', async () => {
    const page = await openTriage(lang);
    await tid(page, 'hall-alert-valued').waitFor();
    await page.screenshot({ path: `${SHOTS}/hall-alerts-${lang}.png` });
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    for (const id of ['issue-ticket', 'queue-A', 'opening-check-link']) expect(await onScreen(page, id), id).toBe(true);
    expect((await tid(page, 'hall-alert-resolve').boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect((await tid(page, 'opening-check-link').boundingBox())!.height).toBeGreaterThanOrEqual(48);
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.context().close();
  });
});

describe('what the hall alerts say (en)', () => {
  let page: Page;

  it('name the opening check, complaints, machines, devices and valued customers, and no customer’s name', async () => {
    page = await openTriage('en');
    await tid(page, 'hall-alert-valued').waitFor();
    expect(await textOf(page, 'opening-check-banner')).toEqual(["Today's opening check is not done Do the opening check"]);
    expect(await textOf(page, 'hall-alert-complaints')).toEqual(['⚠ 1 complaint past its reply deadline Open the log']);
    expect(await textOf(page, 'hall-alert-machine')).toEqual(['✕ ATM 2 out of service: No cash']);
    expect(await textOf(page, 'hall-alert-print')).toEqual(['⚠ Kiosk Demo kiosk is out of paper Resolved']);
    expect(await textOf(page, 'hall-alert-offline')).toEqual(['⚠ Display Demo display has not connected', '⚠ Kiosk Demo kiosk offline for 3 min']);
    expect(await textOf(page, 'hall-alert-valued')).toEqual([`★ Valued customer waiting: ${vip.number} (VIP)`]);
    expect(await page.locator('body').innerText()).not.toContain('Wong');
    expect(await tid(page, 'opening-check-link').getAttribute('href')).toBe('#/records/checks');
  });

  it('let the manager resolve a print failure in one tap', async () => {
    await tid(page, 'hall-alert-resolve').click();
    await eventually(() => page.locator('[data-testid="hall-alert-print"]').count()).toBe(0);
    const fault = await server.app.lobby.db.selectFrom('device_faults').selectAll().executeTakeFirstOrThrow();
    expect(fault.resolved_at).not.toBeNull();
  });

  it('follow the hall live: a machine found faulty appears, and the banner goes once the opening check is done', async () => {
    const manager = await server.as('manager');
    const today = await call<TodaysChecks>('GET', `${base}/checks/today`, manager);
    const items = today.checklist.map(({ item, machineId }) => (item === 'ATM 3' ? { item, machineId, ok: false, note: 'Screen dark' } : { item, machineId, ok: true }));
    await call('PUT', `${base}/checks/today/opening`, manager, { items });
    await eventually(() => page.locator('[data-testid="opening-check-banner"]').count()).toBe(0);
    // The check found ATM 2 working again and ATM 3 faulty.
    await eventually(() => textOf(page, 'hall-alert-machine')).toEqual(['✕ ATM 3 out of service: Screen dark']);
    await page.screenshot({ path: `${SHOTS}/hall-alerts-after-check-en.png` });
    await page.context().close();
  });
});
