/**
 * The branch settings' "Customers' screens": the kiosk's self-service threshold (in minutes), the
 * people-ahead count for phone notices, and the branch's public address for the ticket's QR code,
 * in a real browser against a real server. A bad address is refused in the form and nothing is sent.
 */
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const input = (name: string) => `admin-branch-settings input[name=${name}]`;

const stored = async () => {
  const row = await t().app.lobby.db.selectFrom('branches').select('settings').where('id', '=', BRANCH).executeTakeFirstOrThrow();
  const { selfServiceMinSavingSeconds, pushAheadCount, publicUrl } = JSON.parse(row.settings);
  return { selfServiceMinSavingSeconds, pushAheadCount, publicUrl };
};

describe("<admin-branch-settings> customers' screens", () => {
  it('shows the defaults, and saves the threshold in seconds, the count and the address', async () => {
    const p = await browser.open({ locale: 'en' });
    await p.click('[data-testid=admin-tab-branch]');
    await expect.poll(() => p.locator(input('selfServiceMinSavingMinutes')).inputValue()).toBe('10');
    expect(await p.locator(input('pushAheadCount')).inputValue()).toBe('3');
    expect(await p.locator(input('publicUrl')).inputValue()).toBe('');
    await p.locator('admin-branch-settings legend', { hasText: "Customers' screens" }).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SCREENSHOTS}/admin-customer-screens-en.png` });

    await p.locator(input('selfServiceMinSavingMinutes')).fill('15');
    await p.locator(input('pushAheadCount')).fill('5');
    await p.locator(input('publicUrl')).fill('https://queue.example-bank.hk/');
    await p.click('admin-branch-settings [data-testid=admin-save]');
    await expect.poll(stored).toEqual({ selfServiceMinSavingSeconds: 900, pushAheadCount: 5, publicUrl: 'https://queue.example-bank.hk' });
  });

  it.each([
    ['publicUrl', 'queue.example-bank.hk'],
    ['publicUrl', 'ftp://queue.example-bank.hk'],
    ['pushAheadCount', '0'],
    ['selfServiceMinSavingMinutes', '61'],
  ])('refuses %s = %s in the form, names the field, and sends nothing', async (name, value) => {
    const before = await stored();
    const p = await browser.open();
    await p.click('[data-testid=admin-tab-branch]');
    const sent = changesSent(p);
    await p.locator(input(name)).fill(value);
    await p.click('admin-branch-settings [data-testid=admin-save]');
    await expect.poll(() => p.locator(input(name)).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(await stored()).toEqual(before);
  });
});
