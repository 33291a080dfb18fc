/**
 * Every screen at its target size in each language, as a person would see it. The PNGs go to
 * test-results/screenshots (ignored by git) for people to look at; the test itself checks that
 * each shot shows the screen it is named after (a failed sign-in fails it), that nothing overflows
 * the screen sideways and that no page threw an error.
 */
import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS, startUiServer, type BrowserTestApp } from '../helpers/browser.js';
import { startBusyHall, type BusyHall } from '../helpers/busy-hall.js';
import { counter, service } from '../helpers/test-app.js';

const LANGS = ['zh-Hant', 'zh-HK', 'zh-Hans', 'en'] as const;
let server: BrowserTestApp;
let browser: Browser;
const errors: string[] = [];
let firstTicketId = '';

const post = async (url: string, headers: Record<string, string>, payload?: object) => {
  const res = await server.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
};

beforeAll(async () => {
  server = await startUiServer({ realTime: true });
  browser = await launchChromium();
  // A busy morning: tickets in most services and tiers, four counters open, a few calls made.
  const tickets: [string, string][] = [['A', 'regular'], ['A', 'priority'], ['B', 'regular'], ['A', 'vip'], ['C', 'regular'], ['D', 'regular'], ['A', 'regular'], ['E', 'regular'], ['B', 'priority'], ['A', 'regular'], ['C', 'regular']];
  for (const [prefix, tier] of tickets) {
    const ticket = await post('/api/branches/demo/tickets', server.kiosk, { serviceId: service(prefix), tier });
    firstTicketId ||= ticket.id;
  }
  for (const n of [1, 2, 3, 6]) {
    const teller = await server.as(`teller${n}`);
    await post(`/api/counters/${counter(n)}/open`, teller);
    await post(`/api/counters/${counter(n)}/call-next`, teller);
  }
  await post(`/api/counters/${counter(4)}/open`, await server.as('teller4'));
  await post(`/api/counters/${counter(4)}/pause`, await server.as('teller4'));
  // The kiosk offers a machine only when it saves time; here from any wait, so the offer can be shot.
  const settings = await server.app.inject({ method: 'PATCH', url: '/api/branches/demo/admin/branch', headers: await server.as('manager'), payload: { settings: { selfServiceMinSavingSeconds: 0 } } });
  if (settings.statusCode !== 200) throw new Error(settings.body);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const testid = (id: string) => `[data-testid="${id}"]`;
const TIMEOUT = 15_000;

/** What a shot must show before it is taken: each selector (or one of its comma-separated alternatives) visible. */
type Ready = string | string[];

async function waitVisible(page: Page, selectors: Ready, what: string) {
  for (const selector of [selectors].flat()) {
    try {
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (err) {
      throw new Error(`${what}: ${selector} is not visible (${(err as Error).message.split('\n')[0]})`);
    }
  }
}

/**
 * Waits until no finite CSS animation or transition is running (an infinite one, such as the display's
 * flashing call or its ticker, never ends and is taken as it is). Walks the shadow roots, which
 * `document.getAnimations()` leaves out.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      return roots
        .flatMap((root) => root.getAnimations())
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
    },
    undefined,
    { timeout: TIMEOUT },
  );
}

async function shoot(name: string, path: string, viewport: { width: number; height: number }, ready: Ready, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`));
    // A path is on the main server; a full address (the busy hall's) is taken as it is.
    await page.goto(new URL(path, server.base).href);
    await page.waitForLoadState('networkidle');
    if (prepare) await prepare(page);
    await waitVisible(page, ready, name);
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    return await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  } finally {
    await context.close();
  }
}

/** Signs in and checks that the console shows `landing`, the signed-in page's own test id; a refused sign-in fails the test. */
async function signIn(page: Page, username: string, landing: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  const signedIn = page.locator(testid(landing)).first();
  const refused = page.locator(testid('login-error'));
  try {
    await signedIn.or(refused).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`signing in as ${username}: neither the page (${landing}) nor a sign-in error showed`);
  }
  if (await refused.isVisible()) throw new Error(`signing in as ${username} failed: ${(await refused.textContent())?.trim()}`);
  expect(await signedIn.isVisible(), `${username} signed in and sees ${landing}`).toBe(true);
}

/** Signs the manager in (landing on triage) and goes to another page of the console. */
async function openPage(page: Page, route: string) {
  await signIn(page, 'manager', 'queue-A');
  await page.evaluate((r) => (location.hash = `#/${r}`), route);
}

/** Taps the first element whose data-testid is `id`, or starts with it when it ends in `*`. */
const tap = (id: string) => async (page: Page) => {
  const selector = id.endsWith('*') ? `[data-testid^="${id.slice(0, -1)}"]` : testid(id);
  await page.locator(selector).first().click();
};
/** Taps one after another (the kiosk asks the tier after the service). */
const taps = (...ids: string[]) => async (page: Page) => {
  for (const id of ids) await tap(id)(page);
};

describe.each(LANGS)('screens in %s', (lang) => {
  const kiosk = `/kiosk-ui/?branch=demo&token=demo-kiosk&lang=${lang}`;
  const portrait = { width: 1080, height: 1920 };
  const wall = { width: 1920, height: 1080 };
  const tablet = { width: 1280, height: 800 };
  const desktop = { width: 1366, height: 768 };
  const login = `/manager-ui/?lang=${lang}#/login`;

  it.each<[string, () => Promise<number>]>([
    ['kiosk-start', () => shoot(`kiosk-start-${lang}`, kiosk, portrait, testid('waiting-A'))],
    ['kiosk-tier', () => shoot(`kiosk-tier-${lang}`, kiosk, portrait, testid('tier-priority'), tap('service-A'))],
    ['kiosk-self-service', () => shoot(`kiosk-self-service-${lang}`, kiosk, portrait, testid('take-me-there'), taps('service-A', 'tier-regular'))],
    // The VIP banking tile is the kiosk's one VIP entry: it asks for the card or customer number at once.
    ['kiosk-vip', () => shoot(`kiosk-vip-${lang}`, kiosk, portrait, testid('vip-ref'), tap('service-V'))],
    ['kiosk-ticket', () => shoot(`kiosk-ticket-${lang}`, kiosk, portrait, [testid('ticket-number'), testid('ticket-qr')], taps('service-D', 'tier-regular'))],
    ['mobile-ticket', () => shoot(`mobile-ticket-${lang}`, `/kiosk-ui/ticket.html?id=${firstTicketId}&lang=${lang}`, { width: 390, height: 844 }, testid('ticket-number'))],
    ['display', () => shoot(`display-${lang}`, `/display-ui/?branch=demo&token=demo-display&lang=${lang}`, wall, testid('waiting-A'))],
    ['display-counter', () => shoot(`display-counter-3-${lang}`, `/display-ui/?branch=demo&token=demo-display&counter=3&lang=${lang}`, { width: 1280, height: 720 }, testid('counter-number'))],
    ['manager-login', () => shoot(`manager-login-${lang}`, login, tablet, 'button[type=submit]')],
    ['triage', () => shoot(`triage-${lang}`, login, tablet, testid('queue-A'), (p) => signIn(p, 'manager', 'queue-A'))],
    ['triage-sheet', () => shoot(`triage-sheet-${lang}`, login, tablet, testid('sheet-ticket-number'), async (p) => {
      await signIn(p, 'manager', 'queue-A');
      await tap('ticket-A*')(p);
    })],
    // Teller 1 has counter 1 open with a customer called (see beforeAll).
    ['counter', () => shoot(`counter-${lang}`, login, desktop, testid('current-number'), (p) => signIn(p, 'teller1', 'call-next'))],
    ['admin', () => shoot(`admin-${lang}`, login, tablet, testid('admin-service-A'), (p) => signIn(p, 'admin', 'admin-tab-services'))],
    ['staffing', () => shoot(`staffing-${lang}`, login, tablet, `${testid('staffing-chart')}, ${testid('staffing-empty')}`, (p) => openPage(p, 'staffing'))],
    ['reports', () => shoot(`reports-${lang}`, login, tablet, [`${testid('accuracy-table')}, ${testid('accuracy-empty')}`, `${testid('arrivals-chart')}, ${testid('arrivals-empty')}`], (p) => openPage(p, 'reports'))],
    ['what-if', () => shoot(`what-if-${lang}`, login, tablet, [testid('what-if-mean-with'), `${testid('what-if-forecast')}[aria-busy="false"]`], async (p) => {
      await signIn(p, 'manager', 'queue-A');
      await tap('counter-5')(p);
      await tap('counter-open')(p);
    })],
  ])('%s fits the screen', async (_name, take) => {
    expect(await take()).toBeLessThanOrEqual(0);
  });
});

describe('triage on a busy morning: 60 waiting for cash, waits past two hours', () => {
  let hall: BusyHall;
  beforeAll(async () => {
    hall = await startBusyHall();
  }, 180_000);
  afterAll(() => hall?.server.close());

  describe.each(LANGS)('in %s', (lang) => {
    it.each([
      { width: 1024, height: 768 },
      { width: 1280, height: 800 },
    ])('fits $width×$height', async (viewport) => {
      const login = `${hall.server.base}/manager-ui/?lang=${lang}#/login`;
      const name = `triage-busy-${viewport.width}x${viewport.height}-${lang}`;
      expect(await shoot(name, login, viewport, testid('issue-ticket'), (p) => signIn(p, 'manager', 'queue-A'))).toBeLessThanOrEqual(0);
    });
  });
});

describe('all screens', () => {
  it('threw no page errors', () => {
    writeFileSync(join(SCREENSHOTS, 'page-errors.txt'), errors.join('\n'));
    expect(errors).toEqual([]);
  });
});
