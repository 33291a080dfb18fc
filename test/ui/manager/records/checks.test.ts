/**
 * The opening and closing checks in real Chromium at tablet size (1024×768), in English and both
 * Chinese scripts: each item a big OK / Fault toggle, a fault asks what is wrong, the saved check says
 * who checked and when, the faulty ATM is out of service at once, and past days list by month.
 * No serious or critical axe findings; targets at least 48 px; nothing wider than the screen.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';

const SHOTS = '/tmp/shots';
const TABLET = { width: 1024, height: 768 };
const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;

/** Real time, shifted to Monday 23 November 2026, 10:00 in Shanghai: the browser reads the server's clock through its offset. */
function mondayMorningClock() {
  const shiftMs = Date.parse('2026-11-23T02:00:00.000Z') - Date.now();
  return { now: () => new Date(Date.now() + shiftMs), set: () => {}, advance: () => {} };
}

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ clock: mondayMorningClock() });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function openChecks(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  await page.evaluate(() => (location.hash = '#/records/checks'));
  await tid(page, 'check-item-ticket_machine').waitFor();
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

const atm1 = () => server.app.lobby.db.selectFrom('machines').selectAll().where('label', '=', 'ATM 1').executeTakeFirstOrThrow();
const machineTestId = async () => `check-item-${(await atm1()).id}`;

describe('the opening check on the tablet', () => {
  it('asks what is wrong with a fault, saves the check, and takes the faulty ATM out of service at once', async () => {
    const page = await openChecks('en');
    expect((await tid(page, 'check-status').innerText()).trim()).toBe('2026-11-23: not done yet. Check each item, then save.');
    const atm = await machineTestId();
    await tid(page, `${atm}-fault`).click();
    await tid(page, 'check-rest-ok').click();
    await tid(page, 'check-save').click();
    // The fault has no note yet: nothing is sent, and the item says why.
    await tid(page, `${atm}`).locator('.problem-text').waitFor();
    expect(await server.app.lobby.db.selectFrom('hall_checks').select('id').execute()).toEqual([]);

    await tid(page, `${atm}-note`).fill('Card reader jammed');
    await page.screenshot({ path: `${SHOTS}/checks-filling-en.png` });
    await tid(page, 'check-save').click();
    await eventually(async () => (await tid(page, 'check-status').innerText()).trim()).toBe(
      '2026-11-23: checked by Lobby manager 大堂經理 at 10:00. Saving again replaces it.',
    );
    expect(await atm1()).toMatchObject({ in_service: 0, fault_note: 'Card reader jammed' });
    expect(await tid(page, `${atm}-fault`).getAttribute('aria-pressed')).toBe('true');
    expect(await tid(page, 'check-item-hall_tidy-ok').getAttribute('aria-pressed')).toBe('true');
    await eventually(async () => (await tid(page, 'check-history').innerText()).replace(/\s+/g, ' ')).toContain('✕ ATM 1: Card reader jammed');
    await page.context().close();
  });

  it('offers the closing check once the opening check is done', async () => {
    const page = await openChecks('en');
    expect(await tid(page, 'check-kind-closing').getAttribute('aria-pressed')).toBe('true');
    expect((await tid(page, 'check-kind-opening').innerText()).replace(/\s+/g, ' ')).toContain('Done 10:00');
    await page.context().close();
  });
});

describe('the admin machine editor', () => {
  it('takes a machine out of service only with a note, which the check and the triage then show', async () => {
    const page = await openChecks('en');
    await page.evaluate(() => (location.hash = '#/admin'));
    await tid(page, 'admin-tab-machines').click();
    const atm3 = await server.app.lobby.db.selectFrom('machines').select('id').where('label', '=', 'ATM 3').executeTakeFirstOrThrow();
    await tid(page, `admin-machine-${atm3.id}`).click();
    await page.locator('admin-machines input[name=inService]').uncheck();
    await tid(page, 'admin-save').click();
    await tid(page, 'admin-problem').waitFor();
    expect((await tid(page, 'admin-problem').innerText()).trim()).toBe('Required');
    await tid(page, 'admin-fault-note').fill('Deposit slot blocked');
    await page.screenshot({ path: `${SHOTS}/admin-machine-fault-en.png` });
    await tid(page, 'admin-save').click();
    await eventually(async () => (await server.app.lobby.db.selectFrom('machines').selectAll().where('id', '=', atm3.id).executeTakeFirstOrThrow()).fault_note).toBe(
      'Deposit slot blocked',
    );
    // The list shows it once the admin page has read the machines again after the save.
    await eventually(async () => (await tid(page, `admin-machine-${atm3.id}`).innerText()).replace(/\s+/g, ' ')).toContain('ATM · Deposit slot blocked');

    await page.locator('admin-machines input[name=inService]').check();
    await tid(page, 'admin-save').click();
    await eventually(async () => (await server.app.lobby.db.selectFrom('machines').selectAll().where('id', '=', atm3.id).executeTakeFirstOrThrow()).in_service).toBe(1);
    expect((await server.app.lobby.db.selectFrom('machines').selectAll().where('id', '=', atm3.id).executeTakeFirstOrThrow()).fault_note).toBeNull();
    await page.context().close();
  });
});

describe.each(LANGS)('the checks page in %s', (lang) => {
  it('fits the tablet, with targets of 48 px, and has no serious or critical axe findings', async () => {
    const page = await openChecks(lang);
    await tid(page, 'check-kind-opening').click();
    await tid(page, 'check-history').waitFor();
    await page.screenshot({ path: `${SHOTS}/checks-${lang}.png`, fullPage: true });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    for (const id of ['check-item-ticket_machine-ok', 'check-item-ticket_machine-fault', 'check-save', 'check-kind-closing']) {
      const box = (await tid(page, id).boundingBox())!;
      expect(box.height, id).toBeGreaterThanOrEqual(48);
      expect(box.x + box.width, id).toBeLessThanOrEqual(TABLET.width);
    }
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.context().close();
  });
});
