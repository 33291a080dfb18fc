/**
 * The triage board on a busy morning (60 waiting for cash, waits past two hours), in real Chromium at the
 * tablet sizes staff use, in each language: the counters strip and 派號 stay on screen, the lists scroll
 * inside their columns, the top bar's page names stay on one line, and every figure shows whole.
 * Also: the call order and the transfer marker, each service's own thresholds, and how sheets close.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/browser.js';
import { startBusyHall, WAITING_IN_A, type BusyHall } from '../../helpers/busy-hall.js';

const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
];
const MINUTES: Record<(typeof LANGS)[number], RegExp> = { 'zh-Hant': /^\d+ 分鐘$/, 'zh-Hans': /^\d+ 分钟$/, en: /^\d+ min$/ };

let hall: BusyHall;
let browser: Browser;

beforeAll(async () => {
  hall = await startBusyHall();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hall?.server.close();
});

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

async function openTriage(lang: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  await page.goto(`${hall.server.base}/manager-ui/?lang=${lang}#/login`);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await tid(page, `ticket-${hall.transferred}`).waitFor();
  return page;
}

/**
 * Whether all of an element's text shows: on the screen and inside every ancestor that clips
 * (shadow roots crossed), so text cut off or hidden under an ellipsis fails.
 */
function textShowsWhole(el: Element): boolean {
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  if (text.width === 0) return false;
  const within = (r: { left: number; right: number; top: number; bottom: number }) =>
    text.left >= r.left - 1 && text.right <= r.right + 1 && text.top >= r.top - 1 && text.bottom <= r.bottom + 1;
  if (!within({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return false;
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const style = getComputedStyle(node);
      if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !within(node.getBoundingClientRect())) return false;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return true;
}

/** The number of lines an element's text takes. */
function lineCount(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
}

async function showsWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate(textShowsWhole);
}

async function onScreen(locator: Locator, viewport: { width: number; height: number }) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
}

describe.each(LANGS)('the triage board in %s', (lang) => {
  describe.each(SIZES)('at $width×$height', (viewport) => {
    let page: Page;
    beforeAll(async () => {
      page = await openTriage(lang, viewport);
    }, 60_000);
    afterAll(() => page?.context().close());

    it('keeps the counters strip and 派號 on screen, and the page itself does not scroll', async () => {
      for (let n = 1; n <= 6; n++) await onScreen(tid(page, `counter-${n}`), viewport);
      await onScreen(tid(page, 'issue-ticket'), viewport);
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
    });

    it("scrolls a long queue inside its column, and the list can be reached from the keyboard", async () => {
      const list = tid(page, 'queue-list-A');
      const sizes = await list.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, tabIndex: (el as HTMLElement).tabIndex }));
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      expect(sizes.tabIndex).toBe(0);
      await onScreen(list, viewport);
    });

    it('keeps each page name in the top bar on one line and on screen', async () => {
      const links = page.locator('[data-testid^="nav-"]');
      expect(await links.count()).toBeGreaterThan(3);
      for (const link of await links.all()) {
        expect(await link.evaluate(lineCount), await link.innerText()).toBe(1);
        expect(await showsWhole(link), await link.innerText()).toBe(true);
      }
      expect(await showsWhole(tid(page, 'sign-out'))).toBe(true);
    });

    it("shows every queue's figures whole: waiting count, longest wait and estimate", async () => {
      for (const prefix of ['A', 'B', 'C', 'D', 'E', 'V']) {
        const column = tid(page, `queue-${prefix}`);
        for (const figure of await column.locator('.count, .figures > div').all()) {
          const text = (await figure.innerText()).trim();
          if (text) expect(await showsWhole(figure), `${prefix}: ${text}`).toBe(true);
        }
      }
      expect(await tid(page, 'queue-A').locator('.count').innerText()).toContain(String(WAITING_IN_A));
    });

    it('shows the waits of the tickets in view in minutes, whole', async () => {
      const list = tid(page, 'queue-list-A');
      const box = (await list.boundingBox())!;
      let inView = 0;
      for (const ticket of await list.locator('[data-testid^="ticket-"]').all()) {
        const row = (await ticket.boundingBox())!;
        // Rows scrolled out of the list's view are not expected to show.
        if (row.y < box.y || row.y + row.height > box.y + box.height) continue;
        inView++;
        const wait = ticket.locator('[data-testid^="wait-"]');
        expect((await wait.innerText()).trim()).toMatch(MINUTES[lang]);
        expect(await showsWhole(wait), await ticket.innerText()).toBe(true);
      }
      await page.screenshot({ path: `/tmp/shots/triage-layout-${lang}-${Math.round(box.width)}.png` });
      expect(inView).toBeGreaterThanOrEqual(3);
    });

    it('shows how long each counter has served its customer, in minutes, whole', async () => {
      for (let n = 1; n <= 4; n++) {
        const minutes = tid(page, `counter-minutes-${n}`);
        expect((await minutes.innerText()).trim()).toMatch(MINUTES[lang]);
        expect(await showsWhole(minutes), `counter ${n}`).toBe(true);
      }
    });
  });
});

describe('the order and colours of the queues', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openTriage('en', SIZES[1]);
  }, 60_000);
  afterAll(() => page?.context().close());

  it('lists a queue in the order it will be called: VIP, then priority, then by arrival', async () => {
    const numbers = await tid(page, 'queue-list-A').locator('[data-testid^="ticket-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.slice('ticket-'.length)));
    expect(numbers).toHaveLength(WAITING_IN_A);
    expect(numbers.slice(0, 2)).toEqual([hall.vip, hall.priority]);
    // The transferred ticket kept its arrival, the latest in A: it is called last.
    expect(numbers.at(-1)).toBe(hall.transferred);
  });

  it('marks a transferred ticket with the service it came from', async () => {
    expect((await tid(page, `transferred-${hall.transferred}`).innerText()).trim()).toBe('⇄ from C');
    expect(await tid(page, `ticket-A010`).locator('.transferred').count()).toBe(0);
  });

  it("colours each queue by its own service's target: 15 minutes is amber for a 20-minute service, red for a 10-minute one", async () => {
    expect(await tid(page, 'queue-E').getAttribute('level')).toBe('amber');
    expect(await tid(page, 'queue-A').getAttribute('level')).toBe('red');
  });
});

describe('bottom sheets', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openTriage('en', SIZES[0]);
  }, 60_000);
  afterAll(() => page?.context().close());

  const dialog = () => page.getByRole('dialog');
  const focusedTestId = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('data-testid') ?? null;
    });

  it('is a modal dialog named by its title, and takes the focus', async () => {
    await tid(page, 'ticket-A010').click();
    await dialog().waitFor();
    expect(await dialog().getAttribute('aria-modal')).toBe('true');
    expect(await dialog().ariaSnapshot()).toMatch(/^- dialog "A010 /);
    expect(await dialog().evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
  });

  it('closes with Escape and gives the focus back to the ticket that opened it', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('ticket-A010');
  });

  it('closes with a tap outside it', async () => {
    await tid(page, 'counter-2').click();
    await dialog().waitFor();
    await page.mouse.click(20, 80);
    await dialog().waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('counter-2');
  });
});
