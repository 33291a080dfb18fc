/**
 * 過號重排 in real Chromium against the real server, at 1024×768 in every locale: the teller marks a
 * no-show after a recall, the customer turns up late, and one tap on "Re-queue" in the counter page's
 * no-show list puts the number back in the waiting list behind three others (the branch's default).
 * The lobby manager does the same from the triage's no-show sheet. axe finds nothing serious.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../protocol/schemas.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const SCREEN = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

const issue = async (): Promise<{ id: string; number: string }> => (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') })).json();

/** Cancels whatever still waits, so each locale starts from an empty queue. */
async function emptyQueue(): Promise<void> {
  const res = await server.app.inject({ url: `/api/branches/${BRANCH}/snapshot`, headers: await server.as('manager') });
  const snapshot: Snapshot = res.json();
  for (const t of snapshot.tickets.filter((x) => x.status === 'waiting')) await post(`/api/tickets/${t.id}/cancel`, 'manager');
}

/** The late customer's ticket, then four who came after; returns the numbers in issue order. */
async function morning(): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < 5; i++) numbers.push((await issue()).number);
  return numbers;
}

async function signIn(username: string, lang: string, ready: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: SCREEN })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, ready).waitFor();
  return page;
}

/** axe's serious and critical findings (evaluated through the DevTools protocol, which the CSP allows). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const WORDS = {
  en: { heading: 'No-shows today', done: (n: string) => `${n} is back in the queue: 3 ahead.`, button: 'Re-queue' },
  'zh-Hant': { heading: '今日過號', done: (n: string) => `${n} 已重新排隊，前面 3 人。`, button: '重新排隊' },
  'zh-Hans': { heading: '今日过号', done: (n: string) => `${n} 已重新排队，前面 3 人。`, button: '重新排队' },
} as const;

describe.each([
  ['en', 1],
  ['zh-Hant', 2],
  ['zh-Hans', 3],
] as const)('re-queueing a late no-show in %s', (lang, n) => {
  const words = WORDS[lang];

  it('from the counter page: the number goes back into the waiting list behind three others', async () => {
    await emptyQueue();
    await post(`/api/counters/${counter(n)}/open`, `teller${n}`);
    const [late, ...others] = await morning();
    const page = await signIn(`teller${n}`, lang, 'call-next');

    // Called, not there, recalled, then marked no-show (asked once).
    await tid(page, 'call-next').click();
    await eventually(() => tid(page, 'current-number').innerText()).toBe(late);
    await tid(page, 'recall').click();
    await eventually(() => tid(page, 'no-show').isDisabled()).toBe(false);
    await tid(page, 'no-show').click();
    await tid(page, 'no-show').click();
    await eventually(() => tid(page, `no-show-${late}`).isVisible()).toBe(true);
    // Soft: the words are checked, and the behaviour after them still is when a translation is missing.
    expect.soft(await page.locator('no-show-list h2').innerText()).toBe(words.heading);
    expect.soft((await tid(page, `requeue-${late}`).innerText()).trim()).toBe(words.button);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/requeue-list-${lang}.png` });

    // The customer turns up late: one tap.
    await tid(page, `requeue-${late}`).click();
    await eventually(() => tid(page, 'requeue-done').innerText()).toContain(late);
    expect.soft(await tid(page, 'requeue-done').innerText()).toBe(words.done(late));
    await eventually(async () => (await page.locator('counter-waiting-list li .number').allInnerTexts()).map((x) => x.trim())).toEqual([
      others[0],
      others[1],
      others[2],
      late,
      others[3],
    ]);
    expect(await page.locator(`[data-testid="no-show-${late}"]`).count()).toBe(0);
    // Nothing is left to undo: the offer to undo the no-show goes with it.
    await eventually(() => page.locator('[data-testid="undo-no-show"]').count()).toBe(0);
    expect(await tid(page, 'counter-info').innerText()).toBe('');
    await page.screenshot({ path: `${SHOTS}/requeue-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('from the triage screen: the no-show sheet re-queues in one tap, and the column shows it in its place', async () => {
    // The previous test's customers were served or cancelled: a fresh morning, a fresh no-show.
    await emptyQueue();
    const [late, ...others] = await morning();
    const teller = `teller${n}`;
    const free = await server.app.inject({ method: 'POST', url: `/api/counters/${counter(n)}/call-next`, headers: await server.as(teller) });
    const called = free.json();
    if (called.number !== late) throw new Error(`counter ${n} called ${called.number}, not ${late}`);
    await post(`/api/tickets/${called.id}/recall`, teller);
    await post(`/api/tickets/${called.id}/no-show`, teller);

    const page = await signIn('manager', lang, 'open-no-shows');
    await tid(page, 'open-no-shows').click();
    await tid(page, `requeue-${late}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/requeue-triage-sheet-${lang}.png` });
    expect(await seriousViolations(page)).toEqual([]);

    await tid(page, `requeue-${late}`).click();
    await eventually(() => tid(page, 'requeue-done').innerText()).toContain(late);
    expect.soft(await tid(page, 'requeue-done').innerText()).toBe(words.done(late));
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('[data-testid="no-show-sheet"]').count()).toBe(0);
    await eventually(async () => (await tid(page, 'queue-list-A').locator('.number').allInnerTexts()).map((x) => x.trim())).toEqual([
      others[0],
      others[1],
      others[2],
      late,
      others[3],
    ]);
    await page.screenshot({ path: `${SHOTS}/requeue-triage-${lang}.png` });
    await page.context().close();
  }, 90_000);
});
