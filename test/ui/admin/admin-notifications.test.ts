/**
 * The Notifications tab of the admin page in real Chromium at the 1024×768 tablet size: an admin
 * adds a webhook pointing at a local gateway stand-in, sees its secret once and masked afterwards,
 * sends a test and reads its delivery; a manager reads the list but changes nothing. Screenshots go
 * to test-results/screenshots to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDelivery } from '../../../server/src/services/notifications/webhook-signature.js';
import { SCREENSHOTS } from '../../helpers/browser.js';
import { startRecordingServer, type RecordingServer } from '../../helpers/recording-server.js';
import { BRANCH } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const TABLET = { width: 1024, height: 768 };
let gateway: RecordingServer;

beforeEach(async () => {
  gateway = await startRecordingServer(() => 200);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterEach(() => gateway.close());

async function openTab(username: string, locale: Locale = 'en') {
  const p = await browser.open({ username, locale });
  await p.setViewportSize(TABLET);
  await p.click('[data-testid=admin-tab-notifications]');
  await p.locator('admin-notifications h2').first().waitFor();
  return p;
}

describe('the Notifications tab', () => {
  it('lets an admin add a webhook, see its secret once, send a test and read the delivery', async () => {
    const p = await openTab('admin');
    await p.fill('[data-testid=webhook-url]', `${gateway.url}/sms`);
    await p.check('[data-testid=webhook-event-ticket\\.issued]');
    await p.click('[data-testid=admin-save]');

    const secret = (await p.locator('[data-testid=webhook-secret-value]').textContent())!.trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-notifications-secret-en.png') });
    await p.click('[data-testid=admin-done]');

    const row = p.locator('admin-notifications [data-testid^=admin-webhook-]');
    await expect.poll(() => row.textContent()).toContain(`••••${secret.slice(-4)}`);
    expect(await p.locator('admin-notifications').evaluate((el) => el.shadowRoot!.textContent)).not.toContain(secret);

    await p.click('[data-testid=webhook-test]');
    const [request] = await gateway.waitFor(1);
    const body = request!.body.toString();
    expect(JSON.parse(body)).toMatchObject({ type: 'webhook.test', branchId: BRANCH });
    expect(verifyDelivery(secret, request!.headers['x-lobbyflow-timestamp'] as string, body, request!.headers['x-lobbyflow-signature'] as string)).toBe(true);

    // The gateway answered 200: the delivery says so once the list is read again.
    const delivered = p.locator('admin-webhook-deliveries [data-testid=webhook-delivery]', { hasText: 'Delivered (200)' });
    await expect
      .poll(async () => {
        await p.click('[data-testid=webhook-refresh]');
        return delivered.count();
      })
      .toBe(1);
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-notifications-en.png'), fullPage: true });
  });

  it('refuses a form without an address or event, next to the field, and sends nothing', async () => {
    const p = await openTab('admin');
    const sent = changesSent(p);
    await p.fill('[data-testid=webhook-url]', 'gateway.example');
    await p.uncheck('[data-testid=webhook-event-ticket\\.called]');
    await p.click('[data-testid=admin-save]');
    await expect.poll(() => p.locator('admin-notifications [data-testid=admin-problem]').count()).toBe(2);
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-notifications-problems-en.png') });
    expect(sent).toEqual([]);
  });

  it('shows a manager the webhooks and deliveries but no way to change them', async () => {
    const admin = await browser.t().as('admin');
    const created = await browser.t().app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/admin/webhooks`, headers: admin, payload: { url: `${gateway.url}/wechat`, events: ['ticket.called', 'ticket.ahead'] } });
    expect(created.statusCode).toBe(201);
    const p = await openTab('manager', 'zh-Hant');
    await p.click(`[data-testid=admin-webhook-${created.json().webhook.id}]`);
    await p.locator('[data-testid=webhook-no-deliveries]').waitFor();
    expect(await p.locator('admin-notifications [data-testid=admin-new]').count()).toBe(0);
    expect(await p.locator('admin-notifications [data-testid=admin-save]').count()).toBe(0);
    expect(await p.locator('[data-testid=webhook-url]').isDisabled()).toBe(true);
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-notifications-manager-zh-Hant.png') });
  });
});
