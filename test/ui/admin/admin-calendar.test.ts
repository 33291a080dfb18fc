/**
 * The Calendar tab in a real browser against a real server, on a 1024×768 tablet: turning the
 * calendar on, editing a day, a special day and a service's cut-off and quota, the form's own
 * checks (nothing is sent), and the kiosk following the saved calendar at once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import type { Snapshot } from '../../../protocol/schemas.js';
import { SCREENSHOTS } from '../../helpers/browser.js';
import { BRANCH, service } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const input = (name: string) => `admin-calendar input[name="${name}"]`;

async function openCalendar(locale: Locale = 'en'): Promise<Page> {
  const p = await browser.open({ locale });
  await p.setViewportSize({ width: 1024, height: 768 });
  await p.click('[data-testid=admin-tab-calendar]');
  await p.locator('admin-calendar [data-testid=admin-calendar-form]').waitFor();
  return p;
}

const storedCalendar = async (): Promise<OperatingCalendar | null> =>
  (await t().app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/admin/calendar`, headers: await t().as('admin') })).json().calendar;

describe('<admin-calendar>', () => {
  it('starts without a calendar, then saves a week, a special day and a service’s cut-off and quota; the kiosk follows it', async () => {
    const p = await openCalendar();
    expect(await p.locator(input('enabled')).isChecked()).toBe(false);
    await p.locator(input('enabled')).check();
    // The usual week to start from: weekdays 09:00–17:00 with lunch, Saturday morning, Sunday closed.
    expect(await p.locator(input('weekdays.0.opensAt')).inputValue()).toBe('09:00');
    expect(await p.locator(input('weekdays.6.open')).isChecked()).toBe(false);

    await p.locator(input('weekdays.4.closesAt')).fill('18:30');
    await p.click('admin-calendar [data-testid=calendar-add-special]');
    await p.locator(input('specialDays.0.date')).fill('2026-12-24');
    await p.locator(input('specialDays.0.open')).check();
    await p.locator(input('specialDays.0.opensAt')).fill('09:00');
    await p.locator(input('specialDays.0.closesAt')).fill('12:00');
    await p.locator(input('specialDays.0.note')).fill('Christmas Eve');
    await p.locator(input('services.0.cutOffMinutes')).fill('30');
    await p.locator(input('services.1.dailyQuota')).fill('80');
    await p.click('admin-calendar [data-testid=admin-save]');
    const outcome = p.locator('admin-calendar [data-testid=admin-saved], admin-calendar [data-testid=admin-error], admin-calendar [data-testid=admin-problem]');
    await outcome.first().waitFor();
    expect(await outcome.allTextContents()).toEqual(['✓ Calendar saved. The kiosks follow it now.']);
    await p.screenshot({ path: `${SCREENSHOTS}/admin-calendar-en.png`, fullPage: true });
    const saved = await storedCalendar();
    expect(saved?.weekdays[4]).toEqual({ opensAt: '09:00', closesAt: '18:30', lunchFrom: '12:00', lunchUntil: '13:00' });
    expect(saved?.weekdays[6]).toBeNull();
    expect(saved?.specialDays).toEqual([{ date: '2026-12-24', hours: { opensAt: '09:00', closesAt: '12:00', lunchFrom: null, lunchUntil: null }, note: 'Christmas Eve' }]);
    expect(saved?.services).toEqual([
      { serviceId: service('A'), issueFrom: null, cutOffMinutes: 30, dailyQuota: null },
      { serviceId: service('B'), issueFrom: null, cutOffMinutes: null, dailyQuota: 80 },
    ]);

    // The test server's clock: Monday 10:00 in the branch. The kiosk's snapshot follows at once.
    const kiosk = (await t().app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/snapshot`, headers: t().kiosk })).json() as Snapshot;
    expect(kiosk.queues.find((q) => q.serviceId === service('B'))).toMatchObject({ quotaLeft: 80 });
    expect(kiosk.queues.find((q) => q.serviceId === service('A'))!.cutOffAt).toBe('2026-11-23T08:30:00.000Z');
  });

  it('points at the field in the browser and sends nothing while the hours do not hold together', async () => {
    const p = await openCalendar();
    const sent = changesSent(p);
    await p.locator(input('enabled')).check();
    await p.locator(input('weekdays.0.closesAt')).fill('08:00');
    await p.locator(input('weekdays.1.lunchUntil')).fill('');
    await p.locator(input('services.2.dailyQuota')).fill('0');
    await p.click('admin-calendar [data-testid=admin-save]');
    expect(await p.locator('admin-calendar [data-testid=calendar-day-0] [data-testid=admin-problem]').textContent()).toBe('Closing must come after opening');
    expect(await p.locator('admin-calendar [data-testid=calendar-day-1] [data-testid=admin-problem]').textContent()).toBe('Give both ends of lunch, or neither');
    expect(await p.locator('admin-calendar [data-testid=calendar-service-C] [data-testid=admin-problem]').textContent()).toBe('Enter a number from 1 to 999');
    expect(sent).toEqual([]);
    expect(await storedCalendar()).toBeNull();
    await p.click('admin-calendar [data-testid=admin-cancel]');
    expect(await p.locator(input('enabled')).isChecked()).toBe(false);
  });

  it('shows a saved calendar in Traditional Chinese, and removes it', async () => {
    await t().app.inject({
      method: 'PUT',
      url: `/api/branches/${BRANCH}/admin/calendar`,
      headers: await t().as('admin'),
      payload: {
        calendar: {
          weekdays: [...Array.from({ length: 5 }, () => ({ opensAt: '09:00', closesAt: '17:00', lunchFrom: '12:00', lunchUntil: '13:00' })), null, null],
          specialDays: [{ date: '2026-12-28', hours: null, note: '八號風球' }],
          services: [{ serviceId: service('A'), issueFrom: '08:45', cutOffMinutes: 30, dailyQuota: null }],
        },
      },
    });
    const p = await openCalendar('zh-Hant');
    expect(await p.locator(input('enabled')).isChecked()).toBe(true);
    expect(await p.locator(input('services.0.issueFrom')).inputValue()).toBe('08:45');
    expect(await p.locator(input('specialDays.0.note')).inputValue()).toBe('八號風球');
    await p.screenshot({ path: `${SCREENSHOTS}/admin-calendar-zh-Hant.png`, fullPage: true });

    await p.locator(input('enabled')).uncheck();
    await p.click('admin-calendar [data-testid=admin-save]');
    await expect.poll(storedCalendar).toBeNull();
  });
});
