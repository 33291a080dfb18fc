/**
 * VIP recognition at the kiosk, in real Chromium (portrait 1080×1920) against the real server, in a
 * branch that keeps a list of its VIP customers (vipRecognition 'registry'): a card reader typing
 * the card's track and Enter on the start screen, with no tap first, gets a registered customer a
 * VIP ticket; a card not on the list is told kindly, never with a name, and offered another ticket.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../../protocol/admin-schemas.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';

const KIOSK = { width: 1080, height: 1920 };
const SHOTS = '/tmp/shots';

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  const manager = await server.as('manager');
  const settings = await server.app.inject({ method: 'PATCH', url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }), headers: manager, payload: { settings: { vipRecognition: 'registry' } } });
  expect(settings.statusCode, settings.body).toBe(200);
  const added = await server.app.inject({
    method: 'POST',
    url: `/api/branches/${BRANCH}/customers`,
    headers: manager,
    payload: { name: 'Chan Tai Man 陳大文', number: '6222020200012345', tier: 'vip' },
  });
  expect(added.statusCode, added.body).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();

async function openKiosk(lang: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: KIOSK })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] kiosk: ${err.message}`));
  await page.goto(`${server.base}/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=${lang}`);
  await tid(page, 'service-A').waitFor();
  return page;
}

/**
 * What a USB magnetic-stripe reader sends: the track's keys and Enter, a millisecond or so apart.
 * Sent inside the page, to whatever has the focus: Playwright's own typing goes through the
 * DevTools protocol, whose round trips on a loaded test machine can be slower than any reader.
 */
async function swipe(page: Page, track: string) {
  await page.evaluate((keys) => {
    for (const key of keys) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  }, [...track, 'Enter']);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

const lastTicket = () => server.app.lobby.db.selectFrom('tickets').select(['number', 'tier', 'customer_id']).orderBy('issued_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('VIP recognition at the kiosk', () => {
  it('a registered VIP swipes their card on the start screen and gets a VIP ticket', async () => {
    const page = await openKiosk('en');
    await swipe(page, ';6222020200012345=25121010000000000000?');
    await tid(page, 'card-read').waitFor();
    await page.screenshot({ path: `${SHOTS}/customers-kiosk-card-read-en.png` });
    await tid(page, 'service-D').click();
    const number = tid(page, 'ticket-number');
    await number.waitFor();
    const ticket = await lastTicket();
    expect(ticket).toMatchObject({ number: (await number.innerText()).trim(), tier: 'vip', customer_id: expect.any(String) });
    expect(await page.locator('body').innerText()).not.toContain('Chan');
    await page.close();
  });

  it('a person typing slowly on a keyboard is not taken for a card reader', async () => {
    const page = await openKiosk('en');
    await page.keyboard.type('62220202', { delay: 150 });
    await page.keyboard.press('Enter');
    // A person's Enter is not a swipe: the start screen stays as it was (no "card read").
    await tid(page, 'service-A').waitFor();
    expect(await page.locator('[data-testid="card-read"]').count()).toBe(0);
    await page.close();
  });

  it.each(['en', 'zh-Hant', 'zh-Hans'])('a card not on the list is told kindly, without a name, and may take a regular ticket (%s)', async (lang) => {
    const page = await openKiosk(lang);
    await swipe(page, ';6222020200099999=2512?');
    await tid(page, 'card-read').waitFor();
    await tid(page, 'service-D').click();
    const refusal = tid(page, 'vip-refused');
    await refusal.waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Chan|陳|VIP_NOT_RECOGNISED|409/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/customers-kiosk-refused-${lang}.png` });
    const before = await lastTicket().catch(() => null);
    await tid(page, 'vip-refused-regular').click();
    await tid(page, 'ticket-number').waitFor();
    const ticket = await lastTicket();
    expect(ticket.number).not.toBe(before?.number);
    expect(ticket).toMatchObject({ tier: 'regular', customer_id: null });
    await page.close();
  });

  it('on the VIP screen, a swipe sends the card number without its expiry digits', async () => {
    const page = await openKiosk('en');
    // The VIP banking tile is the kiosk's VIP entry: it asks for the number at once.
    await tid(page, 'service-V').click();
    await tid(page, 'vip-ref').waitFor();
    await page.screenshot({ path: `${SHOTS}/customers-kiosk-vip-screen-en.png` });
    await swipe(page, ';6222020200012345=25121010000000000000?');
    await tid(page, 'ticket-number').waitFor();
    expect(await lastTicket()).toMatchObject({ tier: 'vip', customer_id: expect.any(String) });
    await page.close();
  });
});
