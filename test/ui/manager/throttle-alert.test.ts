/**
 * A kiosk issuing too fast, in real Chromium against the real server: the kiosk tells the customer
 * kindly to wait, the lobby manager's triage screen (a 1024×768 tablet) shows which kiosk was
 * refused, live and to a page opened later, and takes back that kiosk's recent tickets in two taps.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../../protocol/admin-schemas.js';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, service } from '../../helpers/test-app.js';

const TABLET = { width: 1024, height: 768 };
const LIMIT = 3;

let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  const res = await server.app.inject({
    method: 'PATCH',
    url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }),
    headers: await server.as('manager'),
    payload: { settings: { issuesPerDevicePerMinute: LIMIT } },
  });
  expect(res.statusCode, res.body).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${path}: ${err.message}`));
  await page.goto(`${server.base}${path}`);
  return page;
}

async function openTriage(lang: string): Promise<Page> {
  const page = await open(`/manager-ui/?lang=${lang}#/login`, TABLET);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, 'issue-ticket').waitFor();
  return page;
}

const issue = async (headers: Record<string, string>, prefix = 'A') =>
  server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers, payload: { serviceId: service(prefix) } });

const statuses = async () =>
  (await server.app.lobby.db.selectFrom('tickets').select(['issued_by_device', 'status']).execute()).map((t) => `${t.issued_by_device ? 'kiosk' : 'staff'} ${t.status}`).sort();

describe('a kiosk issuing too fast', () => {
  let triage: Page;

  it('the kiosk asks the customer kindly to wait, without a technical word', async () => {
    triage = await openTriage('en');
    expect(await triage.locator('[data-testid="throttle-alert"]').count()).toBe(0);
    expect((await issue(await server.as('manager'))).statusCode).toBe(201);
    for (let i = 0; i < LIMIT; i++) expect((await issue({ authorization: 'Bearer demo-kiosk' }, 'B')).statusCode).toBe(201);

    const kiosk = await open(`/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=en`, { width: 1080, height: 1920 });
    await tid(kiosk, 'service-D').click();
    await tid(kiosk, 'tier-regular').click();
    const failure = tid(kiosk, 'kiosk-error');
    await failure.waitFor();
    const text = (await failure.innerText()).trim();
    expect(text).toContain('Please wait a moment.');
    expect(text).toContain('Please try again in a minute, or ask our staff for help.');
    expect(text).not.toMatch(/DEVICE_RATE_LIMITED|429|tickets a minute|try again in \d/);
    await kiosk.screenshot({ path: join(SCREENSHOTS, 'kiosk-issuing-too-fast-en.png') });

    await tid(kiosk, 'back').click();
    await kiosk.goto(`${server.base}/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=zh-Hant`);
    await tid(kiosk, 'service-D').click();
    await tid(kiosk, 'tier-regular').click();
    await tid(kiosk, 'kiosk-error').waitFor();
    expect(await tid(kiosk, 'kiosk-error').innerText()).toContain('請稍候片刻。');
    await kiosk.context().close();
  });

  it('the triage screen shows which kiosk was refused, live, and to a page opened later in Chinese', async () => {
    await eventually(() => tid(triage, 'throttle-alert').textContent()).toContain('Kiosk Demo kiosk was refused 2 tickets for issuing too fast');
    expect(await tid(triage, 'throttle-alert').isVisible()).toBe(true);

    const later = await openTriage('zh-Hant');
    await eventually(() => tid(later, 'throttle-alert').textContent()).toContain('取號機 Demo kiosk 取號過快，已拒絕 2 張號票');
    await later.context().close();
  });

  it('the manager cancels that kiosk’s tickets of the last 15 minutes after seeing how many', async () => {
    await tid(triage, 'throttle-cancel-tickets').click();
    await eventually(() => tid(triage, 'device-tickets-count').textContent()).toContain(`${LIMIT} of its tickets are still waiting`);
    const confirm = tid(triage, 'device-tickets-confirm');
    expect((await confirm.textContent())?.trim()).toBe(`Cancel ${LIMIT} tickets`);
    // On the tablet the confirmation is within reach, not below the fold.
    const box = (await confirm.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(TABLET.height);
    expect(box.height).toBeGreaterThanOrEqual(48);
    await triage.screenshot({ path: join(SCREENSHOTS, 'triage-cancel-kiosk-tickets-en.png') });

    await confirm.click();
    await eventually(() => tid(triage, 'toast').textContent()).toContain(`Cancelled ${LIMIT} tickets from kiosk Demo kiosk.`);
    expect(await triage.locator('[data-testid="device-tickets"]').count()).toBe(0);
    expect(await statuses()).toEqual(['kiosk cancelled', 'kiosk cancelled', 'kiosk cancelled', 'staff waiting']);
    // The board follows: only the staff ticket still waits.
    await eventually(() => triage.locator('[data-testid^="ticket-B"]').count()).toBe(0);
  });
});
