/**
 * Undo on the triage board and the batch divert asked per customer, in real Chromium against the
 * real server at 1024×768: a divert, tier change, transfer or cancel is offered for undo and the
 * undo puts the ticket back in its place in the column; the what-if divert proposes customers and
 * diverts each only when the manager taps them after asking. Every locale, looked at and checked by axe.
 */
import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, service } from '../../helpers/test-app.js';

const TABLET = { width: 1024, height: 768 };
const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function issue(prefix: string, tier = 'regular'): Promise<{ id: string; number: string }> {
  const res = await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: await server.as('manager'), payload: { serviceId: service(prefix), tier } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const statusOf = async (id: string) => (await server.app.lobby.db.selectFrom('tickets').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** The waiting tickets of a column as the board lists them: in call order. */
const columnOrder = (page: Page, prefix: string) =>
  page.locator(`[data-testid="queue-list-${prefix}"] [data-testid^="ticket-"]`).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.testid!.slice('ticket-'.length)));

async function signIn(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TABLET })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'queue-A').waitFor();
  return page;
}

/** axe's serious and critical findings on the page, one line per rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** A morning's cash queue: `count` regular tickets and one priority ticket in the middle. */
async function cashQueue(count: number) {
  const tickets = [];
  for (let i = 0; i < count; i++) tickets.push(await issue('A', i === Math.floor(count / 2) ? 'priority' : 'regular'));
  return tickets;
}

describe('undo on the triage board', () => {
  let page: Page;
  let queue: { id: string; number: string }[];

  beforeAll(async () => {
    queue = await cashQueue(6);
    page = await signIn('en');
    await tid(page, `ticket-${queue[5].number}`).waitFor();
  }, 60_000);

  it.each<[string, (page: Page) => Promise<void>]>([
    ['a divert to the ATM', (p) => tid(p, 'action-divert-atm').click()],
    ['a move into the VIP lane', (p) => tid(p, 'action-vip').click()],
    ['a transfer to transfers (B)', (p) => tid(p, 'action-transfer-B').click()],
    ['a cancel', async (p) => {
      await tid(p, 'action-cancel').click();
      await tid(p, 'confirm').click();
    }],
  ])('offers undo after %s, and the undo puts the ticket back in its place in the column', async (_, act) => {
    const before = await columnOrder(page, 'A');
    const target = queue[1];
    await tid(page, `ticket-${target.number}`).click();
    await act(page);
    await eventually(() => columnOrder(page, 'A')).not.toEqual(before);
    await eventually(() => tid(page, 'undo-toast').innerText()).toContain(target.number);

    await tid(page, 'undo-button').click();
    await eventually(() => tid(page, 'undo-toast').innerText()).toBe(`${target.number} is back in its place.`);
    await eventually(() => columnOrder(page, 'A')).toEqual(before);
    expect(await statusOf(target.id)).toBe('waiting');
  }, 60_000);

  it('stops offering undo when dismissed, and the ticket stays where the action put it', async () => {
    const target = queue[0];
    await tid(page, `ticket-${target.number}`).click();
    await tid(page, 'action-divert-atm').click();
    await tid(page, 'undo-toast').waitFor();
    await page.locator('undo-toast button[aria-label]').click();
    await eventually(() => page.locator('[data-testid="undo-toast"]').count()).toBe(0);
    expect(await statusOf(target.id)).toBe('diverted');
  }, 60_000);
});

describe('batch divert, asked per customer', () => {
  it('proposes the longest waiting, and diverts each only when the manager taps them after asking', async () => {
    const page = await signIn('en');
    const waiting = await columnOrder(page, 'A');
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    await tid(page, 'divert-A').click();
    await eventually(() => tid(page, 'what-if-count').textContent()).not.toBe('');
    while (Number(await tid(page, 'what-if-count').textContent()) > 3) await tid(page, 'what-if-fewer').click();
    await tid(page, 'what-if-confirm').click();

    // The proposal: three customers, in the column's order, none diverted yet.
    const rows = page.locator('what-if-divert-list li');
    await eventually(() => rows.count()).toBe(3);
    const proposed = (await rows.locator('.number').allInnerTexts()).map((n) => n.trim());
    const longest = [...waiting].sort().slice(0, 3);
    expect([...proposed].sort()).toEqual(longest);
    const tickets = await server.app.lobby.db.selectFrom('tickets').select(['id', 'number', 'status']).where('number', 'in', proposed).where('status', '=', 'waiting').execute();
    expect(tickets).toHaveLength(3);
    const idOf = (number: string) => tickets.find((t) => t.number === number)!.id;

    await tid(page, `ask-divert-${proposed[0]}`).click();
    await eventually(() => tid(page, `ask-${proposed[0]}`).getAttribute('data-answer')).toBe('diverted');
    expect(await Promise.all(proposed.map((n) => statusOf(idOf(n))))).toEqual(['diverted', 'waiting', 'waiting']);

    await tid(page, `ask-skip-${proposed[1]}`).click();
    await tid(page, `ask-divert-${proposed[2]}`).click();
    await eventually(() => tid(page, `ask-${proposed[2]}`).getAttribute('data-answer')).toBe('diverted');
    expect(await tid(page, `ask-${proposed[1]}`).getAttribute('data-answer')).toBe('skipped');
    expect(await Promise.all(proposed.map((n) => statusOf(idOf(n))))).toEqual(['diverted', 'waiting', 'diverted']);
    expect(await tid(page, 'ask-summary').innerText()).toBe('2 of 3 diverted');

    // A customer who changed their mind: the row's undo puts them back in the queue.
    await tid(page, `ask-undo-${proposed[0]}`).click();
    await eventually(() => statusOf(idOf(proposed[0]))).toBe('waiting');
    await eventually(() => tid(page, `ask-${proposed[0]}`).getAttribute('data-answer')).toBe('to-ask');

    await tid(page, 'what-if-done').click();
    await eventually(() => page.locator('[data-testid="what-if"]').count()).toBe(0);
    await eventually(() => columnOrder(page, 'A')).toContain(proposed[0]);
  }, 90_000);

  it('marks a proposed customer called meanwhile, and offers no divert for them', async () => {
    const page = await signIn('en');
    await tid(page, 'divert-A').click();
    await tid(page, 'what-if-confirm').click();
    const first = (await page.locator('what-if-divert-list li .number').first().innerText()).trim();
    const ticket = await server.app.lobby.db.selectFrom('tickets').select('id').where('number', '=', first).where('status', '=', 'waiting').executeTakeFirstOrThrow();
    const teller = await server.as('teller1');
    await server.app.inject({ method: 'POST', url: '/api/counters/demo-counter-1/open', headers: teller });
    const called = await server.app.inject({ method: 'POST', url: '/api/counters/demo-counter-1/call-ticket', headers: teller, payload: { ticketId: ticket.id } });
    expect(called.statusCode, called.body).toBe(200);
    await eventually(() => tid(page, `ask-${first}`).getAttribute('data-answer')).toBe('moved-on');
    expect(await page.locator(`[data-testid="ask-divert-${first}"]`).count()).toBe(0);
    await server.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/cancel`, headers: teller });
  }, 60_000);
});

describe.each(LANGS)('in %s at 1024×768', (lang) => {
  it('shows the undo offer and the customers to ask whole, with no serious or critical axe violations', async () => {
    await cashQueue(4);
    const page = await signIn(lang);
    const [first] = await columnOrder(page, 'A');
    await tid(page, `ticket-${first}`).click();
    await tid(page, 'action-divert-atm').click();
    await tid(page, 'undo-button').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/undo-${lang}.png` });
    await tid(page, 'undo-button').click();
    await eventually(() => columnOrder(page, 'A')).toContain(first);

    await tid(page, 'divert-A').click();
    await tid(page, 'what-if-confirm').click();
    await eventually(() => page.locator('what-if-divert-list li').count()).toBeGreaterThan(0);
    const row = (await page.locator('what-if-divert-list li .number').first().innerText()).trim();
    await tid(page, `ask-divert-${row}`).click();
    await eventually(() => tid(page, `ask-${row}`).getAttribute('data-answer')).toBe('diverted');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/undo-ask-${lang}.png` });
    await tid(page, `ask-undo-${row}`).click();
    await eventually(() => tid(page, `ask-${row}`).getAttribute('data-answer')).toBe('to-ask');
    await page.context().close();
  }, 90_000);
});
