/**
 * The mobile ticket page on a phone (390×844) after service: it asks "How was our service?" once,
 * stores the tap as the ticket's rating (source mobile), then offers the survey of the day, whose
 * answer is stored without the ticket. In each locale, with axe.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const PHONE = { width: 390, height: 844 };
const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  await post(`/api/counters/${counter(2)}/open`, 'teller2', {});
  const today = new Date().toISOString().slice(0, 10);
  const around = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  expect(today).toBeTruthy();
  await post(`/api/branches/${BRANCH}/surveys`, 'manager', {
    title: 'Our branch this season',
    questions: ['How long did you wait?', 'How helpful were our staff?'],
    startsOn: around(-2),
    endsOn: around(2),
  });
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

async function doneTicket(): Promise<string> {
  const ticket = (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('B') })).json();
  await post(`/api/counters/${counter(2)}/call-ticket`, 'teller2', { ticketId: ticket.id });
  await post(`/api/tickets/${ticket.id}/start`, 'teller2');
  await post(`/api/tickets/${ticket.id}/complete`, 'teller2');
  return ticket.id;
}

const ratingOf = (ticketId: string) => server.app.lobby.db.selectFrom('ratings').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

async function openTicket(ticketId: string, lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/kiosk-ui/ticket.html?id=${ticketId}&lang=${lang}`);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every button and choice on the page is at least 48 px tall and inside the phone's width. */
async function targetsFit(page: Page) {
  const boxes = await page.locator('mobile-rating button, mobile-survey button, mobile-survey label[for^="q"]').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
  );
  for (const box of boxes) {
    expect(box.height).toBeGreaterThanOrEqual(48);
    expect(box.right).toBeLessThanOrEqual(PHONE.width);
  }
}

describe('rating and the survey on the mobile ticket page', () => {
  it.each(LOCALES)('asks once, stores a 4, then takes the survey without the ticket (%s)', async (lang) => {
    const ticketId = await doneTicket();
    const page = await openTicket(ticketId, lang);
    try {
      await tid(page, 'mobile-rate-4').waitFor();
      await targetsFit(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/ratings-mobile-${lang}.png`, fullPage: true });
      await tid(page, 'mobile-rate-4').click();
      await tid(page, 'mobile-rating-thanks').waitFor();
      await eventually(async () => (await ratingOf(ticketId))?.score).toBe(4);
      expect(await ratingOf(ticketId)).toMatchObject({ source: 'mobile', counter_id: counter(2) });

      await tid(page, 'survey-open').click();
      await tid(page, 'survey-q0-5').click();
      await tid(page, 'survey-q1-3').click();
      await tid(page, 'survey-suggestion').fill(`More seats by the windows (${lang})`);
      await targetsFit(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/ratings-survey-${lang}.png`, fullPage: true });
      await tid(page, 'survey-send').click();
      await tid(page, 'survey-thanks').waitFor();
      const answers = await server.app.lobby.db.selectFrom('survey_answers').selectAll().where('suggestion', '=', `More seats by the windows (${lang})`).execute();
      expect(answers).toHaveLength(1);
      expect(answers[0]!.scores).toBe('[5,3]');
      expect(JSON.stringify(answers)).not.toContain(ticketId);

      // Opened again, the page thanks rather than asking twice, and offers no survey.
      await page.reload();
      await tid(page, 'mobile-rating-thanks').waitFor();
      expect(await page.locator('[data-testid="mobile-rate-4"]').count()).toBe(0);
      expect(await page.locator('[data-testid="survey-open"]').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('asks why after a low mark and stores the reason and comment', async () => {
    const ticketId = await doneTicket();
    const page = await openTicket(ticketId, 'zh-Hans');
    try {
      await tid(page, 'mobile-rate-1').click();
      await tid(page, 'mobile-reason-not_resolved').click();
      await tid(page, 'mobile-rating-comment').fill('Card still blocked');
      await page.screenshot({ path: '/tmp/shots/ratings-mobile-reason-zh-Hans.png', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await tid(page, 'mobile-rating-send').click();
      await tid(page, 'mobile-rating-thanks').waitFor();
      await eventually(async () => (await ratingOf(ticketId))?.reason).toBe('not_resolved');
      expect((await ratingOf(ticketId))?.comment).toBe('Card still blocked');
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
