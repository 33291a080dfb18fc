/**
 * The audit log tab of the admin page in real Chromium at the 1024×768 tablet size, in each
 * language: an admin reads who read or changed personal data, in branch time, filters it by person,
 * record type and day, loads older rows, and downloads the filter as CSV. Managers get no such tab.
 * axe finds nothing serious, and each language is saved to /tmp/shots to be looked at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditRepository, type NewAuditRecord } from '../../../server/src/repositories/audit-repository.js';
import { BRANCH } from '../../helpers/test-app.js';
import { useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const SHOTS = '/tmp/shots';
const TABLET = { width: 1024, height: 768 };
const ROWS = 'admin-audit-log [data-testid=audit-row]';

/**
 * 55 reads of the customer sheet by the manager on 20 November (branch time, Asia/Shanghai), then
 * the wealth manager reading a referral and the manager replying to a complaint on the 23rd.
 */
async function seedAuditLog() {
  const db = t().app.lobby.db;
  const ids = Object.fromEntries((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const row = (actor: string, at: string, rest: Omit<NewAuditRecord, 'branchId' | 'actorId' | 'at' | 'actorRole'>): NewAuditRecord => ({
    branchId: BRANCH,
    actorId: ids[actor]!,
    actorRole: actor === 'wealth1' ? 'account_manager' : 'manager',
    at,
    ...rest,
  });
  await auditRepository.append(db, [
    ...Array.from({ length: 55 }, (_, i) =>
      row('manager', new Date(Date.parse('2026-11-20T01:00:00Z') + i * 60_000).toISOString(), { action: 'read', recordType: 'customer', recordId: `customer-${i}`, fields: [] }),
    ),
    row('wealth1', '2026-11-23T01:30:00.000Z', { action: 'read', recordType: 'referral', recordId: 'referral-7', fields: [] }),
    row('manager', '2026-11-23T02:15:00.000Z', { action: 'update', recordType: 'complaint', recordId: 'complaint-1', fields: ['reply', 'status'] }),
  ]);
  return ids;
}

async function openAuditLog(locale: Locale = 'en'): Promise<Page> {
  const p = await browser.open({ username: 'admin', locale });
  await p.setViewportSize(TABLET);
  await p.click('[data-testid=admin-tab-audit-log]');
  await p.locator(ROWS).first().waitFor();
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

/** Nothing wider than the page, and every button and link at least 48 px tall. */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('admin-page')!.shadowRoot!.querySelector('admin-audit-log')!.shadowRoot!;
    const faults: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, a, select, input')) {
      const box = el.getBoundingClientRect();
      if (box.height < 48) faults.push(`${el.tagName} ${el.textContent?.trim()} is ${box.height}px tall`);
      if (box.right > document.documentElement.clientWidth + 1) faults.push(`${el.tagName} ${el.textContent?.trim()} ends at ${box.right}px`);
    }
    const table = root.querySelector('table');
    if (table && table.getBoundingClientRect().right > document.documentElement.clientWidth + 1) faults.push('the table is wider than the page');
    return faults;
  });
}

describe('<admin-audit-log>', () => {
  it.each(['en', 'zh-Hant', 'zh-Hans'] as const)('shows the newest reads and changes in branch time, 50 at a time (%s)', async (locale) => {
    await seedAuditLog();
    const p = await openAuditLog(locale);
    await expect.poll(() => p.locator(ROWS).count()).toBe(50);
    const first = await p.locator(ROWS).first().locator('td').allTextContents();
    // 02:15 UTC is 10:15 in Shanghai.
    expect(first[0]).toBe('2026-11-23 10:15:00');
    expect(first[1]).toContain('manager');
    expect(first[5]).toBe('complaint-1');
    expect(first[6]).toBe('reply, status');

    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: `${SHOTS}/audit-log-${locale}.png`, fullPage: false });
    expect(await layoutFaults(p)).toEqual([]);
    const violations = await seriousViolations(p);
    expect(violations, violations.join('\n')).toEqual([]);

    await p.click('admin-audit-log [data-testid=audit-more]');
    await expect.poll(() => p.locator(ROWS).count()).toBe(57);
    await expect.poll(() => p.locator('admin-audit-log [data-testid=audit-more]').count()).toBe(0);
  });

  it('filters by person, record type and branch days', async () => {
    const ids = await seedAuditLog();
    const p = await openAuditLog();
    await p.selectOption('admin-audit-log [data-testid=audit-person]', ids.wealth1!);
    await expect.poll(() => p.locator(ROWS).count()).toBe(1);
    expect(await p.locator(ROWS).first().locator('td').nth(5).textContent()).toBe('referral-7');

    await p.selectOption('admin-audit-log [data-testid=audit-person]', '');
    await p.selectOption('admin-audit-log [data-testid=audit-record-type]', 'complaint');
    await expect.poll(() => p.locator(ROWS).count()).toBe(1);

    await p.selectOption('admin-audit-log [data-testid=audit-record-type]', '');
    await p.fill('admin-audit-log [data-testid=audit-from]', '2026-11-21');
    await expect.poll(() => p.locator(ROWS).count()).toBe(2);
    await p.fill('admin-audit-log [data-testid=audit-to]', '2026-11-22');
    await p.locator('admin-audit-log [data-testid=audit-empty]').waitFor();

    // Days the wrong way round are pointed out and not asked for.
    await p.fill('admin-audit-log [data-testid=audit-from]', '2026-11-23');
    await p.locator('admin-audit-log [data-testid=audit-days-reversed]').waitFor();
    expect(await p.locator(ROWS).count()).toBe(0);
  });

  it('downloads the filter as CSV', async () => {
    await seedAuditLog();
    const p = await openAuditLog();
    // The console signs in with its session cookie, which a download carries.
    const status = await p.evaluate(async () => {
      const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
      return res.status;
    });
    expect(status).toBe(200);
    await p.selectOption('admin-audit-log [data-testid=audit-record-type]', 'referral');
    await expect.poll(() => p.locator(ROWS).count()).toBe(1);
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('admin-audit-log [data-testid=audit-download]')]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',wealth1,Wealth manager 理財經理,account_manager,read,referral,referral-7,');
  });

  it('is not offered to a lobby manager', async () => {
    const p = await browser.open({ username: 'manager' });
    await p.locator('[data-testid=admin-tab-branch]').waitFor();
    expect(await p.locator('[data-testid=admin-tab-audit-log]').count()).toBe(0);
  });
});
