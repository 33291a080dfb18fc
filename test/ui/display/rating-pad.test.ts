/**
 * The counter's own display (`?counter=1`) on a small landscape tablet (1280×800): when teller 1
 * completes a ticket, the display asks "How was our service?" with five faces; a tap stores the
 * rating with the display's token; a 1 or 2 asks why first; then a thank-you, and the counter's
 * number comes back. In each locale, with axe.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const TABLET = { width: 1280, height: 800 };
const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  await post(`/api/counters/${counter(1)}/open`, 'teller1', {});
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

/** Teller 1 calls, serves and completes a new ticket at counter 1. */
async function serveAndComplete(): Promise<{ id: string; number: string }> {
  const ticket = (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') })).json();
  await post(`/api/counters/${counter(1)}/call-ticket`, 'teller1', { ticketId: ticket.id });
  await post(`/api/tickets/${ticket.id}/start`, 'teller1');
  await post(`/api/tickets/${ticket.id}/complete`, 'teller1');
  return ticket;
}

const ratingOf = (ticketId: string) => server.app.lobby.db.selectFrom('ratings').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

async function openDisplay(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/display-ui/?branch=demo&token=demo-display&counter=1&lang=${lang}`);
  await tid(page, 'counter-number').waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every face is at least 96 px each way, and none overlaps another or leaves the screen. */
async function facesFit(page: Page) {
  const boxes = await page.locator('rating-pad button.score').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(5);
  for (const [i, box] of boxes.entries()) {
    expect(box.width).toBeGreaterThanOrEqual(96);
    expect(box.height).toBeGreaterThanOrEqual(96);
    expect(box.right).toBeLessThanOrEqual(TABLET.width);
    expect(box.bottom).toBeLessThanOrEqual(TABLET.height);
    if (i > 0) expect(box.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
  }
}

describe('the rating pad on the counter display', () => {
  it.each(LOCALES)('shows after completion and stores a tap of 5 (%s)', async (lang) => {
    const page = await openDisplay(lang);
    try {
      const ticket = await serveAndComplete();
      await tid(page, 'rating-score-5').waitFor();
      await facesFit(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/ratings-pad-${lang}.png` });
      await tid(page, 'rating-score-5').click();
      await tid(page, 'rating-thanks').waitFor();
      await eventually(async () => (await ratingOf(ticket.id))?.score).toBe(5);
      expect(await ratingOf(ticket.id)).toMatchObject({ source: 'counter', counter_id: counter(1), service_id: service('A') });
      // The thank-you goes and the counter's own screen comes back.
      await tid(page, 'counter-number').waitFor({ timeout: 10_000 });
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('asks why after a low mark and stores the reason', async () => {
    const page = await openDisplay('zh-Hant');
    try {
      const ticket = await serveAndComplete();
      await tid(page, 'rating-score-2').click();
      await tid(page, 'rating-reason-waiting_time').waitFor();
      expect(await ratingOf(ticket.id)).toBeUndefined();
      await page.screenshot({ path: '/tmp/shots/ratings-pad-reason-zh-Hant.png' });
      expect(await seriousViolations(page)).toEqual([]);
      await tid(page, 'rating-reason-waiting_time').click();
      await tid(page, 'rating-thanks').waitFor();
      await eventually(async () => (await ratingOf(ticket.id))?.reason).toBe('waiting_time');
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('shows the next number called here while it asks the customer who just left', async () => {
    const page = await openDisplay('zh-Hant');
    try {
      const next = (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') })).json();
      const ticket = (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') })).json();
      await post(`/api/counters/${counter(1)}/call-ticket`, 'teller1', { ticketId: ticket.id });
      await post(`/api/tickets/${ticket.id}/start`, 'teller1');
      await post(`/api/counters/${counter(1)}/complete-and-call-next`, 'teller1');
      await tid(page, 'rating-score-5').waitFor();
      await eventually(() => tid(page, 'counter-next-call').innerText()).toContain(next.number);
      await page.screenshot({ path: '/tmp/shots/ratings-pad-next-call-zh-Hant.png' });
      await tid(page, 'rating-score-5').click();
      await eventually(async () => (await ratingOf(ticket.id))?.score).toBe(5);
      // The counter free again for the next test.
      await post(`/api/tickets/${next.id}/start`, 'teller1');
      await post(`/api/tickets/${next.id}/complete`, 'teller1');
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('leaves after 30 s without storing anything when nobody taps', async () => {
    const page = await openDisplay('en');
    try {
      await page.clock.install();
      const ticket = await serveAndComplete();
      await tid(page, 'rating-score-3').waitFor();
      await page.clock.runFor(31_000);
      await tid(page, 'counter-number').waitFor();
      expect(await page.locator('rating-pad').count()).toBe(0);
      expect(await ratingOf(ticket.id)).toBeUndefined();
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
