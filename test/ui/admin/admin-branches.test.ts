/** Branches in the admin page, in a real browser against a real server: only an administrator of every branch sees them. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BRANCH } from '../../helpers/test-app.js';
import { useAdminBrowser } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();

const branchChanges = (p: Page) => p.evaluate(() => (globalThis as unknown as { branchChanges: string[] }).branchChanges);

async function fillNewBranch(p: Page, id: string) {
  await p.fill('admin-branches input[name=id]', id);
  await p.fill('admin-branches input[name=nameZhHant]', '九龍東支行');
  await p.fill('admin-branches input[name=nameZhHans]', '九龙东支行');
  await p.fill('admin-branches input[name=nameEn]', 'Kowloon East');
  await p.fill('admin-branches input[name=timeZone]', 'Asia/Hong_Kong');
}

describe('<admin-page> branches', () => {
  it('gives a lobby manager no Branches tab and no branch picker', async () => {
    const p = await browser.open();
    await p.waitForLoadState('networkidle');
    expect(await p.locator('[data-testid=admin-tab-notices]').count()).toBe(1);
    expect(await p.locator('[data-testid=admin-tab-branches]').count()).toBe(0);
    expect(await p.locator('[data-testid=admin-branch-select]').count()).toBe(0);
  });

  it('lets an admin open a branch and administer it: the page reloads for it and tells the console', async () => {
    const p = await browser.open({ username: 'admin', ready: '[data-testid=admin-tab-branches]' });
    await p.click('[data-testid=admin-tab-branches]');
    await expect.poll(() => p.locator('[data-testid=admin-branch-demo]').textContent()).toContain('Administering');
    await fillNewBranch(p, 'kowloon-east');
    await p.click('admin-branches [data-testid=admin-save]');
    await p.locator('[data-testid=admin-branch-kowloon-east]').waitFor();
    await expect.poll(() => p.locator('admin-branches [data-testid=admin-saved]').textContent()).toContain('Branch kowloon-east opened');
    const row = await t().app.lobby.db.selectFrom('branches').selectAll().where('id', '=', 'kowloon-east').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name_zh_hant: '九龍東支行', time_zone: 'Asia/Hong_Kong', default_locale: 'zh-Hant' });

    await p.click('[data-testid=admin-switch-kowloon-east]');
    expect(await branchChanges(p)).toEqual(['kowloon-east']);
    expect(await p.evaluate(() => localStorage.getItem('lobbyflow.manager.branch'))).toBe('kowloon-east');
    await expect.poll(() => p.locator('[data-testid=admin-branch-kowloon-east]').textContent()).toContain('Administering');
    await expect.poll(() => p.locator('[data-testid=admin-branch-select]').inputValue()).toBe('kowloon-east');

    // The new branch is empty: its first service goes into it, not into the demo branch.
    await p.click('[data-testid=admin-tab-services]');
    await p.locator('admin-services .empty').waitFor();
    await expect.poll(() => p.locator('admin-services .empty').textContent()).toContain('No services yet');

    await p.selectOption('[data-testid=admin-branch-select]', BRANCH);
    await p.locator('[data-testid=admin-service-A]').waitFor();
    expect(await branchChanges(p)).toEqual(['kowloon-east', BRANCH]);
  });

  it("checks the new branch's id in the browser, and shows the server's refusal of an id taken meanwhile", async () => {
    const p = await browser.open({ username: 'admin', ready: '[data-testid=admin-tab-branches]' });
    await p.click('[data-testid=admin-tab-branches]');
    await fillNewBranch(p, 'Kowloon East');
    await p.click('admin-branches [data-testid=admin-save]');
    expect(await p.locator('admin-branches [data-testid=admin-problem]').allTextContents()).toEqual([
      '2 to 32 lower-case letters, digits or dashes, e.g. kowloon-east',
    ]);

    // Another admin opens the same id while this form is open.
    const other = await t().app.inject({
      method: 'POST',
      url: '/api/admin/branches',
      headers: await t().as('admin'),
      payload: { id: 'kowloon-east', name: { en: 'K', zhHant: 'K', zhHans: 'K' }, timeZone: 'Asia/Hong_Kong', defaultLocale: 'en' },
    });
    expect(other.statusCode).toBe(201);
    await p.fill('admin-branches input[name=id]', 'kowloon-east');
    await p.click('admin-branches [data-testid=admin-save]');
    const error = p.locator('admin-branches [data-testid=admin-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('a branch with the id kowloon-east already exists');
  });

  it('starts at Branches, with a note, when the branch the console asked for is not on this server', async () => {
    const p = await browser.open({ username: 'admin', branchId: 'nowhere', ready: '[data-testid=admin-branch-missing]' });
    expect(await p.locator('[data-testid=admin-tab-branches]').getAttribute('aria-selected')).toBe('true');
    expect(await p.locator('[data-testid=admin-branch-missing]').textContent()).toContain('There is no branch “nowhere” on this server.');
    await p.click('[data-testid=admin-switch-demo]');
    expect(await branchChanges(p)).toEqual([BRANCH]);
    await expect.poll(() => p.locator('[data-testid=admin-branch-missing]').count()).toBe(0);
  });
});
