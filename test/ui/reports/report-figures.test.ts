/**
 * The Reports page's queue figures in real Chromium at 1024×768 against a real server, in English
 * and both Chinese scripts: tickets issued, called, served and rated today through the API; the
 * table shows what the figures API answers, breaks down as chosen, downloads as a CSV Excel reads;
 * a teller sees only the figures of their own tickets.
 */
import axe from 'axe-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FiguresReport, QueueFigures } from '../../../protocol/report-routes.js';
import type { Ticket } from '../../../protocol/schemas.js';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { counter, MORNING, service } from '../../helpers/test-app.js';
import type { HourBarChart } from '../../../manager-ui/src/reports/hour-bar-chart.js';
import { businessDayAt } from '../../../manager-ui/src/reports/report-period.js';

let server: BrowserTestApp;
let browser: Browser;
/** The test server's clock starts at 10:00 on Monday 2026-11-23 in Shanghai, and moves only when told. */
const today = businessDayAt(Date.parse(MORNING), 'Asia/Shanghai');
type Headers = Record<string, string>;

async function call<T>(method: 'GET' | 'POST', url: string, headers: Headers, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

const signIn = (username: string) =>
  call<{ token: string }>('POST', '/api/auth/login', {}, { username, password: 'demo' }).then((r) => ({ authorization: `Bearer ${r.token}` }));

/** Three minutes on, the next ticket at the counter called, served for four minutes and completed; returns it. */
async function serveNext(counterNumber: number, teller: Headers): Promise<Ticket> {
  server.clock.advance(3 * 60_000);
  const ticket = await call<Ticket>('POST', `/api/counters/${counter(counterNumber)}/call-next`, teller);
  await call('POST', `/api/tickets/${ticket.id}/start`, teller);
  server.clock.advance(4 * 60_000);
  await call('POST', `/api/tickets/${ticket.id}/complete`, teller);
  return ticket;
}

const figuresApi = async (as: Headers, by = 'day') =>
  call<FiguresReport>('GET', `/api/branches/demo/reports/figures?from=${today}&to=${today}&by=${by}`, as);

/** The total row as the table must show it: minutes and ratings with one decimal, whole percents, a dash for none. */
function expectedTotalCells(f: QueueFigures): string[] {
  const oneDecimal = (v: number | null) => (v === null ? '–' : (Math.round(v * 10) / 10).toFixed(1));
  const minutes = (s: number | null) => (s === null ? '–' : (Math.round(s / 6) / 10).toFixed(1));
  const percent = (share: number | null) => (share === null ? '–' : String(Math.round(share * 100)));
  return [
    String(f.issued),
    String(f.served),
    String(f.noShows),
    String(f.divertedAtKiosk + f.divertedByManager),
    minutes(f.wait.meanSeconds),
    minutes(f.wait.p90Seconds),
    percent(f.serviceLevel.share),
    oneDecimal(f.ratings.meanScore),
    f.served ? String(Math.round((f.ratings.count / f.served) * 100)) : '–',
  ];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openReports(username: string, lang: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.locator('[data-testid="nav-reports"]').first().click();
  await page.locator('[data-testid="period-today"]').first().click();
  await page.locator('[data-testid="figures-total"]').first().waitFor();
  return page;
}

const cells = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"] td`).allTextContents().then((t) => t.map((s) => s.trim()));

beforeAll(async () => {
  server = await startUiServer();
  const teller1 = await signIn('teller1');
  const teller2 = await signIn('teller2');
  await call('POST', `/api/counters/${counter(1)}/open`, teller1);
  await call('POST', `/api/counters/${counter(2)}/open`, teller2);
  // Six cash customers and one transfer; teller 1 serves three, teller 2 two, two still wait.
  for (let i = 0; i < 6; i++) await call('POST', '/api/branches/demo/tickets', teller1, { serviceId: service('A') });
  await call('POST', '/api/branches/demo/tickets', teller1, { serviceId: service('B') });
  const served1 = [await serveNext(1, teller1), await serveNext(1, teller1), await serveNext(1, teller1)];
  const served2 = [await serveNext(2, teller2), await serveNext(2, teller2)];
  // Three customers rate on their phones: 5 and 4 for teller 1, 3 for teller 2.
  await call('POST', `/api/public/tickets/${served1[0].id}/rating`, {}, { score: 5 });
  await call('POST', `/api/public/tickets/${served1[1].id}/rating`, {}, { score: 4 });
  await call('POST', `/api/public/tickets/${served2[0].id}/rating`, {}, { score: 3 });
  // One complaint about waiting, not yet replied.
  const manager = await server.as('manager');
  await call('POST', '/api/branches/demo/complaints', manager, { category: 'waiting_time', content: 'Waited too long', ticketId: served2[1].id });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(['en', 'zh-Hant', 'zh-Hans'])('the figures table in %s', (lang) => {
  let page: Page;
  beforeAll(async () => {
    page = await openReports('manager', lang);
  }, 60_000);
  afterAll(async () => page?.context().close());

  it("shows today's total exactly as the figures API answers it", async () => {
    const api = await figuresApi(await server.as('manager'));
    expect(api.total).toMatchObject({ issued: 7, served: 5, ratings: { count: 3 } });
    expect(await cells(page, 'figures-total')).toEqual(expectedTotalCells(api.total));
    expect(await cells(page, 'figures-total')).toEqual(['7', '5', '0', '0', expect.any(String), expect.any(String), expect.any(String), '4.0', '60']);
  });

  it('breaks the figures down by teller and by service as chosen', async () => {
    await page.locator('[data-testid="breakdown-teller"]').first().click();
    const byTeller = await figuresApi(await server.as('manager'), 'teller');
    await expect.poll(() => page.locator('[data-testid="figures-row"]').count()).toBe(byTeller.rows.length);
    const labels = await page.locator('[data-testid="figures-row"] th').allTextContents();
    expect(labels.map((l) => l.trim())).toEqual(byTeller.rows.map((r) => r.label ?? expect.any(String)));
    expect(labels.map((l) => l.trim())).toEqual(expect.arrayContaining(['Teller 1', 'Teller 2']));
    await page.locator('[data-testid="breakdown-service"]').first().click();
    await expect.poll(() => page.locator('[data-testid="figures-row"]').count()).toBe(2);
    expect(await page.locator('[data-testid="figures-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual([service('A'), service('B')]);
  });

  it('downloads the table as a CSV with a byte order mark, the table’s headers and its rows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="figures-csv"]').first().click()]);
    expect(download.suggestedFilename()).toBe(`lobbyflow-demo-figures-${today}-${today}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const headers = (await page.locator('[data-testid="figures-table"] thead th').allTextContents()).map((h) => h.trim());
    expect(lines[0].split(',')).toEqual(headers);
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines[3].split(',').slice(1, 5)).toEqual(['7', '5', '0', '0']);
    if (lang === 'en') expect(lines[0]).toMatch(/^Service,Issued,Served,No-shows,/);
  });

  it('charts the mean and 90th-percentile wait of each hour from the figures by hour', async () => {
    const byHour = await figuresApi(await server.as('manager'), 'hour');
    const chart = page.locator('[data-testid="waits-chart"]').first();
    await chart.waitFor();
    const data = await chart.evaluate((el) => (el as HourBarChart).chart?.data);
    expect(data?.labels).toEqual(byHour.rows.map((r) => `${r.key}:00`));
    const meanMinutes = byHour.rows.map((r) => Math.round(r.wait.meanSeconds! / 6) / 10);
    expect(data?.datasets.some((d) => JSON.stringify(d.data) === JSON.stringify(meanMinutes))).toBe(true);
  });

  it("shows the records' figures: one complaint about waiting, awaiting its reply", async () => {
    await expect.poll(() => cells(page, 'complaints-waiting_time')).toEqual(['1', '0', '0', '0']);
  });

  it('fits 1024 px: the table scrolls inside itself, never the page', async () => {
    const overflow = await page.evaluate(() => {
      const host = document.querySelector('lobby-console, body')!;
      return { doc: document.documentElement.scrollWidth - document.documentElement.clientWidth, host: host.scrollWidth - host.clientWidth };
    });
    expect(overflow.doc).toBeLessThanOrEqual(0);
    const pageHost = page.locator('reports-page');
    expect(await pageHost.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, `report-figures-${lang}.png`), fullPage: true });
  });

  it('has no serious or critical accessibility violations', async () => {
    await page.locator('[data-testid="records-complaints"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("a teller's reports page", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openReports('teller1', 'en');
  }, 60_000);
  afterAll(async () => page?.context().close());

  it('shows the figures of their own tickets only, by day, hour or service', async () => {
    const own = await figuresApi(await signIn('teller1'));
    expect(own.total).toMatchObject({ served: 3, ratings: { count: 2, meanScore: 4.5 } });
    expect(await cells(page, 'figures-total')).toEqual(expectedTotalCells(own.total));
    const choices = await page.locator('[data-testid^="breakdown-"]').evaluateAll((b) => b.map((e) => e.getAttribute('data-testid')));
    expect(choices).toEqual(['breakdown-day', 'breakdown-hour', 'breakdown-service']);
    for (const managersOnly of ['records-report', 'accuracy-report', 'arrivals-report']) {
      expect(await page.locator(`[data-testid="${managersOnly}"]`).count()).toBe(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'report-figures-teller.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
