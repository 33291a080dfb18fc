/** The notices and interest-rate board tab in a real browser against a real server. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../protocol/messages.js';
import type { NoticeBoard } from '../../../protocol/notice-schemas.js';
import { DEMO_NOTICES } from '../../../server/src/seed/demo-notices.js';
import { BRANCH } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();

async function openNotices(locale: Locale = 'en'): Promise<Page> {
  const p = await browser.open({ locale });
  await p.click('[data-testid=admin-tab-notices]');
  await p.locator('[data-testid=admin-notice-0]').waitFor();
  return p;
}

/** The boards as the wall display reads them. */
const displayedBoard = async (): Promise<NoticeBoard> =>
  (await t().app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/notices`, headers: t().display })).json();

const line = (p: Page, testId: string) => p.locator(`admin-notice-board [data-testid=${testId}]`);

describe('<admin-page> notices and rates', () => {
  it('edits, adds, orders and removes lines, and the wall display reads the saved boards at once', async () => {
    const events: DomainEvent[] = [];
    t().app.lobby.bus.subscribe(BRANCH, (batch) => events.push(...batch));
    const p = await openNotices();
    expect(await p.locator('admin-notice-board .notices li').count()).toBe(DEMO_NOTICES.notices.length);

    await line(p, 'admin-notice-0').locator('[name=en]').fill('Open Mon–Fri 9:00–17:30');
    await line(p, 'admin-notice-3').locator('[data-action=remove]').click();
    await p.click('[data-testid=admin-add-rate]');
    const added = line(p, 'admin-rate-7');
    await added.locator('input[name=zhHant]').fill('大額存單');
    await added.locator('input[name=zhHans]').fill('大额存单');
    await added.locator('input[name=en]').fill('Large deposit certificate');
    await added.locator('input[name=value]').fill('1.60%');
    await added.locator('[data-action=up]').click();
    expect(await line(p, 'admin-rate-6').locator('input[name=en]').inputValue()).toBe('Large deposit certificate');
    expect(await p.locator('[data-testid=admin-unsaved]').count()).toBe(1);

    await p.click('admin-notice-board [data-testid=admin-save]');
    await expect.poll(() => p.locator('admin-notice-board [data-testid=admin-saved]').textContent()).toContain('Notices and rates saved');
    await expect.poll(() => p.locator('[data-testid=admin-unsaved]').count()).toBe(0);

    const board = await displayedBoard();
    expect(board.notices.map((n) => n.en)).toEqual(['Open Mon–Fri 9:00–17:30', DEMO_NOTICES.notices[1].en, DEMO_NOTICES.notices[2].en]);
    expect(board.rates.map((r) => r.value)).toEqual(['0.05%', '0.65%', '0.85%', '0.95%', '1.05%', '1.25%', '1.60%', '1.30%']);
    expect(board.rates[6].label).toEqual({ en: 'Large deposit certificate', zhHant: '大額存單', zhHans: '大额存单' });
    expect(events.map((e) => e.type)).toEqual(['branch.configured']);
  });

  it('checks every language of a new line in the browser and sends nothing while one is missing', async () => {
    const p = await openNotices();
    const sent = changesSent(p);
    await p.click('[data-testid=admin-add-notice]');
    await line(p, 'admin-notice-4').locator('[name=en]').fill('New ATM in the hall');
    await p.click('admin-notice-board [data-testid=admin-save]');
    expect(await line(p, 'admin-notice-4').locator('[data-testid=admin-problem]').allTextContents()).toEqual(['Required', 'Required']);
    expect(sent).toEqual([]);
    expect(await displayedBoard()).toEqual(DEMO_NOTICES);

    await p.click('admin-notice-board [data-testid=admin-cancel]');
    expect(await p.locator('admin-notice-board .notices li').count()).toBe(DEMO_NOTICES.notices.length);
  });

  it("shows the server's refusal and keeps the typed lines", async () => {
    const p = await openNotices();
    await line(p, 'admin-notice-0').locator('[name=en]').fill('Closed for the holiday');
    // The manager was made a teller while the page was open: the server now refuses.
    await t().app.lobby.db.updateTable('users').set({ role: 'teller' }).where('username', '=', 'manager').execute();
    await p.click('admin-notice-board [data-testid=admin-save]');
    const error = p.locator('admin-notice-board [data-testid=admin-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Your role is not allowed to do this.');
    expect(await error.textContent()).toContain('this action needs the role admin or manager');
    expect(await line(p, 'admin-notice-0').locator('[name=en]').inputValue()).toBe('Closed for the holiday');
    expect(await displayedBoard()).toEqual(DEMO_NOTICES);
  });

  it('speaks Simplified Chinese when the console does', async () => {
    const p = await openNotices('zh-Hans');
    expect(await p.locator('[data-testid=admin-tab-notices]').textContent()).toContain('公告及利率牌');
    expect(await p.locator('admin-notice-board [data-testid=admin-save]').textContent()).toContain('保存公告及利率牌');
    expect(await line(p, 'admin-rate-0').locator('input[name=zhHans]').inputValue()).toBe('活期存款');
  });
});
