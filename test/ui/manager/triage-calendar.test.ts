/**
 * Triage under the branch's calendar, in real Chromium at 1024×768: a queue whose service no counter
 * serves says so instead of an estimate, and a closed day says "Closed today" — the same openings
 * the kiosk and the display show, from the server's queue summaries.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';

const TABLET = { width: 1024, height: 768 };
const allDay = { opensAt: '00:00', closesAt: '23:59', lunchFrom: null, lunchUntil: null };

let server: BrowserTestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function setCalendar(calendar: OperatingCalendar) {
  const res = await server.app.inject({
    method: 'PUT',
    url: `/api/branches/${BRANCH}/admin/calendar`,
    headers: await server.as('manager'),
    payload: { calendar },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Today in the branch (Asia/Shanghai), for a special day. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('triage under the calendar', () => {
  it('says "No counter open" in opening hours with no counter serving, then "Closed today" on a closed day', async () => {
    await setCalendar({ weekdays: [allDay, allDay, allDay, allDay, allDay, allDay, allDay], specialDays: [], services: [] });
    page = await (await browser.newContext({ viewport: TABLET })).newPage();
    await page.goto(`${server.base}/manager-ui/?lang=en#/login`);
    await page.fill('input[name=username]', 'manager');
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
    await tid('issue-ticket').waitFor();
    // The seed opens no counter: nobody serves cash now, and no estimate is promised.
    await eventually(async () => (await tid('estimate-A').innerText()).trim()).toBe('No counter open');
    await page.screenshot({ path: join(SCREENSHOTS, 'triage-no-counter-en.png') });

    await setCalendar({ weekdays: [allDay, allDay, allDay, allDay, allDay, allDay, allDay], specialDays: [{ date: today(), hours: null, note: 'Closed' }], services: [] });
    await eventually(async () => (await tid('estimate-A').innerText()).trim()).toBe('Closed today');
  });
});
