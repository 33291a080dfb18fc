/**
 * A customer called but not at the counter, in real Chromium at the tablet's 1024×768, in each language:
 * past the branch's threshold (30 s here, set through the admin API) triage's alert bar names the number,
 * the counter and the minutes; a tap opens that counter's sheet, whose Recall calls the customer again
 * (the display's ticket.recalled) and whose No-show waits for the branch's recall rule, asks once, then
 * marks it. The teller's page points it out too. No serious or critical axe findings.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const SHOTS = '/tmp/shots';
const TABLET = { width: 1024, height: 768 };
const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const THRESHOLD_SECONDS = 30;

/**
 * Real time shifted to a Monday morning, which the test moves on: the browser reads the server's clock
 * through the offset of each snapshot it receives, so after `advance` one event brings it along.
 */
function movableMorningClock() {
  let shiftMs = Date.parse('2026-11-23T02:00:00.000Z') - Date.now();
  return {
    now: () => new Date(Date.now() + shiftMs),
    set: () => {},
    advance: (ms: number) => {
      shiftMs += ms;
    },
  };
}

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ clock: movableMorningClock() });
  browser = await launchChromium();
  const res = await server.app.inject({
    method: 'PATCH',
    url: `/api/branches/${BRANCH}/admin/branch`,
    headers: await server.as('manager'),
    payload: { settings: { absentAlertSeconds: THRESHOLD_SECONDS } },
  });
  expect(res.statusCode, res.body).toBe(200);
  await post(`/api/counters/${counter(3)}/open`, 'teller3');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const text = async (page: Page, id: string) => (await tid(page, id).innerText()).replace(/\s+/g, ' ').trim();

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

const issue = (prefix: string): Promise<{ id: string; number: string }> => post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service(prefix) });

const ticketRow = (id: string) => server.app.lobby.db.selectFrom('tickets').select(['status', 'call_count']).where('id', '=', id).executeTakeFirstOrThrow();
const eventsOf = async (id: string) => (await server.app.lobby.db.selectFrom('events').select('type').where('ticket_id', '=', id).orderBy('seq').execute()).map((e) => e.type);

/** Moves the hall's clock on; an event (a ticket for foreign exchange, which counter 3 does not call) brings every screen's clock along. */
async function timePasses(seconds: number, triage: Page) {
  server.clock.advance(seconds * 1000);
  const { number } = await issue('D');
  await tid(triage, `ticket-${number}`).waitFor();
}

async function signIn(username: string, lang: string, ready: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, ready).waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
}

/**
 * The English words exactly; in Chinese the number and the counter's name (3號窗口 / 3号窗口), since the
 * new sentences reach the translation catalogues after this change (their wording is in /tmp/l10n2/absent.json).
 */
const WORDS = {
  en: { counter: 'Counter 3', alert: (n: string) => `⚠ ${n} called to Counter 3, 2 min ago, not there`, teller: (n: string) => `${n} has not come: recall? R` },
  'zh-Hant': { counter: '3號窗口', alert: null, teller: null },
  'zh-Hans': { counter: '3号窗口', alert: null, teller: null },
} as const;

describe.each(LANGS)('a customer called but not at the counter, in %s', (lang) => {
  let triage: Page;
  let teller: Page;
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    ticket = await issue('A');
    triage = await signIn('manager', lang, 'issue-ticket');
    teller = await signIn('teller3', lang, 'call-next');
  }, 60_000);
  afterAll(async () => {
    await triage?.context().close();
    await teller?.context().close();
  });

  it('raises no alert within the threshold, then names the number, the counter and the minutes past it', async () => {
    await post(`/api/counters/${counter(3)}/call-next`, 'teller3');
    await eventually(() => text(teller, 'current-number')).toBe(ticket.number);
    await timePasses(THRESHOLD_SECONDS - 5, triage);
    expect(await triage.locator('[data-testid^="absent-alert-"]').count()).toBe(0);
    expect(await teller.locator('[data-testid="current-absent"]').count()).toBe(0);

    await timePasses(125 - (THRESHOLD_SECONDS - 5), triage);
    const words = WORDS[lang];
    await eventually(() => text(triage, `absent-alert-${ticket.number}`)).toContain(ticket.number);
    const alert = await text(triage, `absent-alert-${ticket.number}`);
    if (words.alert) expect(alert).toBe(words.alert(ticket.number));
    expect(alert).toContain(words.counter);
    // The teller is told too, with the key that recalls.
    await eventually(() => text(teller, 'current-absent')).toContain(ticket.number);
    if (words.teller) expect(await text(teller, 'current-absent')).toBe(words.teller(ticket.number));
    await teller.screenshot({ path: `${SHOTS}/absent-counter-${lang}.png` });
  }, 60_000);

  it('opens the counter’s sheet from the alert, with No-show refused until a recall, and says why', async () => {
    await tid(triage, `absent-alert-${ticket.number}`).click();
    await eventually(() => text(triage, 'counter-ticket-number')).toBe(ticket.number);
    expect(await tid(triage, 'counter-no-show').isDisabled()).toBe(true);
    // The teller's words for the same rule (protocol/no-show.ts).
    const hints = { en: 'Recall once before a no-show', 'zh-Hant': '請先重呼一次，才可過號', 'zh-Hans': '请先重呼一次，才可过号' } as const;
    expect(await text(triage, 'counter-no-show-hint')).toBe(hints[lang]);
    // Open, pause and close are still there beside it.
    for (const id of ['counter-open', 'counter-pause', 'counter-close']) expect(await tid(triage, id).count()).toBe(1);
    await triage.screenshot({ path: `${SHOTS}/absent-${lang}.png` });
    const violations = await seriousViolations(triage);
    expect(violations, violations.join('\n')).toEqual([]);
    expect((await ticketRow(ticket.id)).status).toBe('called');
  }, 60_000);

  it('recalls the customer: the display is sent the call again and the alert goes until the threshold passes again', async () => {
    await tid(triage, 'counter-recall').click();
    await eventually(async () => (await ticketRow(ticket.id)).call_count).toBe(2);
    expect(await eventsOf(ticket.id)).toEqual(['ticket.issued', 'ticket.called', 'ticket.recalled']);
    if (lang === 'en') await eventually(() => text(triage, 'counter-ticket-done')).toBe(`Called ${ticket.number} again`);
    await eventually(() => triage.locator(`[data-testid="absent-alert-${ticket.number}"]`).count()).toBe(0);
    await eventually(() => teller.locator('[data-testid="current-absent"]').count()).toBe(0);
    // One recall is the demo branch's rule: No-show is offered now.
    await eventually(() => tid(triage, 'counter-no-show').isDisabled()).toBe(false);
    expect(await triage.locator('[data-testid="counter-no-show-hint"]').count()).toBe(0);
  }, 60_000);

  it('asks once before the no-show, then marks it and frees the counter', async () => {
    await tid(triage, 'counter-no-show').click();
    if (lang === 'en') await eventually(() => text(triage, 'counter-no-show')).toBe('Tap again to mark no-show');
    expect((await ticketRow(ticket.id)).status).toBe('called');
    await tid(triage, 'counter-no-show').click();
    await eventually(async () => (await ticketRow(ticket.id)).status).toBe('no_show');
    if (lang === 'en') await eventually(() => text(triage, 'counter-ticket-done')).toBe(`Marked ${ticket.number} as no-show Undo`);
    await eventually(() => triage.locator('[data-testid="counter-ticket"]').count()).toBe(0);
    await triage.screenshot({ path: `${SHOTS}/absent-done-${lang}.png` });
    const counterRow = await server.app.lobby.db.selectFrom('counters').select('current_ticket_id').where('id', '=', counter(3)).executeTakeFirstOrThrow();
    expect(counterRow.current_ticket_id).toBeNull();
  }, 60_000);
});
