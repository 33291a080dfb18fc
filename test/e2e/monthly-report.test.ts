/**
 * The monthly report (定期報告) end to end in Chromium: the lobby manager opens last month's report
 * (October 2026, the fixture month of test/helpers/monthly-fixture.ts), finds the report API's
 * headline figures on it, writes a proposal, submits it, and prints it to an A4 PDF whose pages are
 * rendered to PNG (/tmp/shots/monthly-report-page-N.png) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../protocol/monthly-report-routes.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { FIXTURE_MONTH, writeMonthlyFixture } from '../helpers/monthly-fixture.js';
import { BRANCH } from '../helpers/test-app.js';

const SHOTS = '/tmp/shots';
const PDF = `${SHOTS}/monthly-report.pdf`;
const SECTIONS = ['monthly-glance', 'monthly-busiest', 'monthly-complaints', 'monthly-referrals', 'monthly-faults', 'monthly-text'];
const PROPOSAL = 'Open counter 3 at 09:00 on Mondays; 建議週一九點加開三號窗口';

/** Real time moved to Monday 23 November 2026, 10:00 in the branch: last month is October. */
function mondayMorningClock() {
  const shiftMs = Date.parse('2026-11-23T02:00:00.000Z') - Date.now();
  return { now: () => new Date(Date.now() + shiftMs), set: () => {}, advance: () => {} };
}

let server: BrowserTestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startUiServer({ clock: mondayMorningClock() });
  await writeMonthlyFixture(server.app.lobby.db);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// The console's copy (the printed copy in the page's own document has the same test ids).
const tid = (id: string) => page.locator(`monthly-report [data-testid="${id}"], reports-page [data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

async function reportFromApi(): Promise<MonthlyReport> {
  const res = await server.app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/monthly-reports/${FIXTURE_MONTH}`, headers: await server.as('manager') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MonthlyReport;
}

describe('the monthly report', () => {
  it("opens last month's report with the report API's figures", async () => {
    page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.base}/manager-ui/?lang=en#/login`);
    await page.fill('input[name=username]', 'manager');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => !location.hash.startsWith('#/login'));
    await page.evaluate(() => (location.hash = '#/reports'));
    await tid('monthly-report-link').click();
    await tid('monthly-document').waitFor();

    const report = await reportFromApi();
    expect(report.month).toBe(FIXTURE_MONTH);
    await eventually(() => tid('monthly-month').inputValue()).toBe(FIXTURE_MONTH);
    await eventually(() => tid('glance-served-now').textContent()).toBe(String(report.current.served));
    expect(await tid('glance-mean-wait-now').textContent()).toBe((report.current.meanWaitSeconds! / 60).toFixed(1));
    expect(await tid('glance-service-level-now').textContent()).toBe(`${Math.round(report.current.serviceLevel! * 100)}%`);
    expect(await tid('glance-complaints-now').textContent()).toBe(String(report.current.complaintsReceived));
    // Served 12 against 3 in September: up by 300%.
    expect(await tid('glance-served').textContent()).toContain('▲ +300.0%');
    expect(await tid('busy-hour-counters').textContent()).toBe(String(report.busiestHours[0]!.suggestedCounters));
    expect(await page.locator('monthly-report [data-testid="monthly-complaint"]').count()).toBe(report.complaints.length);
    // Prefilled from the diary.
    expect(await tid('monthly-customerNeeds').inputValue()).toBe(report.text.customerNeeds);
  }, 120_000);

  it('takes a proposal and is submitted, read-only afterwards', async () => {
    await tid('monthly-proposals').fill(PROPOSAL);
    await tid('monthly-submit').click();
    await eventually(() => tid('monthly-status').textContent()).toBe('Submitted');
    expect(await tid('monthly-proposals-text').textContent()).toBe(PROPOSAL);
    expect(await page.locator('monthly-report textarea').count()).toBe(0);
    expect(await tid('monthly-submit').count()).toBe(0);
    const report = await reportFromApi();
    expect(report).toMatchObject({ status: 'submitted', text: { proposals: PROPOSAL } });
    // The branch head finds it among the saved reports, submitted, with its author.
    const listed = tid(`monthly-report-${report.month}`);
    await eventually(() => listed.textContent()).toContain('Submitted');
    expect(await listed.getAttribute('href')).toBe(`#/reports/monthly?month=${report.month}`);
  }, 60_000);

  it('prints to an A4 PDF with at least one page per section', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const file of readdirSync(SHOTS).filter((f) => f.startsWith('monthly-report-page-'))) rmSync(`${SHOTS}/${file}`);
    // The printed copy is the page's own document: only it prints while the report is open.
    await eventually(() => page.locator('#monthly-report-print [data-testid="monthly-proposals-text"]').textContent()).toBe(PROPOSAL);
    await page.pdf({ path: PDF, format: 'A4' });
    const info = execFileSync('pdfinfo', [PDF], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length);
    execFileSync('pdftoppm', ['-png', '-r', '70', PDF, `${SHOTS}/monthly-report-page`]);
    const shots = readdirSync(SHOTS).filter((f) => /^monthly-report-page-\d+\.png$/.test(f));
    expect(shots).toHaveLength(pages);
    // Each section starts a page: its heading is on page 1, 2, … in order.
    const text = execFileSync('pdftotext', ['-layout', PDF, '-'], { encoding: 'utf8' }).split('\f');
    const headings = ['The month at a glance', 'Busiest hours and days', 'Complaints and how each was settled', 'Referrals and their outcomes', 'Equipment faults', 'The lobby manager’s report'];
    headings.forEach((heading, n) => expect(text[n], `page ${n + 1}`).toContain(heading));
    expect(text.join('')).toContain('Open counter 3 at 09:00 on Mondays');
  }, 60_000);
});
