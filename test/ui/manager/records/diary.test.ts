/**
 * The work diary in real Chromium at tablet size (1024×768), in English and both Chinese scripts:
 * the day's figures from customers served through the API, the manager's entry saved, changed the
 * next business day, and locked the day after; and no serious or critical axe findings.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../protocol/schemas.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { counter, service } from '../../../helpers/test-app.js';

const SHOTS = '/tmp/shots';
const TABLET = { width: 1024, height: 768 };
// 2026-11-25 is a Wednesday; its entry stays open until the end of Thursday the 26th.
const WEDNESDAY = '2026-11-25';
const tenOClock = (day: string) => `${day}T02:00:00.000Z`; // 10:00 in Shanghai

/** Real time, but set to a day of our choosing: the browser reads the server's clock through its offset. */
function settableClock() {
  let shiftMs = 0;
  return {
    now: () => new Date(Date.now() + shiftMs),
    set: (at: Date | string) => void (shiftMs = new Date(at).getTime() - Date.now()),
    advance: (ms: number) => void (shiftMs += ms),
  };
}

const clock = settableClock();
let server: BrowserTestApp;
let browser: Browser;

async function call<T>(method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  clock.set(tenOClock(WEDNESDAY));
  server = await startUiServer({ clock });
  // Three cash customers, each called after waiting 4 minutes and served for 3; one of them a VIP.
  const teller = await server.as('teller1');
  await call('POST', `/api/counters/${counter(1)}/open`, teller, {});
  for (const tier of ['regular', 'vip', 'regular'] as const) {
    await call('POST', '/api/branches/demo/tickets', server.kiosk, { serviceId: service('A'), tier, ...(tier === 'vip' ? { customerRef: '6222 0212 3456 7890' } : {}) });
    clock.advance(4 * 60_000);
    const ticket = await call<Ticket>('POST', `/api/counters/${counter(1)}/call-next`, teller);
    await call('POST', `/api/tickets/${ticket.id}/start`, teller);
    clock.advance(3 * 60_000);
    await call('POST', `/api/tickets/${ticket.id}/complete`, teller);
  }
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/** A signed-in manager's console at tablet size, on the diary tab. */
async function openDiary(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  await page.evaluate(() => (location.hash = '#/records/diary'));
  await tid(page, 'figure-served').waitFor();
  return page;
}

/** axe's serious and critical findings, one line per rule with the elements it names. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n')}`);
}

/** Every visible button and text field at least 48 px tall (a tablet used standing). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!['BUTTON', 'TEXTAREA', 'INPUT'].includes(el.tagName)) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height < 48) found.push(`${el.tagName} "${el.textContent?.trim() || el.getAttribute('aria-label')}" ${box.height}px`);
      }
    };
    walk(document);
    return found;
  });
}

describe.each(['en', 'zh-Hant', 'zh-Hans'])('the work diary in %s', (lang) => {
  it("shows the day's figures from the customers served, read-only, with nothing cut off and no serious axe finding", async () => {
    const page = await openDiary(lang);
    try {
      const figure = (id: string) => tid(page, `figure-${id}`).locator('dd').textContent();
      await expect.poll(() => figure('served')).toBe('3');
      expect(await figure('longest-wait')).toBe('4');
      expect(await figure('mean-wait')).toBe('4');
      expect(await figure('service-level')).toContain('100%');
      expect(await figure('vip')).toMatch(/^1\b/);
      expect(await tid(page, 'diary-service-A').locator('td').first().textContent()).toBe('3');
      // Figures are shown, not offered for editing.
      expect(await tid(page, 'diary-figures').locator('input, textarea').count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/diary-${lang}.png`, fullPage: true });
      expect(await smallTargets(page)).toEqual([]);
      const violations = await seriousViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});

describe("the manager's entry, through its editing window", () => {
  it("saves today's entry, changes it the next business day, and shows it locked the day after", async () => {
    let page = await openDiary('en');
    await tid(page, 'diary-focus').fill('Long cash queue before noon');
    await tid(page, 'diary-potentialCustomers').fill('Retired teacher asking about wealth products');
    await tid(page, 'diary-save').click();
    await expect.poll(() => tid(page, 'diary-save-status').textContent()).toMatch(/Saved at \d\d:\d\d/);
    const card = tid(page, `diary-month`).locator('diary-entry-card').first();
    await expect.poll(() => card.locator('[data-testid="diary-open"]').textContent()).toContain('Thu, Nov 26, 2026');

    // The assistant manager writes theirs on another tablet: it shows here without a reload (a records.changed hint).
    const admin = await server.as('admin');
    await call('POST', '/api/branches/demo/admin/users', admin, { username: 'deputy', displayName: 'Assistant manager 大堂副理', role: 'manager', password: 'deputy-password' });
    const deputy = await call<{ token: string }>('POST', '/api/auth/login', {}, { username: 'deputy', password: 'deputy-password' });
    await server.app.inject({ method: 'PUT', url: `/api/branches/demo/diary/${WEDNESDAY}`, headers: { authorization: `Bearer ${deputy.token}` }, payload: { focus: 'VIP room', conversations: '', potentialCustomers: '', problems: '' } });
    await expect.poll(() => tid(page, 'diary-month').locator('diary-entry-card').count()).toBe(2);
    // Only its author may change an entry: the deputy's has no Edit button here.
    expect(await tid(page, 'diary-month').locator('[data-testid="diary-edit"]').count()).toBe(1);
    await page.context().close();

    // Thursday: yesterday's entry is still open to its author.
    clock.set(tenOClock('2026-11-26'));
    page = await openDiary('en');
    await tid(page, 'diary-edit').waitFor();
    expect(await page.locator('[data-testid="diary-edit"]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/diary-open-en.png`, fullPage: true });
    await tid(page, 'diary-edit').click();
    await expect.poll(() => tid(page, 'diary-focus').inputValue()).toBe('Long cash queue before noon');
    await tid(page, 'diary-problems').fill('Paper jam at the kiosk at 15:00');
    await tid(page, 'diary-save').click();
    await expect.poll(() => tid(page, 'diary-save-status').textContent()).toMatch(/Saved at/);
    await page.context().close();
    const saved = await server.app.lobby.db.selectFrom('diary_entries').selectAll().where('focus', '!=', 'VIP room').executeTakeFirst();
    expect(saved).toMatchObject({ business_day: WEDNESDAY, focus: 'Long cash queue before noon', problems: 'Paper jam at the kiosk at 15:00' });

    // Friday: Wednesday's entry is read-only, for its author too.
    clock.set(tenOClock('2026-11-27'));
    page = await openDiary('en');
    const locked = tid(page, 'diary-month').locator(`[data-testid="diary-entry-${WEDNESDAY}-${saved!.author_id}"]`);
    await expect.poll(() => locked.locator('[data-testid="diary-locked"]').textContent()).toContain('Locked');
    expect(await locked.locator('[data-testid="diary-edit"]').count()).toBe(0);
    expect(await tid(page, 'diary-day').locator('h2').textContent()).toContain('Fri, Nov 27, 2026');
    expect(await tid(page, 'diary-focus').inputValue()).toBe('');
    await page.screenshot({ path: `${SHOTS}/diary-locked-en.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.context().close();
  }, 90_000);
});
