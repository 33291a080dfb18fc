/**
 * The Reports page's charts and teller table in real Chromium at 1024×768 against a real server, in
 * English and both Chinese scripts. Two business days of tickets served, rated and complained about
 * through the API (Monday and Tuesday of this week); the service level and ratings charts draw the
 * figures by day, the complaints chart the records' categories, the teller table the figures by
 * teller — each exactly as the API answers — and the teller table sorts and downloads as CSV.
 */
import axe from 'axe-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FiguresReport, RecordFiguresReport } from '../../../protocol/report-routes.js';
import type { Ticket } from '../../../protocol/schemas.js';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { counter, MORNING, service } from '../../helpers/test-app.js';
import type { ComplaintsChart } from '../../../manager-ui/src/reports/complaints-chart.js';
import type { RatingsTrendChart } from '../../../manager-ui/src/reports/ratings-trend-chart.js';
import type { ServiceLevelChart } from '../../../manager-ui/src/reports/service-level-chart.js';
import { businessDayAt } from '../../../manager-ui/src/reports/report-period.js';

let server: BrowserTestApp;
let browser: Browser;
/** The test server's clock starts at 10:00 on Monday 2026-11-23 in Shanghai; the test moves it to Tuesday. */
const monday = businessDayAt(Date.parse(MORNING), 'Asia/Shanghai');
const tuesday = businessDayAt(Date.parse(MORNING) + 24 * 3_600_000, 'Asia/Shanghai');
type Headers = Record<string, string>;

async function call<T>(method: 'GET' | 'POST', url: string, headers: Headers, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

const signIn = (username: string) =>
  call<{ token: string }>('POST', '/api/auth/login', {}, { username, password: 'demo' }).then((r) => ({ authorization: `Bearer ${r.token}` }));

/** `waitMinutes` on, the next ticket at the counter called, served for `serviceMinutes` and completed; returns it. */
async function serveNext(counterNumber: number, teller: Headers, serviceMinutes: number, waitMinutes = 3): Promise<Ticket> {
  server.clock.advance(waitMinutes * 60_000);
  const ticket = await call<Ticket>('POST', `/api/counters/${counter(counterNumber)}/call-next`, teller);
  await call('POST', `/api/tickets/${ticket.id}/start`, teller);
  server.clock.advance(serviceMinutes * 60_000);
  await call('POST', `/api/tickets/${ticket.id}/complete`, teller);
  return ticket;
}

const rate = (ticket: Ticket, score: number) => call('POST', `/api/public/tickets/${ticket.id}/rating`, {}, { score });
const issue = (as: Headers, prefix: string) => call('POST', '/api/branches/demo/tickets', as, { serviceId: service(prefix) });

const figuresApi = async (by: string) =>
  call<FiguresReport>('GET', `/api/branches/demo/reports/figures?from=${monday}&to=${tuesday}&by=${by}`, await signIn('manager'));
const recordsApi = async () => call<RecordFiguresReport>('GET', `/api/branches/demo/reports/records?from=${monday}&to=${tuesday}`, await signIn('manager'));

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in and opens the Reports page, which shows this week (Monday and Tuesday) by default. */
async function openReports(lang: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.locator('[data-testid="nav-reports"]').first().click();
  await page.locator('[data-testid="teller-row"]').first().waitFor();
  return page;
}

/** The tellers' names in the table's order. */
const tellerOrder = (page: Page) => page.locator('[data-testid="teller-row"] th').allTextContents().then((t) => t.map((s) => s.trim()));
const ariaSort = (page: Page, column: string) => page.locator(`[data-testid="teller-table"] th[data-column="${column}"]`).getAttribute('aria-sort');

beforeAll(async () => {
  server = await startUiServer();
  const teller1 = await signIn('teller1');
  const teller2 = await signIn('teller2');
  const manager = await server.as('manager');
  await call('POST', `/api/counters/${counter(1)}/open`, teller1);
  await call('POST', `/api/counters/${counter(2)}/open`, teller2);
  // Monday: five cash customers, all served; teller 1 takes 4 minutes a customer, teller 2 six.
  for (let i = 0; i < 5; i++) await issue(teller1, 'A');
  const monday1 = [await serveNext(1, teller1, 4), await serveNext(1, teller1, 4), await serveNext(1, teller1, 4)];
  const monday2 = [await serveNext(2, teller2, 6), await serveNext(2, teller2, 6, 1)];
  await rate(monday1[0], 5);
  await rate(monday1[1], 4);
  await rate(monday2[0], 3);
  await call('POST', '/api/branches/demo/complaints', manager, { category: 'waiting_time', content: 'Waited too long', ticketId: monday2[1].id });
  await call('POST', '/api/branches/demo/complaints', manager, { category: 'waiting_time', content: 'The queue did not move' });
  await call('POST', '/api/branches/demo/complaints', manager, { category: 'fees', content: 'Transfer fee too high' });
  // Tuesday: two more, one each; one waits 40 minutes, beyond any target.
  server.clock.advance(24 * 3_600_000);
  const tuesday1 = await signIn('teller1');
  const tuesday2 = await signIn('teller2');
  await issue(tuesday1, 'A');
  await rate(await serveNext(1, tuesday1, 4, 40), 5);
  await issue(tuesday1, 'A');
  await rate(await serveNext(2, tuesday2, 6, 1), 2);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(['en', 'zh-Hant', 'zh-Hans'])('the charts and teller table in %s', (lang) => {
  let page: Page;
  beforeAll(async () => {
    page = await openReports(lang);
  }, 60_000);
  afterAll(async () => page?.context().close());

  it('charts the service level of each day, as the figures by day give it, against the 80% goal', async () => {
    const byDay = await figuresApi('day');
    expect(byDay.rows.map((r) => r.key)).toEqual([monday, tuesday]);
    const chart = page.locator('[data-testid="service-level-chart"]').first();
    const config = await chart.evaluate((el) => {
      const c = (el as ServiceLevelChart).chart!;
      return { labels: c.data.labels, data: c.data.datasets[0].data, goal: (c.options.plugins as { referenceLine: { value: number } }).referenceLine.value };
    });
    expect(config.labels).toEqual([monday.slice(5), tuesday.slice(5)]);
    expect(config.data).toEqual(byDay.rows.map((r) => Math.round(r.serviceLevel.share! * 100)));
    expect(config.goal).toBe(80);
    // Tuesday's first customer waited 40 minutes: one of two within target.
    expect(config.data[1]).toBe(50);
  });

  it('charts the mean rating and the rated share of each day', async () => {
    const byDay = await figuresApi('day');
    const data = await page
      .locator('[data-testid="ratings-chart"]')
      .first()
      .evaluate((el) => (el as RatingsTrendChart).chart!.data.datasets.map((d) => d.data));
    expect(data[0]).toEqual(byDay.rows.map((r) => Math.round(r.ratings.meanScore! * 10) / 10));
    expect(data[1]).toEqual(byDay.rows.map((r) => Math.round((r.ratings.count / r.served) * 100)));
    // Monday: 5, 4 and 3 from five served; Tuesday: 5 and 2 from two.
    expect(data).toEqual([
      [4, 3.5],
      [60, 100],
    ]);
  });

  it('charts the complaints by category as the records give them', async () => {
    const records = await recordsApi();
    const data = await page
      .locator('[data-testid="complaints-chart"]')
      .first()
      .evaluate((el) => {
        const c = (el as ComplaintsChart).chart!;
        return { labels: c.data.labels, data: c.data.datasets[0].data };
      });
    expect(data.data).toEqual(records.complaints.byCategory.map((c) => c.received));
    expect(data.labels).toHaveLength(records.complaints.byCategory.length);
    const received = Object.fromEntries(records.complaints.byCategory.map((c) => [c.category, c.received]));
    expect(received).toMatchObject({ waiting_time: 2, fees: 1, staff_attitude: 0 });
    if (lang === 'en') expect(data.labels).toContain('Waiting time');
  });

  it('lists the tellers by served, most first, with their median service time and mean rating', async () => {
    const byTeller = await figuresApi('teller');
    const tellers = byTeller.rows.filter((r) => r.key !== null);
    expect(await tellerOrder(page)).toEqual([...tellers].sort((a, b) => b.served - a.served).map((r) => r.label));
    expect(await tellerOrder(page)).toEqual(['Teller 1', 'Teller 2']);
    expect(await ariaSort(page, 'served')).toBe('descending');
    const first = await page.locator('[data-testid="teller-row"]').first().locator('td').allTextContents();
    expect(first.map((t) => t.trim())).toEqual(['4', '4.0', '4.7', '3']);
  });

  it('sorts by a column when its header is clicked, and the other way round when clicked again', async () => {
    await page.locator('[data-testid="sort-median-service"]').first().click();
    await expect.poll(() => tellerOrder(page)).toEqual(['Teller 2', 'Teller 1']);
    expect(await ariaSort(page, 'median-service')).toBe('descending');
    expect(await ariaSort(page, 'served')).toBe('none');
    await page.locator('[data-testid="sort-mean-rating"]').first().click();
    await expect.poll(() => tellerOrder(page)).toEqual(['Teller 1', 'Teller 2']);
    await page.locator('[data-testid="sort-mean-rating"]').first().click();
    await expect.poll(() => tellerOrder(page)).toEqual(['Teller 2', 'Teller 1']);
    expect(await ariaSort(page, 'mean-rating')).toBe('ascending');
  });

  it('downloads the teller table as a CSV with a byte order mark, its headers and its rows in the order shown', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="tellers-csv"]').first().click()]);
    expect(download.suggestedFilename()).toBe(`lobbyflow-demo-tellers-${monday}-${tuesday}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const headers = (await page.locator('[data-testid="teller-table"] thead th').allTextContents()).map((h) => h.trim().replace(/[▲▼]$/, ''));
    expect(lines[0].split(',')).toEqual(headers);
    // Still sorted by mean rating, lowest first.
    expect(lines.slice(1)).toEqual(['Teller 2,3,6,2.5,2', 'Teller 1,4,4,4.7,3']);
  });

  it('has no serious or critical accessibility violations, and is looked at', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    for (const testid of ['service-level-report', 'ratings-report', 'complaints-report', 'tellers-report']) {
      await page.locator(`[data-testid="${testid}"]`).first().screenshot({ path: join(SCREENSHOTS, `report-charts-${testid}-${lang}.png`) });
    }
    await page.screenshot({ path: join(SCREENSHOTS, `report-charts-${lang}.png`), fullPage: true });
  });
});
