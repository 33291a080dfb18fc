/** The Announcements tab in a real browser against a real server: voice, languages and their order, the branch's recordings, a sample. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensureVoicePacks } from '../../../server/src/voice/voice-dist.js';
import { writeWav } from '../../../server/src/voice/wav.js';
import { SCREENSHOTS } from '../../helpers/browser.js';
import { BRANCH } from '../../helpers/test-app.js';
import { useAdminBrowser, type Locale } from './admin-browser.js';

await ensureVoicePacks(() => {});
const browser = useAdminBrowser();
const t = () => browser.t();

function toneWav(): Buffer {
  const samples = new Int16Array(4000);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(6000 * Math.sin(i / 5));
  return writeWav({ sampleRate: 16_000, channels: 1, samples });
}

async function openAnnouncements(username = 'admin', locale: Locale = 'en'): Promise<Page> {
  const p = await browser.open({ username, locale });
  await p.click('[data-testid=admin-tab-announcements]');
  await p.locator('[data-testid=pack-cmn]').waitFor();
  return p;
}

const settings = async () => (await t().app.inject({ url: `/api/branches/${BRANCH}/admin/branch`, headers: await t().as('admin') })).json().settings;
const saved = (p: Page) => p.locator('admin-announcements [data-testid=admin-saved]');
const refused = (p: Page) => p.locator('admin-announcements [data-testid=admin-error]');

describe('<admin-announcements>', () => {
  it('saves the voice and the languages in the order chosen', async () => {
    const p = await openAnnouncements('manager');
    expect(await p.locator('[data-testid=voice-builtin]').isChecked()).toBe(true);
    await p.check('[data-testid=voice-branch]');
    await p.check('[data-testid=language-yue]');
    await p.uncheck('[data-testid=language-cmn]');
    // Cantonese first: its "earlier" arrow.
    await p.click('button[aria-label="Earlier: Cantonese (廣東話)"]');
    await p.click('[data-testid=announcements-save]');
    await expect.poll(() => saved(p).textContent()).toContain('Announcement settings saved');
    expect(await settings()).toMatchObject({ announcementVoice: 'branch', announcementLanguages: ['yue', 'en'] });
  });

  it('uploads the branch’s recordings: a refusal names the missing clips, a complete set shows as complete', async () => {
    const p = await openAnnouncements();
    const required = (await (await t().app.inject({ url: `/api/branches/${BRANCH}/admin/voice-pack`, headers: await t().as('admin') })).json()).languages[0].required as string[];
    const file = (id: string) => ({ name: `${id}.wav`, mimeType: 'audio/wav', buffer: toneWav() });
    await p.setInputFiles('[data-testid=pack-files-cmn]', required.filter((id) => id !== 'qing').map(file));
    await p.click('[data-testid=pack-upload-cmn]');
    await expect.poll(() => refused(p).textContent()).toContain('missing clips: qing');

    await p.setInputFiles('[data-testid=pack-files-cmn]', required.map(file));
    await p.click('[data-testid=pack-upload-cmn]');
    await expect.poll(() => p.locator('[data-testid=pack-cmn] .complete').textContent()).toContain(`Complete: ${required.length} clips.`);
    const manifest = await t().app.inject({ url: `/api/branches/${BRANCH}/voice-pack/cmn/manifest.json`, headers: t().display });
    expect(Object.keys(manifest.json().clips)).toHaveLength(required.length);
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-announcements-en.png'), fullPage: true });

    await p.click('[data-testid=pack-delete-cmn]');
    await expect.poll(() => p.locator('[data-testid=pack-cmn]').textContent()).toContain('No recordings');
  });

  it('plays a sample from the built-in pack', async () => {
    const p = await openAnnouncements();
    const clips: string[] = [];
    p.on('requestfinished', (r) => {
      if (r.url().includes('/voice/builtin/')) clips.push(new URL(r.url()).pathname);
    });
    await p.click('[data-testid=announcements-sample]');
    await expect.poll(() => clips.includes('/voice/builtin/en/please-go-to-counter.wav')).toBe(true);
    expect(clips).toContain('/voice/builtin/cmn/qing.wav');
    expect(clips).toContain('/voice/builtin/cmn/chuangkou.wav');
    await expect.poll(() => p.locator('[data-testid=announcements-sample]').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await refused(p).count()).toBe(0);
  });

  it('reads in Chinese', async () => {
    const p = await openAnnouncements('admin', 'zh-Hant');
    await p.screenshot({ path: join(SCREENSHOTS, 'admin-announcements-zh-Hant.png'), fullPage: true });
    expect(await p.locator('[data-testid=pack-yue]').isVisible()).toBe(true);
  });
});
