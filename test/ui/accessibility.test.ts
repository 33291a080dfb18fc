/**
 * axe-core on every screen, in real Chromium at the size it is used at (kiosk 1080×1920, wall display
 * 1920×1080, staff console 1024×768), in Chinese and English: no serious and no critical violations.
 * The failing rules are printed with the elements they found, so a failure says what to fix.
 * axe is evaluated in the page through the DevTools protocol, which the screens' CSP (no inline
 * scripts) does not block.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { startBusyHall, type BusyHall } from '../helpers/busy-hall.js';

const LANGS = ['zh-Hant', 'en'] as const;
const KIOSK = { width: 1080, height: 1920 };
const WALL = { width: 1920, height: 1080 };
const CONSOLE = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const TIMEOUT = 15_000;

let hall: BusyHall;
let browser: Browser;
let ticketId = '';

beforeAll(async () => {
  hall = await startBusyHall();
  browser = await launchChromium();
  const snapshot = await hall.server.app.inject({ method: 'GET', url: '/api/branches/demo/snapshot', headers: await hall.server.as('manager') });
  ticketId = snapshot.json().tickets.find((t: { status: string }) => t.status === 'waiting').id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hall?.server.close();
});

const testid = (id: string) => `[data-testid="${id}"]`;

/** A screen: where it is, at what size, how to reach the state to check, and what shows once it is there. */
interface Screen {
  path: (lang: string) => string;
  viewport: { width: number; height: number };
  ready: string;
  prepare?: (page: Page) => Promise<void>;
}

const tap = (id: string) => (page: Page) => page.locator(testid(id)).first().click();
/** Taps one after another, each once it shows (the kiosk asks the tier after the service). */
const taps = (...ids: string[]) => async (page: Page) => {
  for (const id of ids) await page.locator(testid(id)).first().click();
};

async function signIn(page: Page, username: string, landing: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.locator(testid(landing)).first().waitFor({ timeout: TIMEOUT });
}

const kiosk = (lang: string) => `/kiosk-ui/?branch=demo&token=demo-kiosk&lang=${lang}`;
const consolePage = (lang: string) => `/manager-ui/?lang=${lang}#/login`;
const asManager = (route: string) => async (page: Page) => {
  await signIn(page, 'manager', 'issue-ticket');
  await page.evaluate((r) => (location.hash = `#/${r}`), route);
};

const SCREENS: Record<string, Screen> = {
  'kiosk start': { path: kiosk, viewport: KIOSK, ready: testid('service-A') },
  'kiosk tier question': { path: kiosk, viewport: KIOSK, ready: testid('tier-priority'), prepare: tap('service-D') },
  'kiosk VIP number': { path: kiosk, viewport: KIOSK, ready: testid('vip-ref'), prepare: tap('service-V') },
  'kiosk self-service offer': { path: kiosk, viewport: KIOSK, ready: testid('take-me-there'), prepare: taps('service-A', 'tier-regular') },
  'kiosk ticket': { path: kiosk, viewport: KIOSK, ready: testid('ticket-qr'), prepare: taps('service-D', 'tier-regular') },
  'mobile ticket': { path: (lang) => `/kiosk-ui/ticket.html?id=${ticketId}&lang=${lang}`, viewport: PHONE, ready: testid('ticket-number') },
  display: { path: (lang) => `/display-ui/?branch=demo&token=demo-display&lang=${lang}`, viewport: WALL, ready: testid('waiting-A') },
  'display of counter 3': { path: (lang) => `/display-ui/?branch=demo&token=demo-display&counter=3&lang=${lang}`, viewport: WALL, ready: testid('counter-number') },
  'staff sign-in': { path: consolePage, viewport: CONSOLE, ready: 'button[type=submit]' },
  'triage, busy hall': { path: consolePage, viewport: CONSOLE, ready: testid('queue-A'), prepare: (p) => signIn(p, 'manager', 'issue-ticket') },
  'triage ticket sheet': {
    path: consolePage,
    viewport: CONSOLE,
    ready: testid('sheet-ticket-number'),
    prepare: async (p) => {
      await signIn(p, 'manager', 'issue-ticket');
      await tap(`ticket-${hall.transferred}`)(p);
    },
  },
  'what-if sheet': {
    path: consolePage,
    viewport: CONSOLE,
    ready: `${testid('what-if-forecast')}[aria-busy="false"]`,
    prepare: async (p) => {
      await signIn(p, 'manager', 'issue-ticket');
      await tap('counter-5')(p);
      await tap('counter-open')(p);
    },
  },
  'counter page': { path: consolePage, viewport: CONSOLE, ready: testid('current-number'), prepare: (p) => signIn(p, 'teller1', 'call-next') },
  admin: { path: consolePage, viewport: CONSOLE, ready: testid('admin-service-A'), prepare: (p) => signIn(p, 'admin', 'admin-tab-services') },
  reports: { path: consolePage, viewport: CONSOLE, ready: `${testid('accuracy-table')}, ${testid('accuracy-empty')}`, prepare: asManager('reports') },
  staffing: { path: consolePage, viewport: CONSOLE, ready: `${testid('staffing-chart')}, ${testid('staffing-empty')}`, prepare: asManager('staffing') },
};

/** axe's serious and critical findings on the page, one line per rule with the elements it names. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
}

describe.each(LANGS)('accessibility in %s', (lang) => {
  it.each(Object.keys(SCREENS))('%s has no serious or critical axe violations', async (name) => {
    const screen = SCREENS[name];
    const context = await browser.newContext({ viewport: screen.viewport });
    try {
      const page = await context.newPage();
      await page.goto(`${hall.server.base}${screen.path(lang)}`);
      await screen.prepare?.(page);
      await page.locator(screen.ready).first().waitFor({ timeout: TIMEOUT });
      // Let transitions end, so colours are measured as they settle.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
      const violations = await seriousViolations(page);
      expect(violations, `${name} (${lang}):\n${violations.join('\n')}`).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
