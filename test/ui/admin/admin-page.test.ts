/**
 * The admin page in a real browser against a real server: it sends what the forms say, holds back
 * what the browser can already tell is wrong, and shows the server's refusals.
 */
import { describe, expect, it } from 'vitest';
import { BRANCH, service } from '../../helpers/test-app.js';
import { changesSent, useAdminBrowser, type Locale } from './admin-browser.js';

const browser = useAdminBrowser();
const t = () => browser.t();
const openAdminPage = (username = 'manager', locale: Locale = 'en') => browser.open({ username, locale });

const services = () => t().app.lobby.db.selectFrom('services').selectAll().where('branch_id', '=', BRANCH).orderBy('prefix').execute();

describe('<admin-page>', () => {
  it('adds a service through the form, and the kiosk can then issue its tickets', async () => {
    const p = await openAdminPage();
    await p.fill('admin-services input[name=prefix]', 'f');
    await p.fill('admin-services input[name=nameZhHant]', '養老金');
    await p.fill('admin-services input[name=nameZhHans]', '养老金');
    await p.fill('admin-services input[name=nameEn]', 'Pensions');
    await p.fill('admin-services input[name=targetWaitMinutes]', '12');
    await p.click('admin-services [data-testid=admin-save]');
    await p.locator('[data-testid=admin-service-F]').waitFor();
    await expect.poll(() => p.locator('[data-testid=admin-saved]').textContent()).toContain('Service added');

    const created = (await services()).find((s) => s.prefix === 'F');
    expect(created).toMatchObject({ name_en: 'Pensions', name_zh_hant: '養老金', target_wait_seconds: 720, default_service_seconds: 300, active: 1 });
    const ticket = await t().app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t().kiosk, payload: { serviceId: created!.id } });
    expect(ticket.json().number).toBe('F001');
  });

  it('checks the form in the browser and sends nothing while it is wrong', async () => {
    const p = await openAdminPage();
    const sent = changesSent(p);
    const before = await services();
    await p.fill('admin-services input[name=prefix]', 'A');
    await p.fill('admin-services input[name=targetWaitMinutes]', '0');
    await p.click('admin-services [data-testid=admin-save]');
    const problems = await p.locator('admin-services [data-testid=admin-problem]').allTextContents();
    expect(problems).toEqual(['Already used in this branch', 'Required', 'Required', 'Required', 'Enter a number from 1 to 240']);
    expect(sent).toEqual([]);
    expect(await services()).toEqual(before);
  });

  it("shows the server's own message when it refuses, and the service stays active", async () => {
    await t().app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t().kiosk, payload: { serviceId: service('B') } });
    const p = await openAdminPage();
    await p.click('[data-testid=admin-service-B]');
    await p.click('[data-testid=admin-deactivate]');
    await p.click('[data-testid=admin-confirm]');
    const error = p.locator('[data-testid=admin-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('still has 1 customer(s) in its queue');
    expect((await services()).find((s) => s.prefix === 'B')?.active).toBe(1);
  });

  it('shows a new kiosk token once, and the kiosk can use it', async () => {
    const p = await openAdminPage();
    await p.click('[data-testid=admin-tab-device-tokens]');
    await p.fill('admin-device-tokens input[name=label]', 'Kiosk by the door');
    await p.click('admin-device-tokens [data-testid=admin-save]');
    const token = (await p.locator('[data-testid=admin-token-value]').textContent())!.trim();
    const ticket = await t().app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: { authorization: `Bearer ${token}` }, payload: { serviceId: service('A') } });
    expect(ticket.statusCode).toBe(201);

    await p.click('[data-testid=admin-done]');
    expect(await p.locator('[data-testid=admin-token-value]').count()).toBe(0);
    expect(await p.locator('admin-device-tokens .record', { hasText: 'Kiosk by the door' }).count()).toBe(1);
  });

  it("assigns a counter's services by tapping them", async () => {
    const p = await openAdminPage();
    await p.click('[data-testid=admin-tab-counters]');
    await p.click('[data-testid=admin-counter-2]');
    await p.click('[data-testid=admin-counter-service-A]');
    await p.click('[data-testid=admin-counter-service-V]');
    await p.click('admin-counters [data-testid=admin-save]');
    await p.locator('admin-counters [data-testid=admin-saved]').waitFor();
    const links = await t().app.lobby.db.selectFrom('counter_services').select('service_id').where('counter_id', '=', 'demo-counter-2').orderBy('service_id').execute();
    expect(links.map((l) => l.service_id)).toEqual([service('B'), service('D'), service('V')]);
  });

  it('speaks Traditional Chinese when the console does', async () => {
    const p = await openAdminPage('admin', 'zh-Hant');
    expect(await p.locator('[data-testid=admin-tab-services]').textContent()).toContain('業務');
    expect(await p.locator('[data-testid=admin-service-A]').textContent()).toContain('現金存取');
    await p.click('[data-testid=admin-tab-counters]');
    expect(await p.locator('[data-testid=admin-counter-3]').textContent()).toContain('3號窗口');
  });
});
