/**
 * The customer resource sheet in real Chromium on the lobby manager's tablet (1024×768), in each
 * of the console's languages: add a customer by hand (the number shown only as ••••), find them by
 * name and by number, edit, refer, import a CSV with a preview of its problems, and note a customer
 * from a waiting ticket on the triage screen. axe finds nothing serious on these screens.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { BRANCH, service } from '../../../helpers/test-app.js';

const TABLET = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';
const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function signIn(lang: string, hash: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  await page.goto(`${server.base}/manager-ui/?lang=${lang}${hash}`);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Targets smaller than 48 px tall among the visible buttons, inputs and selects. */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const small: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches('button, select, input:not([type=radio]):not([type=checkbox]):not([type=file])')) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && box.height < 47.5) small.push(`${el.tagName} ${el.dataset.testid ?? el.textContent?.trim()} ${box.height}`);
      }
    };
    visit(document);
    return small;
  });

describe.each(LANGS)('the customer resource sheet in %s', (lang) => {
  const number = { en: '6222020200011111', 'zh-Hant': '6222020200022222', 'zh-Hans': '6222020200033333' }[lang];
  const name = { en: 'Chan Tai Man', 'zh-Hant': '陳大文', 'zh-Hans': '李小明' }[lang];

  it('adds a customer by hand, finds them by name and by number, edits them and opens a referral', async () => {
    const page = await signIn(lang, '#/records/customers');
    await tid(page, 'customer-add').click();
    await tid(page, 'customer-name').fill(name);
    await tid(page, 'customer-number').fill(number.replace(/(\d{4})/g, '$1 ').trim());
    await tid(page, 'customer-tier-vip').check();
    await tid(page, 'customer-phone').fill('+852 9123 4567');
    await tid(page, 'customer-manager').selectOption({ index: 1 });
    await tid(page, 'customer-needs').fill('Time deposits, funds');
    await page.screenshot({ path: `${SHOTS}/customers-add-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await tid(page, 'customer-save').click();

    const row = page.locator('[data-testid="customer-row"]', { hasText: name });
    await row.waitFor();
    expect(await row.innerText()).toContain(`••••${number.slice(-4)}`);
    expect(await page.locator('body').innerText()).not.toContain(number);

    await tid(page, 'customer-search').fill(number);
    await tid(page, 'customer-search-go').click();
    await eventually(() => page.locator('[data-testid="customer-row"]').count()).toBe(1);
    await tid(page, 'customer-search').fill(name.slice(0, 2));
    await tid(page, 'customer-search-go').click();
    await eventually(() => page.locator('[data-testid="customer-row"]', { hasText: name }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/customers-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await row.locator('[data-testid="customer-open"]').click();
    expect(await tid(page, 'customer-number-hint').innerText()).toBe(`••••${number.slice(-4)}`);
    await tid(page, 'customer-tier-valued').check();
    await tid(page, 'customer-save').click();
    await eventually(() => row.innerText()).not.toMatch(/VIP/);

    await row.locator('[data-testid="customer-refer"]').click();
    await eventually(() => tid(page, 'referral-sheet-heading').innerText()).toContain(name);
    await page.context().close();
  });

  it('imports a CSV from core banking after a preview that names each row’s problems', async () => {
    const page = await signIn(lang, '#/records/customers');
    await tid(page, 'customer-import').click();
    const csv = ['name,number,tier,phone,needs,manager', `Import ${lang} A,62220202009${LANGS.indexOf(lang)}0001,vip,,Funds,wealth1`, `Import ${lang} B,12AB,gold,,,`].join('\n');
    await tid(page, 'import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await eventually(() => page.locator('[data-testid="import-row"]').count()).toBe(2);
    expect(await tid(page, 'import-summary').innerText()).toMatch(/1.*1/);
    await page.screenshot({ path: `${SHOTS}/customers-import-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await tid(page, 'import-confirm').click();
    await page.locator('[data-testid="customer-row"]', { hasText: `Import ${lang} A` }).waitFor();
    expect(await page.locator('[data-testid="customer-row"]', { hasText: `Import ${lang} B` }).count()).toBe(0);
    await page.context().close();
  });

  it('notes a customer from a waiting ticket on the triage screen, linked to the ticket', async () => {
    const issued = await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: server.kiosk, payload: { serviceId: service('B') } });
    const ticket = issued.json();
    const page = await signIn(lang, '#/triage');
    await tid(page, `ticket-${ticket.number}`).click();
    await tid(page, 'action-note-customer').click();
    await tid(page, 'customer-form-name').fill(`Walk-in ${lang}`);
    await tid(page, 'customer-form-needs').fill('Asked about wealth products');
    await page.screenshot({ path: `${SHOTS}/customers-note-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await tid(page, 'customer-form-submit').click();
    await eventually(async () => (await server.app.lobby.db.selectFrom('tickets').select('customer_id').where('id', '=', ticket.id).executeTakeFirstOrThrow()).customer_id).not.toBeNull();
    const customer = await server.app.lobby.db.selectFrom('customers').selectAll().where('name', '=', `Walk-in ${lang}`).executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ tier: 'potential', source: 'ticket' });
    await page.context().close();
  });
});
