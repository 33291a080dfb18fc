/**
 * One call rendered to audio in Chromium, with the display's own scheduling code on an
 * OfflineAudioContext and the built-in Mandarin pack served by a real server: the clips come in
 * the right order at the right times, the length adds up, and there is sound where the clips play.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIME_LEAD_SECONDS, CHIME_SECONDS } from '../../../display-ui/src/audio/hall-audio.js';
import { CLIP_GAP_SECONDS, SENTENCE_GAP_SECONDS } from '../../../display-ui/src/logic/voice-sequence.js';
import { PROJECT_ROOT } from '../../../server/src/ui-build.js';
import { ensureVoicePacks, VOICE_DIST } from '../../../server/src/voice/voice-dist.js';
import { voicePacksPresent } from '../../../server/src/voice/voice-pack-generator.js';
import { launchChromium } from '../../helpers/browser.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

await ensureVoicePacks(() => {});
const packs = voicePacksPresent(VOICE_DIST);
if (!packs) console.warn(`SKIPPED rendering a call: no built-in voice packs in ${VOICE_DIST} (espeak-ng is not installed)`);

interface Rendered {
  expectedClips: string[];
  chimeEndsAt: number;
  endsAt: number;
  clips: { clip: string; language: string; startsAt: number; seconds: number; rms: number }[];
  chimeRms: number;
  afterRms: number;
}

describe.skipIf(!packs)('a call rendered from the built-in voice pack', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const manifest = (language: string) => JSON.parse(readFileSync(join(VOICE_DIST, language, 'manifest.json'), 'utf8')) as { clips: Record<string, { seconds: number }> };

  beforeAll(async () => {
    t = await createTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const bundle = await build({
      entryPoints: [join(PROJECT_ROOT, 'test/ui/display/voice-render-entry.ts')],
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2022',
    });
    browser = await launchChromium();
    // The server's CSP allows no inline script; the test's bundle is not the server's page.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    // Any page of the server: the packs are fetched from the same origin, as on the display.
    await page.goto(`${base}/api/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const render = (call: object, languages: string[], sources: string[]) =>
    page.evaluate(([c, l, s]) => (window as unknown as { renderCall: (...a: unknown[]) => Promise<Rendered | null> }).renderCall(c, l, s), [call, languages, sources] as const);

  it('plays A023 → counter 3 in Mandarin: the chime, then 請 A 0 2 3 號 到 3 號 窗口 back to back', async () => {
    const rendered = (await render({ number: 'A023', counterNumber: 3 }, ['cmn'], ['/voice/builtin/cmn/manifest.json']))!;
    expect(rendered).not.toBeNull();
    expect(rendered.clips.map((c) => c.clip)).toEqual(['qing', 'A', '0', '2', '3', 'hao', 'dao', '3', 'hao', 'chuangkou']);
    expect(rendered.clips.map((c) => c.clip)).toEqual(rendered.expectedClips);
    const lengths = manifest('cmn').clips;
    const afterChime = await page.evaluate(() => (window as unknown as { AFTER_CHIME_SECONDS: number }).AFTER_CHIME_SECONDS);
    expect(rendered.chimeEndsAt).toBeCloseTo(CHIME_LEAD_SECONDS + CHIME_SECONDS, 6);
    // Each clip starts where the one before ended, plus the gap; its length is the manifest's.
    let expectedStart = rendered.chimeEndsAt + afterChime;
    for (const clip of rendered.clips) {
      expect(Math.abs(clip.startsAt - expectedStart), `${clip.clip} starts on time`).toBeLessThan(0.002);
      expect(Math.abs(clip.seconds - lengths[clip.clip].seconds), `${clip.clip} length`).toBeLessThan(0.001);
      expectedStart = clip.startsAt + clip.seconds + CLIP_GAP_SECONDS;
    }
    const clipsTotal = rendered.expectedClips.reduce((sum, id) => sum + lengths[id].seconds, 0);
    const total = CHIME_LEAD_SECONDS + CHIME_SECONDS + afterChime + clipsTotal + (rendered.clips.length - 1) * CLIP_GAP_SECONDS;
    expect(Math.abs(rendered.endsAt - total), `total ${rendered.endsAt} vs ${total}`).toBeLessThan(0.005);
    // Sound where the chime and every clip play; silence after the last.
    expect(rendered.chimeRms).toBeGreaterThan(0.05);
    for (const clip of rendered.clips) expect(clip.rms, `${clip.clip} is heard`).toBeGreaterThan(0.02);
    expect(rendered.afterRms).toBeLessThan(0.001);
  });

  it('says Cantonese then English with a pause between, for a Hong Kong branch and a two-digit counter', async () => {
    const rendered = (await render({ number: 'B105', counterNumber: 12 }, ['yue', 'en'], ['/voice/builtin/yue/manifest.json', '/voice/builtin/en/manifest.json']))!;
    // Each language from its own pack: the sources are tried in order until one can say the sentence.
    expect(rendered.clips.map((c) => `${c.language}:${c.clip}`)).toEqual([
      ...['qing', 'B', '1', '0', '5', 'hao', 'dao', '10', '2', 'hao', 'guiwei'].map((c) => `yue:${c}`),
      ...['number', 'B', '1', '0', '5', 'please-go-to-counter', '12'].map((c) => `en:${c}`),
    ]);
    const lastCantonese = rendered.clips[10];
    expect(rendered.clips[11].startsAt - (lastCantonese.startsAt + lastCantonese.seconds)).toBeCloseTo(SENTENCE_GAP_SECONDS, 3);
    for (const clip of rendered.clips) expect(clip.rms, `${clip.language} ${clip.clip} is heard`).toBeGreaterThan(0.02);
  });

  it('falls back to the built-in pack when the branch has none, and plays nothing from a pack that cannot say the call', async () => {
    const chosen = (sources: string[]) => page.evaluate((s) => (window as unknown as { chosenSource: (s: string[]) => Promise<string | null> }).chosenSource(s), sources);
    const branchPack = '/api/branches/demo/voice-pack/cmn/manifest.json';
    expect(await chosen([branchPack, '/voice/builtin/cmn/manifest.json'])).toBe('/voice/builtin/cmn/manifest.json');
    expect(await render({ number: 'A023', counterNumber: 3 }, ['cmn'], [branchPack])).toBeNull();
    // An English pack cannot say a Mandarin sentence (no 請): the next source is taken.
    expect(await chosen(['/voice/builtin/en/manifest.json', '/voice/builtin/cmn/manifest.json'])).toBe('/voice/builtin/cmn/manifest.json');
  });
});
