/**
 * The lobby manager's day, end to end in real Chromium against the real server, every screen on its
 * own page as the people in the hall hold them: the opening check takes the ATMs out of service and
 * the kiosk stops suggesting them; a registered VIP swipes a card at the kiosk and is called at the
 * VIP counter; the lobby manager logs a complaint about that visit and refers the customer to the
 * wealth manager, whose page shows it live; the teller completes the service and the counter's own
 * display stores the customer's rating; the complaint is replied to; the day's diary shows it all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { BRANCH, counter } from '../helpers/test-app.js';

const TABLET = { width: 1024, height: 768 };
const KIOSK = { width: 1080, height: 1920 };
const SHOTS = '/tmp/shots';
const CARD = '6222020200012345';

/** Real time moved to Monday 23 November 2026, 10:00 in the branch: a working day, whatever day the test runs. */
function mondayMorningClock() {
  const shiftMs = Date.parse('2026-11-23T02:00:00.000Z') - Date.now();
  return { now: () => new Date(Date.now() + shiftMs), set: () => {}, advance: () => {} };
}

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ clock: mondayMorningClock() });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const db = () => server.app.lobby.db;

async function api(method: 'POST' | 'PATCH', url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method, url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${url}: ${err.message}`));
  await page.goto(`${server.base}${url}`);
  return page;
}

async function signIn(username: string, ready: string): Promise<Page> {
  const page = await open('/manager-ui/?lang=en#/login', TABLET);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, ready).waitFor();
  return page;
}

const goTo = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

/** A USB card reader: the track's keys and Enter, a millisecond apart (sent in the page, as fast as a reader). */
const swipe = (page: Page, track: string) =>
  page.evaluate((keys) => {
    for (const key of keys) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  }, [...track, 'Enter']);

describe("the lobby manager's day", () => {
  let manager: Page;
  let kiosk: Page;
  let vipNumber: string;

  it('the opening check marks the ATMs faulty, and the kiosk stops suggesting them', async () => {
    // The kiosk suggests a machine only when it saves time: in this story, from any wait.
    await api('PATCH', `/api/branches/${BRANCH}/admin/branch`, 'manager', { settings: { selfServiceMinSavingSeconds: 0 } });
    kiosk = await open(`/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=en`, KIOSK);
    // Before the check: cash (A) suggests an ATM first (to a regular customer; the tier is asked after the service).
    await tid(kiosk, 'service-A').click();
    await tid(kiosk, 'tier-regular').click();
    await tid(kiosk, 'take-me-there').waitFor();
    await tid(kiosk, 'back').click();

    manager = await signIn('manager', 'issue-ticket');
    await tid(manager, 'opening-check-banner').waitFor();
    await goTo(manager, '#/records/checks');
    const atms = await db().selectFrom('machines').select('id').where('kind', '=', 'atm').execute();
    for (const { id } of atms) {
      await tid(manager, `check-item-${id}-fault`).click();
      await tid(manager, `check-item-${id}-note`).fill('Cash-in-transit late: no cash');
    }
    await tid(manager, 'check-rest-ok').click();
    await tid(manager, 'check-save').click();
    await eventually(async () => (await db().selectFrom('machines').select('in_service').where('kind', '=', 'atm').execute()).map((m) => m.in_service)).toEqual([0, 0, 0]);
    expect(await db().selectFrom('hall_checks').select(['kind', 'business_day']).execute()).toEqual([{ kind: 'opening', business_day: '2026-11-23' }]);

    // The kiosk heard it at once: cash now issues a ticket without the ATM detour.
    await eventually(async () => {
      await tid(kiosk, 'service-A').click();
      await tid(kiosk, 'tier-regular').click();
      const suggested = await kiosk.locator('[data-testid="take-me-there"]').count();
      if (suggested > 0) await tid(kiosk, 'back').click();
      return suggested;
    }).toBe(0);
    await tid(kiosk, 'ticket-number').waitFor();
    await goTo(manager, '#/triage');
    await tid(manager, 'hall-alert-machine').waitFor();
    expect(await manager.locator('[data-testid="opening-check-banner"]').count()).toBe(0);
  }, 120_000);

  it('a registered VIP swipes a card at the kiosk, and the manager is told a valued customer waits', async () => {
    await api('PATCH', `/api/branches/${BRANCH}/admin/branch`, 'manager', { settings: { vipRecognition: 'registry' } });
    await api('POST', `/api/branches/${BRANCH}/customers`, 'manager', { name: 'Chan Tai Man 陳大文', number: CARD, tier: 'vip' });
    await kiosk.reload();
    await tid(kiosk, 'service-D').waitFor();
    await swipe(kiosk, `;${CARD}=25121010000000000000?`);
    await tid(kiosk, 'card-read').waitFor();
    await tid(kiosk, 'service-D').click();
    vipNumber = (await tid(kiosk, 'ticket-number').innerText()).trim();
    expect(await kiosk.locator('body').innerText()).not.toMatch(/Chan|陳/);
    await kiosk.screenshot({ path: `${SHOTS}/story-kiosk-vip-ticket.png` });

    const alert = tid(manager, 'hall-alert-valued');
    await eventually(() => alert.innerText()).toContain(vipNumber);
    expect(await alert.innerText()).not.toMatch(/Chan|陳/);
  }, 120_000);

  it('the manager logs a complaint about the visit and refers the customer; the referral reaches the wealth manager live', async () => {
    const wealth = await signIn('wealth1', 'referral-new-count');
    await tid(manager, `ticket-${vipNumber}`).click();
    await tid(manager, 'action-complaint').click();
    await tid(manager, 'complaint-category-waiting_time').click();
    await tid(manager, 'complaint-content').fill('Waited although the VIP counter looked free');
    await tid(manager, 'complaint-submit').click();
    await eventually(async () => (await db().selectFrom('complaints').select(['ticket_number', 'status']).execute())).toEqual([{ ticket_number: vipNumber, status: 'open' }]);

    await tid(manager, `ticket-${vipNumber}`).click();
    await tid(manager, 'action-refer').click();
    const to = await db().selectFrom('users').select('id').where('username', '=', 'wealth1').executeTakeFirstOrThrow();
    await tid(manager, `referral-to-${to.id}`).click();
    await tid(manager, 'referral-need').fill('Asks about foreign-currency deposits');
    await tid(manager, 'referral-submit').click();

    // No reload on the wealth manager's page: the referral arrives through the live socket's hint.
    await eventually(() => tid(wealth, 'referral-new-count').innerText()).toContain('1');
    await eventually(() => wealth.locator('[data-testid="referral-ticket"]').first().innerText()).toContain(vipNumber);
    await wealth.screenshot({ path: `${SHOTS}/story-wealth-inbox.png` });
    await wealth.close();
  }, 120_000);

  it('the VIP counter calls the VIP first; the teller completes; the counter display stores the rating', async () => {
    await api('POST', `/api/counters/${counter(6)}/open`, 'teller6', {});
    const counterDisplay = await open(`/display-ui/?branch=${BRANCH}&token=demo-display&counter=6&lang=en`, { width: 1280, height: 800 });
    await tid(counterDisplay, 'counter-number').waitFor();
    const teller = await signIn('teller6', 'call-next');
    await tid(teller, 'call-next').click();
    await eventually(() => tid(teller, 'current-number').innerText()).toBe(vipNumber);
    await tid(teller, 'start').click();
    await tid(teller, 'complete').click();

    await tid(counterDisplay, 'rating-score-5').click();
    await tid(counterDisplay, 'rating-thanks').waitFor();
    const ticket = await db().selectFrom('tickets').select(['id', 'status']).where('number', '=', vipNumber).executeTakeFirstOrThrow();
    expect(ticket.status).toBe('done');
    await eventually(async () => (await db().selectFrom('ratings').select(['ticket_id', 'score', 'counter_id', 'source']).execute())).toEqual([
      { ticket_id: ticket.id, score: 5, counter_id: counter(6), source: 'counter' },
    ]);
    await counterDisplay.screenshot({ path: `${SHOTS}/story-counter-display-thanks.png` });
    await counterDisplay.close();
    await teller.close();
  }, 120_000);

  it('the manager replies to the complaint, and the diary of the day shows what happened', async () => {
    await goTo(manager, '#/records/complaints');
    await tid(manager, 'complaint-row').click();
    await tid(manager, 'complaint-reply-text').fill('Called back: the VIP counter opens at 10:00 from now on.');
    await tid(manager, 'complaint-reply').click();
    await eventually(async () => (await db().selectFrom('complaints').select('status').executeTakeFirstOrThrow()).status).toBe('replied');

    await goTo(manager, '#/records/diary');
    const figure = (id: string) => tid(manager, `figure-${id}`).innerText();
    await eventually(() => figure('served')).toMatch(/\b1\b/);
    expect(await figure('vip')).toMatch(/1[\s\S]*1 registered/);
    expect(await figure('complaints')).toMatch(/\b1\b/);
    expect(await figure('referrals')).toMatch(/\b1\b/);
    expect(await figure('faults')).toMatch(/\b3\b/);
    await manager.screenshot({ path: `${SHOTS}/story-diary.png`, fullPage: true });

    // Every read and change of the personal records above left its audit row, and none holds a value.
    const audit = await db().selectFrom('audit_log').select(['action', 'record_type', 'fields']).execute();
    for (const needed of ['create complaint', 'update complaint', 'create referral', 'create customer', 'read diary']) {
      expect(audit.map((row) => `${row.action} ${row.record_type}`)).toContain(needed);
    }
    expect(JSON.stringify(audit)).not.toMatch(/Chan|陳|Waited although|foreign-currency|6222/);
  }, 120_000);
});
