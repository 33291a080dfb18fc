/**
 * The wall display at 1920×1080 in real Chromium, on a real server with a busy hall (60 waiting in
 * cash): calls made in the same second are all in the big area within a second; a ticket marked
 * no-show, transferred or cancelled leaves the screen; the list keeps the last 8 calls; English lines
 * are at least 32 px and no service name is cut. Screenshots in every locale.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../../helpers/browser.js';
import { startBusyHall, type BusyHall } from '../../helpers/busy-hall.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

const WALL = { width: 1920, height: 1080 };
const LOCALES = ['zh-Hant', 'zh-HK', 'zh-Hans', 'en'] as const;
let hall: BusyHall;
let browser: Browser;
let page: Page;
const tellers: Record<string, string>[] = [];
const errors: string[] = [];

interface Called {
  id: string;
  number: string;
}

async function post(url: string, headers: Record<string, string>, payload?: object): Promise<Called | null> {
  const res = await fetch(`${hall.server.base}${url}`, {
    method: 'POST',
    headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : ((await res.json()) as Called);
}

/** Counter n's teller finishes the customer at the counter, if any. */
async function finish(n: number): Promise<void> {
  const counters = (await (await fetch(`${hall.server.base}/api/branches/${BRANCH}/counters`, { headers: tellers[n] })).json()) as { id: string; currentTicketId: string | null }[];
  const current = counters.find((c) => c.id === counter(n))?.currentTicketId;
  if (!current) return;
  await post(`/api/tickets/${current}/start`, tellers[n]).catch(() => null); // already serving is fine
  await post(`/api/tickets/${current}/complete`, tellers[n]);
}

/**
 * The busy hall runs on a manual clock; the display ages calls by the server's clock from its
 * snapshot on. Moving the server's clock with real time keeps the two in step, as in a real hall.
 */
let clockSyncedAt = 0;
function keepServerClockInStep(): void {
  hall.server.clock.advance(Date.now() - clockSyncedAt);
  clockSyncedAt = Date.now();
}

/** Tellers 1–4 call at the same moment; resolves when the last answer is in, with the numbers called. */
async function fourCallsAtOnce(): Promise<{ numbers: string[]; lastAnswerAt: number; called: Called[] }> {
  for (const n of [1, 2, 3, 4]) await finish(n);
  keepServerClockInStep();
  let lastAnswerAt = 0;
  const called = await Promise.all(
    [1, 2, 3, 4].map(async (n) => {
      const ticket = (await post(`/api/counters/${counter(n)}/call-next`, tellers[n]))!;
      lastAnswerAt = Math.max(lastAnswerAt, Date.now());
      return ticket;
    }),
  );
  return { numbers: called.map((c) => c.number), lastAnswerAt, called };
}

const bigArea = (p: Page) => p.locator('call-board [data-testid="current-number"], call-board [data-testid="beside-number"]');
const listed = (p: Page) => p.locator('recent-calls [data-testid="recent-call"] .number');
const texts = async (locator: ReturnType<typeof bigArea>) => (await locator.allTextContents()).map((t) => t.trim());

/** Polls until `check` holds, every 20 ms, failing after `ms`. */
async function until(check: () => Promise<boolean>, ms = 5_000, what = 'the screen'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openDisplay(lang: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
  const p = await browser.newPage({ viewport: WALL, reducedMotion });
  p.on('pageerror', (error) => errors.push(`${lang}: ${error.message}`));
  await p.goto(`${hall.server.base}/display-ui/?branch=${BRANCH}&token=demo-display&lang=${lang}`);
  await p.locator('[data-testid="waiting-A"]').waitFor({ state: 'visible', timeout: 15_000 });
  return p;
}

beforeAll(async () => {
  hall = await startBusyHall();
  clockSyncedAt = Date.now();
  browser = await launchChromium();
  for (const n of [0, 1, 2, 3, 4]) tellers[n] = n === 0 ? {} : await hall.server.as(`teller${n}`);
  page = await openDisplay('zh-Hant');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await hall?.server.close();
});

describe('the wall display', () => {
  it('shows four calls made in the same second all in the big area within 1 s', async () => {
    const { numbers, lastAnswerAt } = await fourCallsAtOnce();
    await until(async () => {
      const shown = await texts(bigArea(page));
      return numbers.every((n) => shown.includes(n));
    }, 5_000, 'all four numbers');
    const seenAfterMs = Date.now() - lastAnswerAt;
    expect(seenAfterMs).toBeLessThanOrEqual(1_000);
    expect((await texts(bigArea(page))).sort()).toEqual([...numbers].sort());
    // The newest is the big one and flashes; the others flash beside it.
    await expect(page.locator('call-board current-call[flashing]').count()).resolves.toBe(1);
    await expect(page.locator('call-board [data-testid="beside-call"].flash').count()).resolves.toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'wall-display-four-calls-flashing.png') });
  });

  it('flashes a recall again and takes off the screen a ticket marked no-show, transferred or cancelled', async () => {
    const { called } = await fourCallsAtOnce();
    const [noShow, transferred, cancelled, served] = called;
    await until(async () => (await texts(bigArea(page))).length === 4, 5_000, 'the four calls');

    await post(`/api/tickets/${noShow.id}/recall`, tellers[1]);
    await until(async () => (await page.locator('call-board [data-testid="current-number"]').textContent())?.trim() === noShow.number, 5_000, 'the recall');
    expect(await page.locator('call-board current-call').getAttribute('flashing')).not.toBeNull();

    await post(`/api/tickets/${noShow.id}/no-show`, tellers[1]);
    await post(`/api/tickets/${transferred.id}/transfer`, tellers[2], { serviceId: service('B') });
    await post(`/api/tickets/${cancelled.id}/cancel`, tellers[3]);
    const gone = [noShow.number, transferred.number, cancelled.number];
    await until(async () => {
      const shown = [...(await texts(bigArea(page))), ...(await texts(listed(page)))];
      return gone.every((n) => !shown.includes(n));
    }, 5_000, 'the three tickets to leave');
    expect(await texts(bigArea(page))).toEqual([served.number]);
    expect(await texts(listed(page))).toContain(served.number);
  });

  it('keeps the last 8 calls in the list, newest first, after 10 calls', async () => {
    const called: string[] = [];
    for (let i = 0; i < 10; i++) {
      const n = (i % 4) + 1;
      await finish(n);
      called.push((await post(`/api/counters/${counter(n)}/call-next`, tellers[n]))!.number);
    }
    const expected = called.slice(-8).reverse();
    await until(async () => (await texts(listed(page)))[0] === expected[0], 5_000, 'the last call in the list');
    expect(await texts(listed(page))).toEqual(expected);
  });
});

describe('readability at 1920×1080', () => {
  for (const lang of LOCALES) {
    it(`in ${lang}: English lines ≥ 32 px, no name or label cut or overflowing (screenshot)`, async () => {
      await fourCallsAtOnce();
      const p = await openDisplay(lang);
      try {
        await until(async () => (await texts(bigArea(p))).length === 4, 5_000, 'the four calls');
        await p.screenshot({ path: join(SCREENSHOTS, `wall-display-busy-${lang}.png`) });
        const measured = await p.evaluate(() => {
          const all: Element[] = [];
          const walk = (root: Document | ShadowRoot) => {
            for (const el of root.querySelectorAll('*')) {
              all.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          const english = all.filter((el) => el.classList.contains('en') && (el as HTMLElement).offsetParent !== null);
          // Boxes with text that must be read whole: service names, counters, numbers, headings.
          const boxes = all.filter((el) => el.matches('h3, .counter, .number, .label, .wait, h1, h2') && getComputedStyle(el).display !== 'inline');
          return {
            englishSizes: english.map((el) => [el.textContent!.trim(), parseFloat(getComputedStyle(el).fontSize)] as const),
            overflowing: boxes.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent!.trim()),
            names: all.filter((el) => el.matches('h3')).length,
            pageOverflow: document.documentElement.scrollWidth > window.innerWidth,
          };
        });
        if (lang === 'en') expect(measured.englishSizes).toEqual([]);
        else {
          expect(measured.englishSizes.length).toBeGreaterThan(10);
          expect(measured.englishSizes.filter(([, size]) => size < 32)).toEqual([]);
          expect(measured.englishSizes.map(([text]) => text)).toContain('Wealth management & loans');
        }
        expect(measured.names).toBe(5); // A–E: the VIP-only service V is not on the public strip
        expect(measured.overflowing).toEqual([]);
        expect(measured.pageOverflow).toBe(false);
        // All 8 rows of the list are on screen, none cut off at the bottom of its column.
        const column = (await p.locator('recent-calls').boundingBox())!;
        const rows = await p.locator('recent-calls [data-testid="recent-call"]').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().bottom));
        expect(rows).toHaveLength(8);
        expect(rows.filter((bottom) => bottom > column.y + column.height)).toEqual([]);
        // No VIP wait on the public screen.
        expect(await p.locator('[data-testid="queue-V"]').count()).toBe(0);
      } finally {
        await p.close();
      }
    });
  }

  it('draws a new call steady, without blinking, for a viewer who asked for reduced motion', async () => {
    const p = await openDisplay('zh-Hant', 'reduce');
    try {
      const { numbers } = await fourCallsAtOnce();
      await until(async () => (await p.locator('call-board current-call[flashing]').count()) === 1, 5_000, 'the flash');
      const looks = await p.locator('call-board current-call, call-board [data-testid="beside-call"]').evaluateAll((els) =>
        els.map((el) => { const style = getComputedStyle(el); return [style.animationName, style.backgroundColor, style.color].join(' '); }),
      );
      // Steady in the accent colour, white on blue: no blinking, and still standing out.
      expect(looks).toEqual(Array(4).fill('none rgb(11, 79, 156) rgb(255, 255, 255)'));
      expect(await texts(bigArea(p))).toHaveLength(numbers.length);
      await p.screenshot({ path: join(SCREENSHOTS, 'wall-display-reduced-motion.png') });
    } finally {
      await p.close();
    }
  });

  it('fits six counters calling at once in the big area, the newest large and five beside it, none cut off', async () => {
    for (const n of [5, 6]) {
      tellers[n] = await hall.server.as(`teller${n}`);
      await post(`/api/counters/${counter(n)}/open`, tellers[n]);
    }
    const { numbers } = await fourCallsAtOnce();
    for (const n of [5, 6]) numbers.push((await post(`/api/counters/${counter(n)}/call-next`, tellers[n]))!.number);
    await until(async () => (await texts(bigArea(page))).length === 6, 5_000, 'six calls');
    expect((await texts(bigArea(page))).sort()).toEqual([...numbers].sort());
    const board = (await page.locator('call-board').boundingBox())!;
    const tiles = await page.locator('call-board [data-testid="beside-call"]').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().bottom));
    expect(tiles).toHaveLength(5);
    expect(tiles.filter((bottom) => bottom > board.y + board.height + 0.5)).toEqual([]);
    const cut = await page.locator('call-board [data-testid="beside-call"] .counter, call-board [data-testid="beside-number"]').evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.parentElement!.clientHeight).map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'wall-display-six-calls.png') });
  });

  it('threw no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
