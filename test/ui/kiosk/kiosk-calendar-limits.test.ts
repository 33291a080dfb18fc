/**
 * The kiosk at a service's cut-off (取號截止) and over its daily quota (限號), in real Chromium on a
 * real server whose clock the test sets (Monday 2026-11-23, Asia/Shanghai): the tile is closed with
 * the reason, takes no tap, and the server refuses the ticket with the same reason.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import { manualClock } from '../../../server/src/lib/clock.js';
import { SCREENSHOTS, launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, service } from '../../helpers/test-app.js';

const PORTRAIT = { width: 1080, height: 1920 };
const nineToFive = { opensAt: '09:00', closesAt: '17:00', lunchFrom: null, lunchUntil: null };
const CALENDAR: OperatingCalendar = {
  weekdays: Array.from({ length: 7 }, () => nineToFive),
  specialDays: [],
  services: [
    { serviceId: service('A'), issueFrom: null, cutOffMinutes: 30, dailyQuota: null },
    { serviceId: service('D'), issueFrom: null, cutOffMinutes: null, dailyQuota: 1 },
  ],
};
const monday = (time: string) => new Date(`2026-11-23T${time}:00+08:00`);

const clock = manualClock(monday('10:00'));
let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ clock });
  browser = await launchChromium();
  const res = await server.app.inject({ method: 'PUT', url: `/api/branches/${BRANCH}/admin/calendar`, headers: await server.as('manager'), payload: { calendar: CALENDAR } });
  expect(res.statusCode, res.body).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();

async function openKiosk(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await page.addInitScript(() => (window.print = () => {}));
  await page.goto(`${server.base}/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=${lang}`);
  await tid(page, 'service-A').waitFor();
  return page;
}

const issue = (prefix: string) =>
  server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: server.kiosk, payload: { serviceId: service(prefix) } });

describe('the kiosk under the calendar’s limits', () => {
  it.each([
    ['en', "Today's tickets are all taken"],
    ['zh-Hant', '今日'],
  ])('closes a service whose daily quota is used up, and the server refuses the next ticket (%s)', async (lang, words) => {
    clock.set(monday('10:00'));
    if (lang === 'en') expect((await issue('D')).statusCode).toBe(201);
    await server.app.lobby.engine.reload(BRANCH);
    const page = await openKiosk(lang);
    const tile = tid(page, 'service-D');
    await expect.poll(() => tile.getAttribute('data-opening')).toBe('quota_reached');
    expect(await tile.isDisabled()).toBe(true);
    expect(await tid(page, 'opening-D').innerText()).toContain(words);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-quota-reached-${lang}.png` });
    const refused = await issue('D');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SERVICE_QUOTA_REACHED');
    await page.context().close();
  });

  it('closes cash at its cut-off, 30 minutes before closing, while the other services still take tickets', async () => {
    clock.set(monday('16:40'));
    await server.app.lobby.engine.reload(BRANCH);
    const page = await openKiosk('en');
    await expect.poll(() => tid(page, 'service-A').getAttribute('data-opening')).toBe('cut_off');
    expect(await tid(page, 'service-A').isDisabled()).toBe(true);
    expect(await tid(page, 'opening-A').innerText()).toContain('Tickets closed for today');
    expect(await tid(page, 'service-B').isDisabled()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-cut-off-en.png` });
    const refused = await issue('A');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SERVICE_CLOSED');
    await page.context().close();
  });
});
