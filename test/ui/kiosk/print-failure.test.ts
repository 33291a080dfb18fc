/**
 * The kiosk and the hall's machines and printer, in real Chromium (portrait 1080×1920): a kiosk
 * stops suggesting the ATM once every ATM is out of service; a print that fails (window.print throws,
 * or no `afterprint` comes) is reported to the lobby manager while the customer's number stays on
 * screen with a calm word.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../../protocol/admin-schemas.js';
import type { HallAlerts } from '../../../protocol/check-routes.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';

const SHOTS = '/tmp/shots';
const KIOSK = { width: 1080, height: 1920 };
let server: BrowserTestApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** The kiosk page, with `printing` standing in for the browser's printing before the page loads. */
async function openKiosk(printing: () => void): Promise<Page> {
  const page = await (await browser.newContext({ viewport: KIOSK })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.addInitScript(printing);
  await page.goto(`${server.base}/kiosk-ui/?branch=${BRANCH}&token=demo-kiosk&lang=en`);
  await tid(page, 'service-A').waitFor();
  return page;
}

const faults = async () => {
  const res = await server.app.inject({ method: 'GET', url: `/api/branches/${BRANCH}/hall-alerts`, headers: await server.as('manager') });
  return (res.json() as HallAlerts).deviceFaults.map((f) => `${f.deviceLabel} ${f.kind} ${f.detail}`);
};

describe('the kiosk and the hall’s machines', () => {
  it('stops suggesting the ATM once every ATM is out of service', async () => {
    // The kiosk suggests a machine only when it saves time: from any wait here.
    const settings = await server.app.inject({ method: 'PATCH', url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }), headers: await server.as('manager'), payload: { settings: { selfServiceMinSavingSeconds: 0 } } });
    expect(settings.statusCode, settings.body).toBe(200);
    const page = await openKiosk(() => (window.print = () => {}));
    await tid(page, 'service-A').click();
    await tid(page, 'tier-regular').click();
    await tid(page, 'take-me-there').waitFor();
    const manager = await server.as('manager');
    const machines = await server.app.lobby.db.selectFrom('machines').select('id').where('kind', '=', 'atm').execute();
    for (const { id } of machines) {
      await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/machines/${id}/fault`, headers: manager, payload: { note: 'Cash cassette empty' } });
    }
    await page.reload();
    await tid(page, 'service-A').click();
    await tid(page, 'tier-regular').click();
    await tid(page, 'ticket-number').waitFor();
    expect(await page.locator('[data-testid="take-me-there"]').count()).toBe(0);
    await page.context().close();
  });
});

describe('a failed print', () => {
  it('is reported when window.print throws, and the customer keeps their number on screen', async () => {
    const page = await openKiosk(() => {
      window.print = () => {
        throw new Error('printer offline');
      };
    });
    await tid(page, 'service-D').click();
    await tid(page, 'tier-regular').click();
    const number = (await tid(page, 'ticket-number').innerText()).trim();
    await eventually(async () => (await tid(page, 'print-state').innerText()).trim()).toBe('Please remember your number, or scan the code with your phone.');
    expect((await tid(page, 'ticket-number').innerText()).trim()).toBe(number);
    await page.screenshot({ path: `${SHOTS}/kiosk-print-failed-en.png` });
    await eventually(faults).toEqual(['Demo kiosk print_failed printer offline']);
    await page.context().close();
  });

  it('is reported when the print never finishes (no afterprint), once until resolved', async () => {
    const [open] = await server.app.lobby.db.selectFrom('device_faults').select('id').execute();
    const res = await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/device-faults/${open!.id}/resolve`, headers: await server.as('manager') });
    expect(res.statusCode).toBe(204);
    const page = await openKiosk(() => {
      // A kiosk under automation is told apart by navigator.webdriver; this one behaves like the hall's.
      Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
      window.print = () => {};
    });
    await tid(page, 'service-D').click();
    await tid(page, 'tier-regular').click();
    await tid(page, 'ticket-number').waitFor();
    await eventually(faults).toEqual(['Demo kiosk print_failed no afterprint within 8 s']);
    expect((await tid(page, 'print-state').innerText()).trim()).toBe('Please remember your number, or scan the code with your phone.');
    await page.context().close();
  }, 30_000);
});
