/** The branch settings' limit on tickets per kiosk per minute, in a real browser against a real server. */
import { describe, expect, it } from 'vitest';
import { BRANCH } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const FIELD = 'admin-branch-settings input[name=issuesPerDevicePerMinute]';

const storedLimit = async () => {
  const row = await t().app.lobby.db.selectFrom('branches').select('settings').where('id', '=', BRANCH).executeTakeFirstOrThrow();
  return JSON.parse(row.settings).issuesPerDevicePerMinute as number | undefined;
};

describe('<admin-branch-settings> tickets per kiosk per minute', () => {
  it.each([
    ['en', 'Tickets per kiosk per minute'],
    ['zh-Hant', '每部取號機每分鐘可取號數'],
    ['zh-Hans', '每台取号机每分钟可取号数'],
  ] as const)('shows the limit in %s, and saves a new one', async (locale, label) => {
    const p = await browser.open({ locale });
    await p.click('[data-testid=admin-tab-branch]');
    const field = p.locator(FIELD);
    await expect.poll(() => field.inputValue()).toBe('20');
    const fieldLabel = p.locator('admin-branch-settings label.field', { has: p.locator('input[name=issuesPerDevicePerMinute]') }).locator('.label');
    expect(await fieldLabel.textContent()).toBe(label);

    await field.fill('6');
    await p.click('admin-branch-settings [data-testid=admin-save]');
    await expect.poll(storedLimit).toBe(6);
  });

  it('refuses 0 in the form and sends nothing', async () => {
    const p = await browser.open();
    await p.click('[data-testid=admin-tab-branch]');
    const sent = changesSent(p);
    await p.locator(FIELD).fill('0');
    await p.click('admin-branch-settings [data-testid=admin-save]');
    await p.locator('admin-branch-settings [data-testid=admin-problem]').first().waitFor();
    expect(sent).toEqual([]);
    expect(await storedLimit()).toBe(20);
  });
});
