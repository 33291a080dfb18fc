/**
 * A referral in real Chromium, in each language, at the 1024×768 tablet size: the lobby manager
 * refers a waiting customer from the triage sheet, the wealth manager's page (signed in on another
 * device) shows it live without a reload, with its badge, and they move it to contacted and
 * converted. The managers' referrals tab lists it with the month's counts. axe finds nothing serious
 * on any of the three screens, and each is saved to /tmp/shots to be looked at.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { BRANCH, service } from '../../../helpers/test-app.js';

const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const TABLET = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;
let wealth1Id: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  const res = await server.app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/account-managers`, headers: await server.as('manager') });
  wealth1Id = res.json()[0].id;
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function signIn(lang: string, username: string, landing: string): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${username}: ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, landing).waitFor({ timeout: 15_000 });
  return page;
}

/** axe's serious and critical findings on the page, one line per rule with the elements it names. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
}

/** Buttons and chips (targets) smaller than 48 px on the page, shadow roots included. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('button, .chip, select, input:not([type=radio])')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.height < 47.5 || box.width < 47.5)) found.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${box.width}×${box.height}`);
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
    };
    visit(document);
    return found;
  });
}

async function check(page: Page, shot: string) {
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  const violations = await seriousViolations(page);
  expect(violations, `${shot}:\n${violations.join('\n')}`).toEqual([]);
  expect(await smallTargets(page), `${shot}: targets under 48 px`).toEqual([]);
}

describe.each(LANGS)('a referral in %s', (lang) => {
  it('goes from the triage sheet to the wealth manager’s page live, and is moved to contacted and converted', async () => {
    const issued = await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: server.kiosk, payload: { serviceId: service('A') } });
    const ticket = issued.json() as { id: string; number: string };

    const wealth = await signIn(lang, 'wealth1', 'referral-new-count');
    const badgeBefore = Number(await tid(wealth, 'referral-new-count').textContent());

    const triage = await signIn(lang, 'manager', 'issue-ticket');
    await tid(triage, `ticket-${ticket.number}`).click();
    await tid(triage, 'action-refer').click();
    await expect.poll(() => tid(triage, 'referral-sheet-heading').textContent()).toContain(ticket.number);
    await tid(triage, `referral-to-${wealth1Id}`).click();
    await tid(triage, 'referral-need').fill('Maturing time deposit; asks about funds');
    await tid(triage, 'referral-product').fill('Mutual funds');
    await tid(triage, 'referral-name').fill('Chan Tai Man');
    await tid(triage, 'referral-phone').fill('+852 9123 4567');
    await check(triage, `referrals-form-${lang}`);
    await tid(triage, 'referral-submit').click();
    await tid(triage, 'referral-sheet-heading').waitFor({ state: 'detached' });

    const referral = await server.app.lobby.db.selectFrom('referrals').selectAll().where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ ticket_number: ticket.number, referred_to: wealth1Id, urgency: 'now', customer_name: 'Chan Tai Man' });

    // The wealth manager's page shows it without a reload, marked new, and its badge counts it.
    const card = tid(wealth, `referral-${referral.id}`);
    await card.waitFor({ timeout: 15_000 });
    await eventually(() => tid(wealth, 'referral-new-count').textContent()).toBe(String(badgeBefore + 1));
    await expect(card.locator('[data-testid="referral-ticket"]').textContent()).resolves.toBe(ticket.number);
    await expect(card.locator('[data-testid="referral-new"]').count()).resolves.toBe(1);
    await check(wealth, `referrals-inbox-${lang}`);

    await card.locator(`[data-testid="referral-note-${referral.id}"]`).fill('Called; meeting on Friday');
    await card.locator('[data-testid="referral-move-contacted"]').click();
    await eventually(() => card.getAttribute('data-status')).toBe('contacted');
    await eventually(() => tid(wealth, 'referral-new-count').textContent()).toBe(String(badgeBefore));
    await card.locator('[data-testid="referral-move-converted"]').click();
    await eventually(() => card.getAttribute('data-status')).toBe('converted');
    const stored = await server.app.lobby.db.selectFrom('referrals').select(['status', 'note']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'converted', note: 'Called; meeting on Friday' });

    // The managers' tab lists it, with the month's counts by account manager.
    await triage.evaluate(() => (location.hash = '#/records/referrals'));
    await tid(triage, `referral-row-${referral.id}`).waitFor({ timeout: 15_000 });
    await eventually(async () => Number(await tid(triage, `referral-summary-${wealth1Id}`).locator('td').nth(3).textContent())).toBeGreaterThan(0);
    await check(triage, `referrals-list-${lang}`);
  }, 120_000);
});
