/**
 * The records' settings on the admin page's branch tab, in real Chromium at 1024×768 in each
 * language: VIP recognition, the working days to reply to a complaint, holidays, and the items of
 * the opening and closing checks, saved through the form and checked before anything is sent.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BRANCH } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const SHOTS = '/tmp/shots';
const S = 'admin-branch-settings';

const storedSettings = async () => {
  const row = await t().app.lobby.db.selectFrom('branches').select('settings').where('id', '=', BRANCH).executeTakeFirstOrThrow();
  return JSON.parse(row.settings) as Record<string, unknown>;
};

async function openBranchTab(locale: Locale = 'en'): Promise<Page> {
  const p = await browser.open({ locale });
  await p.setViewportSize({ width: 1024, height: 768 });
  await p.click('[data-testid=admin-tab-branch]');
  await p.locator(`${S} [data-testid=vip-trust]`).waitFor();
  return p;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document.querySelector('admin-page')!, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n')}`);
}

/** Every control of the records' fieldsets inside the page and at least 48 px tall (checkboxes and radios sit in 48 px labels). */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('admin-page')!.shadowRoot!.querySelector('admin-branch-settings')!.shadowRoot!;
    const faults: string[] = [];
    for (const set of root.querySelectorAll('fieldset.records, fieldset.checklist')) {
      for (const el of set.querySelectorAll<HTMLElement>('button, input:not([type=checkbox]):not([type=radio]), label.check, label.option')) {
        const box = el.getBoundingClientRect();
        const name = `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`;
        if (box.height < 48) faults.push(`${name} is ${box.height}px tall`);
        if (box.right > document.documentElement.clientWidth + 1) faults.push(`${name} ends at ${box.right}px`);
      }
    }
    return faults;
  });
}

describe('<admin-branch-settings> records', () => {
  it.each(['en', 'zh-Hant', 'zh-Hans'] as const)('saves VIP recognition, reply days, holidays and checklist items (%s)', async (locale) => {
    const p = await openBranchTab(locale);
    await p.check(`${S} [data-testid=vip-registry]`);
    await p.fill(`${S} input[name=complaintReplyWorkingDays]`, '3');
    for (const day of ['2026-12-25', '2026-10-01', '2026-10-02']) {
      await p.fill(`${S} [data-testid=new-holiday]`, day);
      await p.click(`${S} [data-testid=add-holiday]`);
    }
    await expect.poll(() => p.locator(`${S} [data-testid=holidays] li`).count()).toBe(3);
    await p.click(`${S} [data-testid=holidays] li:has-text("2026-10-02") button`);
    await p.uncheck(`${S} [data-testid=item-rating_pads]`);
    await p.fill(`${S} [data-testid=new-item]`, 'Queue barrier 一米線');
    await p.press(`${S} [data-testid=new-item]`, 'Enter');
    await p.locator(`${S} [data-testid=own-items] li`).waitFor();

    mkdirSync(SHOTS, { recursive: true });
    await p.locator(`${S} fieldset.records`).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SHOTS}/record-settings-${locale}.png` });
    await p.locator(`${S} fieldset.checklist`).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${SHOTS}/record-settings-checklist-${locale}.png` });
    expect(await layoutFaults(p)).toEqual([]);
    const violations = await seriousViolations(p);
    expect(violations, violations.join('\n')).toEqual([]);

    await p.click(`${S} [data-testid=admin-save]`);
    await expect.poll(storedSettings).toMatchObject({
      vipRecognition: 'registry',
      complaintReplyWorkingDays: 3,
      holidays: ['2026-10-01', '2026-12-25'],
      checklistItems: ['ticket_machine', 'wall_displays', 'forms_and_pens', 'notices_and_rates', 'hall_tidy', 'Queue barrier 一米線'],
    });
  });

  it('checks in the browser and sends nothing while something is wrong', async () => {
    const p = await openBranchTab();
    const sent = changesSent(p);
    const problems = () => p.locator(`${S} [data-testid=admin-problem]`).allTextContents();

    await p.fill(`${S} [data-testid=new-holiday]`, '2026-10-01');
    await p.click(`${S} [data-testid=add-holiday]`);
    await p.fill(`${S} [data-testid=new-holiday]`, '2026-10-01');
    await p.click(`${S} [data-testid=add-holiday]`);
    await expect.poll(problems).toEqual(['Already in the list']);

    await p.fill(`${S} [data-testid=new-item]`, 'HALL_TIDY');
    await p.click(`${S} [data-testid=add-item]`);
    await expect.poll(problems).toEqual(['Already in the list', 'Already in the list']);

    await p.fill(`${S} [data-testid=new-item]`, 'Drinking water');
    await p.fill(`${S} input[name=complaintReplyWorkingDays]`, '31');
    await p.click(`${S} [data-testid=admin-save]`);
    await expect.poll(problems).toEqual(['Enter a number from 1 to 30', 'Press Add, or clear this field', 'Press Add, or clear this field']);
    expect(sent).toEqual([]);
    expect((await storedSettings()).holidays ?? []).toEqual([]);
  });
});
