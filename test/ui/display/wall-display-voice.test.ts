/**
 * The wall display calls in real Chromium from the built-in voice pack: a call fetches the Mandarin and English clips it needs (no speech voices on Debian's
 * Chromium), and a branch that chose Cantonese gets the Cantonese pack. A branch set to speech
 * fetches no pack.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureVoicePacks, VOICE_DIST } from '../../../server/src/voice/voice-dist.js';
import { voicePacksPresent } from '../../../server/src/voice/voice-pack-generator.js';
import { launchChromium, startUiServer, type BrowserTestApp } from '../../helpers/browser.js';
import { BRANCH, counter, service } from '../../helpers/test-app.js';

await ensureVoicePacks(() => {});
const packs = voicePacksPresent(VOICE_DIST);
if (!packs) console.warn(`SKIPPED the wall display's voice: no built-in packs in ${VOICE_DIST} (espeak-ng is not installed)`);

describe.skipIf(!packs)('the wall display’s voice', () => {
  let server: BrowserTestApp;
  let browser: Browser;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startUiServer();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => page?.close());

  /** Opens the wall display, taps "Enable sound", and records every voice file it fetches. */
  async function openDisplay(): Promise<string[]> {
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const fetched: string[] = [];
    page.on('requestfinished', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/voice')) fetched.push(path);
    });
    await page.goto(`${server.base}/display-ui/?branch=${BRANCH}&token=demo-display&lang=en`);
    // launchChromium allows sound without a tap, as a display's kiosk mode is set up to.
    await page.locator('hall-display').waitFor();
    expect(await page.locator('[data-testid=enable-sound]').count()).toBe(0);
    return fetched;
  }

  async function callOne(counterNumber: number): Promise<string> {
    const teller = await server.as(`teller${counterNumber}`);
    const post = (url: string, payload?: object) => server.app.inject({ method: 'POST', url, headers: teller, payload });
    await post(`/api/counters/${counter(counterNumber)}/open`, {});
    await server.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: server.kiosk, payload: { serviceId: service('A') } });
    return (await post(`/api/counters/${counter(counterNumber)}/call-next`)).json().number;
  }

  it('plays a call from the Mandarin and English packs', async () => {
    const fetched = await openDisplay();
    await callOne(1);
    await expect.poll(() => fetched.includes('/voice/builtin/en/please-go-to-counter.wav'), { timeout: 15_000 }).toBe(true);
    expect(fetched).toContain('/voice/builtin/cmn/manifest.json');
    expect(fetched).toContain('/voice/builtin/cmn/chuangkou.wav');
    expect(fetched.some((p) => p.includes('/yue/'))).toBe(false);
  });

  it('plays Cantonese for a branch that chose it, and nothing from a pack when the branch chose speech', async () => {
    const admin = await server.as('admin');
    const set = (settings: object) => server.app.inject({ method: 'PATCH', url: `/api/branches/${BRANCH}/admin/branch`, headers: admin, payload: { settings } });
    expect((await set({ announcementLanguages: ['yue', 'en'] })).statusCode).toBe(200);
    const fetched = await openDisplay();
    await callOne(2);
    await expect.poll(() => fetched.includes('/voice/builtin/yue/guiwei.wav'), { timeout: 15_000 }).toBe(true);
    expect(fetched.some((p) => p.includes('/cmn/'))).toBe(false);

    expect((await set({ announcementVoice: 'speech' })).statusCode).toBe(200);
    const none = await openDisplay();
    const called = await callOne(3);
    // The call shows, and the queue moves on without a pack: speech (none here) then the chime alone.
    await page!.getByText(called).first().waitFor();
    expect(none).toEqual([]);
  });
});
