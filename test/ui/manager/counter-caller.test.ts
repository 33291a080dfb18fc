/**
 * The teller's caller in real Chromium against the real server, at 1024×768: no-show disabled until
 * a recall, asked once and undone; a shortcut arriving as 'Process' from a Chinese input method;
 * complete and call next; calling a specific number; pausing with a reason; and the page in every locale.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const TELLER_SCREEN = { width: 1024, height: 768 };

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function post(url: string, username: string, payload?: object) {
  const res = await server.app.inject({ method: 'POST', url, headers: await server.as(username), ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

const issue = async (prefix: string, tier = 'regular'): Promise<{ id: string; number: string }> =>
  (await post(`/api/branches/${BRANCH}/tickets`, 'manager', { serviceId: service(prefix), tier })).json();

const ticketRow = (number: string) =>
  server.app.lobby.db.selectFrom('tickets').select(['id', 'status', 'counter_id']).where('number', '=', number).orderBy('issued_at', 'desc').executeTakeFirstOrThrow();

async function signIn(username: string, lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TELLER_SCREEN })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'call-next').waitFor();
  return page;
}

/** A key as a Chinese input method delivers it while composing: `key` is 'Process', only `code` says which key it was. */
const pressWhileComposing = (page: Page, code: string) =>
  page.evaluate((code) => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', code, isComposing: true, bubbles: true })), code);

describe('the teller’s caller', () => {
  let page: Page;
  let first: { id: string; number: string };
  let second: { id: string; number: string };
  let loans: { id: string; number: string };

  it('lists the waiting customers in call order and calls the next with Space', async () => {
    await post(`/api/counters/${counter(1)}/open`, 'teller1');
    loans = await issue('B');
    second = await issue('A');
    first = await issue('A', 'priority');
    page = await signIn('teller1', 'en');
    // A priority customer who came last is called first: the order the next calls will take.
    await eventually(async () => (await page.locator('counter-waiting-list li .number').allInnerTexts()).map((text) => text.trim())).toEqual([
      first.number,
      loans.number,
      second.number,
    ]);
    await page.keyboard.press('Space');
    await eventually(() => tid(page, 'current-number').innerText()).toBe(first.number);
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`Called ${first.number}`);
  }, 60_000);

  it('keeps No-show disabled until the customer was recalled, and says why', async () => {
    await expect.poll(() => tid(page, 'no-show').isDisabled()).toBe(true);
    expect(await tid(page, 'no-show-hint').innerText()).toBe('Recall once before a no-show');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    expect((await ticketRow(first.number)).status).toBe('called');

    await tid(page, 'recall').click();
    await eventually(() => tid(page, 'no-show').isDisabled()).toBe(false);
    expect(await page.locator('[data-testid="no-show-hint"]').count()).toBe(0);
  }, 60_000);

  it('asks once in place before marking the no-show, then offers to undo it, and the undo brings the customer back', async () => {
    await tid(page, 'no-show').click();
    await eventually(() => tid(page, 'no-show').innerText()).toContain('Press again to confirm no-show');
    expect((await ticketRow(first.number)).status).toBe('called');
    await page.screenshot({ path: join(SCREENSHOTS, 'counter-no-show-confirm-en-1024x768.png') });

    await tid(page, 'no-show').click();
    await eventually(async () => (await ticketRow(first.number)).status).toBe('no_show');
    await eventually(() => tid(page, 'undo-no-show').innerText()).toContain(`Marked ${first.number} as no-show`);
    await page.screenshot({ path: join(SCREENSHOTS, 'counter-no-show-undo-en-1024x768.png') });

    await tid(page, 'undo').click();
    await eventually(async () => (await ticketRow(first.number)).status).toBe('called');
    await eventually(() => tid(page, 'current-number').innerText()).toBe(first.number);
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`${first.number} is back at your counter`);
  }, 60_000);

  it('acts on a shortcut whose key is "Process" (a Chinese input method composing), by its code', async () => {
    await pressWhileComposing(page, 'KeyS');
    await eventually(async () => (await ticketRow(first.number)).status).toBe('serving');
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`Serving ${first.number}`);
  }, 60_000);

  it('completes and calls the next in one action', async () => {
    await tid(page, 'complete-and-call-next').click();
    await eventually(async () => (await ticketRow(loans.number)).status).toBe('called');
    expect((await ticketRow(first.number)).status).toBe('done');
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`Completed ${first.number} · Called ${loans.number}`);
  }, 60_000);

  it('calls a specific waiting number, recorded as called directly', async () => {
    await tid(page, 'start').click();
    await eventually(() => tid(page, 'complete').isDisabled()).toBe(false);
    await tid(page, 'complete').click();
    await eventually(() => tid(page, `call-${second.number}`).isDisabled()).toBe(false);
    await tid(page, `call-${second.number}`).click();
    await eventually(async () => (await ticketRow(second.number)).status).toBe('called');
    await eventually(() => tid(page, 'counter-info').innerText()).toBe(`Called ${second.number} directly`);
    const call = await server.app.lobby.db.selectFrom('events').select('payload').where('ticket_id', '=', second.id).where('type', '=', 'ticket.called').executeTakeFirstOrThrow();
    expect(JSON.parse(call.payload).calledDirectly).toBe(true);
  }, 60_000);

  it('pauses with a reason, shown on the page and kept on the counter', async () => {
    await tid(page, 'start').click();
    await eventually(() => tid(page, 'complete').isDisabled()).toBe(false);
    await tid(page, 'complete').click();
    await eventually(() => tid(page, 'call-next').isDisabled()).toBe(false);
    await tid(page, 'pause').click();
    await tid(page, 'pause-reasons').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'counter-pause-reasons-en-1024x768.png') });
    await tid(page, 'pause-lunch').click();
    await eventually(() => tid(page, 'counter-state').innerText()).toBe('Paused · Lunch');
    const row = await server.app.lobby.db.selectFrom('counters').select(['status', 'pause_reason']).where('id', '=', counter(1)).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'paused', pause_reason: 'lunch' });
    await tid(page, 'resume').click();
    await eventually(() => tid(page, 'counter-state').innerText()).toBe('Open');
  }, 60_000);
});

/** Action buttons whose key hint spills out of the button, or whose label wraps: none on a 1024 px screen. */
const crampedButtons = (page: Page) =>
  page.locator('teller-action-bar .actions button').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const box = button.getBoundingClientRect();
      const key = button.querySelector('kbd')!.getBoundingClientRect();
      const text = [...button.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
      const label = document.createRange();
      label.selectNodeContents(text);
      const lines = new Set([...label.getClientRects()].map((r) => Math.round(r.top))).size;
      const spills = key.left < box.left || key.right > box.right || key.bottom > box.bottom;
      return spills || lines > 1 ? [`${text.textContent!.trim()}: ${spills ? 'key spills out' : `${lines} lines`}`] : [];
    }),
  );

describe('the caller in every locale', () => {
  it.each([
    ['zh-Hant', 'teller2', 2, '請先重呼一次，才可過號', '指定叫號'],
    ['zh-Hans', 'teller3', 3, '请先重呼一次，才可过号', '指定叫号'],
    ['en', 'teller4', 4, 'Recall once before a no-show', 'Call a specific number'],
  ])('speaks %s, with every action button whole at 1024×768', async (lang, username, n, hint, listHeading) => {
    await post(`/api/counters/${counter(n)}/open`, username);
    await issue('A');
    await issue('A');
    const page = await signIn(username, lang);
    await tid(page, 'call-next').click();
    await eventually(() => tid(page, 'no-show-hint').innerText()).toBe(hint);
    expect(await page.locator('counter-waiting-list h2').innerText()).toBe(listHeading);
    expect(await crampedButtons(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `counter-caller-${lang}-1024x768.png`) });
    await page.context().close();
  }, 60_000);
});
