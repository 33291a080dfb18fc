/**
 * The staffing plan, the reports and the what-if panel in real Chromium against a real server,
 * on three past business days of tickets issued, called and completed through the API, and a
 * queue waiting this morning.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counter, Snapshot, Ticket } from '../../../protocol/schemas.js';
import { staffing } from '../../../server/src/domain/erlang-c.js';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { counter, service } from '../../helpers/test-app.js';
import type { HourBarChart } from '../../../manager-ui/src/reports/hour-bar-chart.js';
import { addDays, businessDayAt } from '../../../manager-ui/src/reports/report-period.js';

/** Real time, but movable: the history is written in the past, then the clock returns to now for the browser. */
function shiftableClock() {
  let shiftMs = 0;
  return {
    now: () => new Date(Date.now() + shiftMs),
    set: (at: Date | string) => void (shiftMs = new Date(at).getTime() - Date.now()),
    advance: (ms: number) => void (shiftMs += ms),
  };
}

const clock = shiftableClock();
let server: BrowserTestApp;
let browser: Browser;
let page: Page;
const today = businessDayAt(Date.now(), 'Asia/Shanghai');
const history = { from: addDays(today, -3), to: addDays(today, -1) };
/** 10:00 in Shanghai on a business day. */
const tenOClock = (day: string) => new Date(Date.parse(`${day}T02:00:00.000Z`));

async function call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

/** One ticket issued, called, served for exactly `serviceMinutes` and completed at counter 1. */
async function serveOne(prefix: string, serviceMinutes: number, teller: Record<string, string>) {
  // Issued by staff: the days of history pass in seconds, and a kiosk may issue only so many a minute.
  await call('POST', '/api/branches/demo/tickets', teller, { serviceId: service(prefix) });
  const ticket = await call<Ticket>('POST', `/api/counters/${counter(1)}/call-next`, teller);
  await call('POST', `/api/tickets/${ticket.id}/start`, teller);
  clock.advance(serviceMinutes * 60_000);
  await call('POST', `/api/tickets/${ticket.id}/complete`, teller);
}

const snapshot = async () => call<Snapshot>('GET', '/api/branches/demo/snapshot', await server.as('manager'));
const tid = (id: string) => page.locator(`[data-testid="${id}"]`).first();

beforeAll(async () => {
  server = await startUiServer({ clock });
  // Each past day: 12 cash customers between 10:00 and 11:00 (4 minutes each), 6 transfers between 11:00 and 12:00 (6 minutes each).
  for (let day = history.from; day <= history.to; day = addDays(day, 1)) {
    clock.set(tenOClock(day));
    const teller = await call<{ token: string }>('POST', '/api/auth/login', {}, { username: 'teller1', password: 'demo' }).then((r) => ({ authorization: `Bearer ${r.token}` }));
    await call('POST', `/api/counters/${counter(1)}/open`, teller);
    for (let i = 0; i < 12; i++) {
      clock.set(new Date(tenOClock(day).getTime() + i * 5 * 60_000));
      await serveOne('A', 4, teller);
    }
    for (let i = 0; i < 6; i++) {
      clock.set(new Date(tenOClock(day).getTime() + 3600_000 + i * 10 * 60_000));
      await serveOne('B', 6, teller);
    }
    await call('POST', `/api/counters/${counter(1)}/close`, teller);
  }
  clock.set(new Date());
  // This morning: seven cash customers waiting, nobody at a counter.
  for (let i = 0; i < 7; i++) await call('POST', '/api/branches/demo/tickets', server.kiosk, { serviceId: service('A') });

  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${server.base}/manager-ui/?lang=en#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid('queue-A').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Chooses a period on the page's period form. */
async function choosePeriod(from: string, to: string) {
  await tid('period-from').fill(from);
  await tid('period-to').fill(to);
  await tid('period-apply').click();
}

describe('staffing plan', () => {
  it('plans counters per hour from the branch’s own arrivals, for 80% called within 10 minutes', async () => {
    await tid('nav-staffing').click();
    await tid('staffing-table').waitFor();
    await choosePeriod(history.from, history.to);
    await expect.poll(() => page.locator('[data-testid^="staffing-hour-"]').count()).toBe(2);
    // 12 cash customers an hour, 4 minutes each; 6 transfers, 6 minutes each.
    const cash = staffing({ arrivalsPerHour: 12, meanServiceSeconds: 240, serviceLevel: 0.8, targetSeconds: 600 }).counters;
    const ten = tid('staffing-hour-10');
    await expect.poll(() => ten.textContent()).toContain('10:00–11:00');
    expect((await ten.locator('td').nth(1).textContent())?.trim()).toBe('12');
    expect((await ten.locator('.shared').textContent())?.trim()).toBe(String(cash));
    expect(await tid('staffing-chart').evaluate((el) => (el as HourBarChart).chart?.data.labels)).toEqual(['10:00', '11:00']);
  });

  it('needs more counters for a stricter target', async () => {
    await tid('target-percent').fill('95');
    await tid('target-minutes').fill('1');
    await tid('target-apply').click();
    const strict = staffing({ arrivalsPerHour: 12, meanServiceSeconds: 240, serviceLevel: 0.95, targetSeconds: 60 }).counters;
    expect(strict).toBeGreaterThan(1);
    await expect.poll(() => tid('staffing-hour-10').locator('.shared').textContent()).toBe(String(strict));
  });

  it('says plainly when there is no history to plan from', async () => {
    await choosePeriod('2020-01-01', '2020-01-07');
    await expect.poll(() => tid('staffing-empty').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="staffing-table"]').count()).toBe(0);
  });
});

describe('reports', () => {
  it('shows the accuracy of promised waits and the arrivals by hour for the period', async () => {
    await tid('nav-reports').click();
    await tid('accuracy-report').waitFor();
    await choosePeriod(history.from, history.to);
    await expect.poll(() => tid('accuracy-tickets').textContent()).toBe('54');
    expect(await tid('accuracy-A').locator('td').nth(1).textContent()).toBe('36');
    const hours = await tid('arrivals-table').locator('tbody tr td:first-child').allTextContents();
    expect(hours).toEqual(['10:00–11:00', '11:00–12:00']);
  });

  it('says plainly when the period has no tickets', async () => {
    await choosePeriod('2020-01-01', '2020-01-07');
    await expect.poll(() => tid('accuracy-empty').isVisible()).toBe(true);
    await expect.poll(() => tid('arrivals-empty').isVisible()).toBe(true);
  });
});

describe('what-if on the triage screen', () => {
  it('previews sending 5 cash customers to the ATM, then diverts the 5 who waited longest as each is asked', async () => {
    await tid('nav-triage').click();
    await tid('divert-A').click();
    await expect.poll(() => tid('what-if-count').textContent()).toBe('5');
    await tid('what-if-longest-with').waitFor();
    expect(await tid('what-if-mean-baseline').textContent()).toMatch(/\d+ min/);
    const before = (await snapshot()).tickets.filter((t) => t.status === 'waiting').sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    await tid('what-if-confirm').click();
    // Proposed, then asked: each customer is diverted only when the manager taps them.
    for (const ticket of before.slice(0, 5)) {
      await tid(`ask-divert-${ticket.number}`).click();
      await expect.poll(() => tid(`ask-${ticket.number}`).getAttribute('data-answer')).toBe('diverted');
    }
    await tid('what-if-done').click();
    await expect.poll(() => page.locator('[data-testid="what-if"]').count()).toBe(0);
    const waiting = (await snapshot()).tickets.filter((t) => t.status === 'waiting').map((t) => t.number);
    expect(waiting).toEqual(before.slice(5).map((t) => t.number));
    await expect.poll(() => tid('queue-A').locator('[data-testid^="ticket-"]').count()).toBe(2);
  });

  it('opens a closed counter for a free teller chosen on the spot', async () => {
    await tid('counter-4').click();
    await tid('counter-open').click();
    await tid('what-if-teller-teller4').click();
    await tid('what-if-longest-with').waitFor();
    // A ticket taken now: the triage header's own estimate (rounded up), and what the open counter makes of it.
    const estimateA = Math.ceil((await snapshot()).queues.find((q) => q.serviceId === service('A'))!.estimatedWaitSeconds / 60);
    await expect.poll(() => tid('what-if-ticket-now-A').textContent()).toMatch(new RegExp(`^A: ${estimateA} → \\d+ min$`));
    await page.screenshot({ path: `${SCREENSHOTS}/what-if-ticket-now-en.png` });
    expect(await tid('what-if-confirm').textContent()).toContain('Teller 4');
    await tid('what-if-confirm').click();
    await expect.poll(async () => (await snapshot()).counters.find((c) => c.number === 4)).toMatchObject({ status: 'open', tellerName: 'Teller 4' });
  });

  it('moves counter 3 to foreign exchange after showing the effect', async () => {
    await tid('counter-3').click();
    await tid('counter-reassign').click();
    for (const prefix of ['A', 'B', 'C', 'D']) await tid(`what-if-service-${prefix}`).click();
    await tid('what-if-longest-with').waitFor();
    await tid('what-if-confirm').click();
    await expect.poll(async () => (await snapshot()).counters.find((c: Counter) => c.number === 3)?.serviceIds).toEqual([service('D')]);
  });
});

describe('console', () => {
  it('lets a manager open the admin page of their branch', async () => {
    await tid('nav-admin').click();
    await expect.poll(() => page.locator('admin-page').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('#/admin');
  });
});
