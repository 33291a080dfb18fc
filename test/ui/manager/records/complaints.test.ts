/**
 * The complaint log in real Chromium, in each language, at the 1024×768 tablet size: the lobby
 * manager logs a complaint from a waiting ticket's sheet on the triage screen, finds it in the log
 * (beside an overdue one marked in red), replies to it and closes it; a teller logs one from the
 * counter page's current ticket, with its counter and teller filled in. axe finds nothing serious on
 * the screens, and each is saved to /tmp/shots to be looked at.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../../helpers/browser.js';
import { BRANCH, counter, service } from '../../../helpers/test-app.js';

const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const TABLET = { width: 1024, height: 768 };
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  // A letter from last month, never answered: the log marks it overdue.
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/branches/${BRANCH}/complaints`,
    headers: await server.as('manager'),
    payload: { channel: 'letter', category: 'fees', content: 'Charged twice for a remittance', receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() },
  });
  expect(res.statusCode, res.body).toBe(201);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function signIn(lang: string, username: string, landing: string): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${username}: ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, landing).waitFor({ timeout: 15_000 });
  return page;
}

/** axe's serious and critical findings on the page, one line per rule with the elements it names. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
}

/** Buttons, chips and fields smaller than 48 px inside `host`'s shadow tree. */
async function smallTargets(page: Page, host: string): Promise<string[]> {
  return page.evaluate((host) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('button, .chip, select, input:not([type=radio]):not([type=checkbox])')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.height < 47.5 || box.width < 47.5)) found.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${box.width}×${box.height}`);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    const deep = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        if (el.tagName.toLowerCase() === host) visit(el.shadowRoot);
        else deep(el.shadowRoot);
      }
    };
    deep(document);
    return found;
  }, host);
}

async function check(page: Page, shot: string, host: string) {
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  const violations = await seriousViolations(page);
  expect(violations, `${shot}:\n${violations.join('\n')}`).toEqual([]);
  expect(await smallTargets(page, host), `${shot}: targets under 48 px`).toEqual([]);
}

const complaintOf = (ticketId: string) => server.app.lobby.db.selectFrom('complaints').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();

describe.each(LANGS.map((lang, i) => [lang, i + 1] as const))('the complaint log in %s', (lang, n) => {
  it('logs a complaint from the triage ticket sheet, and replies to it and closes it in the log', async () => {
    const ticket = await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') });
    const triage = await signIn(lang, 'manager', 'issue-ticket');
    await tid(triage, `ticket-${ticket.number}`).click();
    await tid(triage, 'action-complaint').click();
    await eventually(() => tid(triage, 'complaint-sheet-heading').textContent()).toContain(ticket.number);
    await tid(triage, 'complaint-category-waiting_time').click();
    await tid(triage, 'complaint-content').fill('Waited 45 minutes while two counters stood closed');
    await tid(triage, 'complaint-name').fill('Chan Tai Man');
    await tid(triage, 'complaint-phone').fill('+852 9123 4567');
    await check(triage, `complaints-form-${lang}`, 'complaint-form-sheet');
    await tid(triage, 'complaint-submit').click();
    await tid(triage, 'complaint-sheet-heading').waitFor({ state: 'detached' });
    const stored = await complaintOf(ticket.id);
    expect(stored).toMatchObject({ ticket_number: ticket.number, channel: 'hall', category: 'waiting_time', customer_name: 'Chan Tai Man', status: 'open' });

    await triage.evaluate(() => (location.hash = '#/records/complaints'));
    const row = triage.locator(`[data-testid="complaint-row"][data-id="${stored!.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    // The unanswered letter is overdue, in red, with how long.
    await eventually(() => tid(triage, 'complaint-overdue').textContent()).toMatch(/\d/);
    await check(triage, `complaints-log-${lang}`, 'complaint-log');
    await row.click();
    await eventually(() => tid(triage, 'complaint-detail-content').textContent()).toContain('Waited 45 minutes');
    // Someone else handles it: the branch head, picked from the branch's managers.
    const head = await server.app.inject({
      method: 'POST',
      url: `/api/branches/${BRANCH}/admin/users`,
      headers: await server.as('admin'),
      payload: { username: `head-${lang}`, displayName: `Branch head ${lang}`, role: 'manager', password: 'branch-head-password' },
    });
    expect(head.statusCode, head.body).toBe(201);
    const headId = head.json().id as string;
    await tid(triage, 'complaint-edit').click();
    await eventually(() => triage.locator(`[data-testid="complaint-edit-handler"] option[value="${headId}"]`).count()).toBe(1);
    await tid(triage, 'complaint-edit-handler').selectOption(headId);
    await tid(triage, 'complaint-edit-save').click();
    await eventually(async () => (await server.app.lobby.db.selectFrom('complaints').select('handler_id').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow()).handler_id).toBe(headId);
    await tid(triage, 'complaint-reply-text').fill('Apologised; a third counter now opens when the queue passes ten');
    await check(triage, `complaints-${lang}`, 'complaint-log');
    await tid(triage, 'complaint-reply').click();
    await eventually(async () => (await complaintOf(ticket.id))?.status).toBe('replied');
    await tid(triage, 'complaint-outcome').fill('Customer accepted the apology');
    await tid(triage, 'complaint-root-cause').fill('Two tellers at lunch together');
    await tid(triage, 'complaint-close').click();
    await eventually(async () => (await complaintOf(ticket.id))?.status).toBe('closed');
    await tid(triage, 'complaint-reopen').waitFor();
    expect(await complaintOf(ticket.id)).toMatchObject({ reply: 'Apologised; a third counter now opens when the queue passes ten', root_cause: 'Two tellers at lunch together', replied_at: expect.any(String) });
    await check(triage, `complaints-closed-${lang}`, 'complaint-log');
  }, 120_000);

  it('logs a complaint from the counter page’s current ticket, with the counter and teller filled', async () => {
    const teller = `teller${n}`;
    await post(`/api/counters/${counter(n)}/open`, teller, {});
    const ticket = await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service('A') });
    await post(`/api/counters/${counter(n)}/call-ticket`, teller, { ticketId: ticket.id });
    const page = await signIn(lang, teller, 'call-next');
    await eventually(() => tid(page, 'current-number').textContent()).toBe(ticket.number);
    await check(page, `complaints-counter-page-${lang}`, 'current-ticket-card');
    await tid(page, 'log-complaint').click();
    await eventually(() => tid(page, 'complaint-sheet-heading').textContent()).toContain(ticket.number);
    await eventually(() => tid(page, 'complaint-counter').textContent()).toContain(String(n));
    await tid(page, 'complaint-category-staff_attitude').click();
    await tid(page, 'complaint-content').fill('The customer felt rushed');
    await check(page, `complaints-counter-${lang}`, 'complaint-form-sheet');
    await tid(page, 'complaint-submit').click();
    await tid(page, 'complaint-sheet-heading').waitFor({ state: 'detached' });
    await eventually(() => tid(page, 'counter-info').textContent()).toContain(ticket.number);
    const me = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: await server.as(teller) })).json();
    expect(await complaintOf(ticket.id)).toMatchObject({ counter_id: counter(n), teller_id: me.id, received_by: me.id, category: 'staff_attitude', channel: 'hall' });
  }, 120_000);
});
