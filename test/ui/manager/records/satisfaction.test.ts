/**
 * The satisfaction tab of the manager's records at 1024×768, in each locale, with axe: the ratings
 * of the period (counts per score, mean, rated share, by teller, counter and service), the surveys,
 * a survey's results per question, and a survey created through the form.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { BRANCH, counter, service } from '../../../helpers/test-app.js';

const CONSOLE = { width: 1024, height: 768 };
const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let server: BrowserTestApp;
let browser: Browser;
let surveyId = '';

async function send(method: 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

/** Teller 1 serves and completes a ticket at counter 1; the counter display takes `score` (none: not rated). */
async function served(score?: number, reason?: string) {
  const teller = await server.as('teller1');
  const ticket = (await send('POST', `/api/branches/${BRANCH}/tickets`, server.kiosk, { serviceId: service('A') })).json();
  await send('POST', `/api/counters/${counter(1)}/call-ticket`, teller, { ticketId: ticket.id });
  await send('POST', `/api/tickets/${ticket.id}/start`, teller);
  await send('POST', `/api/tickets/${ticket.id}/complete`, teller);
  if (score !== undefined) await send('POST', `/api/tickets/${ticket.id}/rating`, server.display, reason ? { score, reason } : { score });
  return ticket.id as string;
}

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  await send('POST', `/api/counters/${counter(1)}/open`, await server.as('teller1'), {});
  const survey = await send('POST', `/api/branches/${BRANCH}/surveys`, await server.as('manager'), {
    title: 'Service this quarter',
    questions: ['How long did you wait?', 'How helpful were our staff?', 'How would you rate our products?'],
    startsOn: day(-3),
    endsOn: day(3),
  });
  surveyId = survey.json().id;
  for (const [score, reason] of [[5], [4], [5], [1, 'waiting_time']] as const) {
    const ticketId = await served(score, reason);
    await send('POST', `/api/public/tickets/${ticketId}/survey`, {}, { scores: [score, 4, null], suggestion: score === 1 ? 'Open another counter at lunch time' : undefined });
  }
  await served();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();

async function openTab(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: CONSOLE })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  await page.evaluate(() => (location.hash = '#/records/satisfaction'));
  await tid(page, 'summary-rated').waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nothing wider than the screen, and every button at least 48 px tall. */
async function fits(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(CONSOLE.width);
  const heights = await page.locator('satisfaction-records button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  for (const height of heights) expect(height).toBeGreaterThanOrEqual(48);
}

describe('the satisfaction tab', () => {
  it.each(LOCALES)('shows the period’s ratings and a survey’s results (%s)', async (lang) => {
    const page = await openTab(lang);
    try {
      expect(await tid(page, 'summary-rated').textContent()).toBe('4');
      expect(await tid(page, 'summary-mean').textContent()).toBe('3.75');
      expect(await tid(page, 'summary-share').textContent()).toBe('80%');
      expect(await tid(page, 'by-teller').textContent()).toContain('Teller 1');
      expect(await tid(page, 'score-bar-5').textContent()).toMatch(/2\s*$/);
      // The bars are as long as their counts: the longest full, an empty one empty.
      const barWidth = (score: number) => tid(page, `score-bar-${score}`).locator('.bar').evaluate((bar) => bar.getBoundingClientRect().width);
      expect(await barWidth(3)).toBe(0);
      expect(await barWidth(4)).toBeCloseTo((await barWidth(5)) / 2, 0);
      await fits(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/ratings-console-${lang}.png`, fullPage: true });

      await tid(page, `survey-results-${surveyId}`).click();
      await tid(page, 'survey-results').waitFor();
      expect(await tid(page, 'survey-result-0').textContent()).toContain('How long did you wait?');
      expect(await tid(page, 'survey-suggestions').textContent()).toContain('Open another counter at lunch time');
      await tid(page, 'survey-results').scrollIntoViewIfNeeded();
      await fits(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/ratings-results-${lang}.png`, fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('creates a survey through the form, and refuses overlapping dates with a message', async () => {
    const page = await openTab('en');
    try {
      await tid(page, 'survey-new').click();
      await tid(page, 'survey-title').fill('Next quarter');
      await tid(page, 'survey-starts').fill(day(4));
      await tid(page, 'survey-ends').fill(day(90));
      await tid(page, 'survey-question-0').fill('How easy was it to find the right counter?');
      await tid(page, 'survey-question-1').fill('How clear were our fees?');
      await tid(page, 'survey-add-question').click();
      await tid(page, 'survey-question-2').fill('Would you recommend us?');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/shots/ratings-editor-en.png', fullPage: true });
      await tid(page, 'survey-save').click();
      await page.locator('[data-testid="survey-row"]', { hasText: 'Next quarter' }).waitFor();
      const row = await server.app.lobby.db.selectFrom('surveys').selectAll().where('title', '=', 'Next quarter').executeTakeFirstOrThrow();
      expect(JSON.parse(row.questions)).toEqual(['How easy was it to find the right counter?', 'How clear were our fees?', 'Would you recommend us?']);

      await tid(page, 'survey-new').click();
      await tid(page, 'survey-title').fill('Overlapping');
      await tid(page, 'survey-starts').fill(day(0));
      await tid(page, 'survey-ends').fill(day(1));
      await tid(page, 'survey-question-0').fill('A?');
      await tid(page, 'survey-question-1').fill('B?');
      await tid(page, 'survey-save').click();
      await tid(page, 'survey-error').waitFor();
      expect(await server.app.lobby.db.selectFrom('surveys').select('id').where('title', '=', 'Overlapping').execute()).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
