/** The voice pack routes: a branch's own recorded pack (upload, read, delete), its checks, and the built-in packs. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeWav } from '../../../server/src/voice/wav.js';
import { ensureVoicePacks, VOICE_DIST } from '../../../server/src/voice/voice-dist.js';
import { voicePacksPresent } from '../../../server/src/voice/voice-pack-generator.js';
import { BRANCH, createTestApp, type TestApp } from '../../helpers/test-app.js';

const STATUS = `/api/branches/${BRANCH}/admin/voice-pack`;
const UPLOAD = (language: string) => `${STATUS}/${language}`;
const MANIFEST = (language: string) => `/api/branches/${BRANCH}/voice-pack/${language}/manifest.json`;

/** A short tone as a 16-bit WAV: a stand-in for a recorded word. */
function toneWav(seconds = 0.3, hz = 440): Buffer {
  const rate = 16_000;
  const samples = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate));
  return writeWav({ sampleRate: rate, channels: 1, samples });
}

/** A multipart body from named files, as a browser's FormData sends it. */
async function multipart(files: Record<string, Buffer>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append('files', new Blob([new Uint8Array(bytes)]), name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

describe('a branch’s own voice pack', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  let required: string[];
  const completePack = () => Object.fromEntries(required.map((id) => [`${id}.wav`, toneWav()]));
  const upload = async (headers: Record<string, string>, language: string, files: Record<string, Buffer>) => {
    const body = await multipart(files);
    return t.app.inject({ method: 'PUT', url: UPLOAD(language), headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const status = async (language = 'cmn') =>
    (await t.app.inject({ url: STATUS, headers: manager })).json().languages.find((l: { language: string }) => l.language === language);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    manager = await t.as('manager');
    required = (await status()).required;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.inject({ method: 'DELETE', url: UPLOAD('cmn'), headers: admin });
  });

  it('asks for the words, the digits, the letters of the branch’s services and its counters’ numbers', async () => {
    const cmn = await status();
    expect(cmn.required.slice(0, 4)).toEqual(['qing', 'hao', 'dao', 'chuangkou']);
    for (const id of ['A', 'V', '0', '9']) expect(cmn.required).toContain(id);
    expect(cmn.required).not.toContain('Z');
    expect(cmn.missing).toEqual(cmn.required);
    expect(cmn.clips).toEqual([]);
  });

  it('takes a complete pack from an admin, and the wall display then reads its manifest and clips', async () => {
    const res = await upload(admin, 'cmn', completePack());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().missing).toEqual([]);
    expect(res.json().clips).toHaveLength(required.length);
    const manifest = await t.app.inject({ url: MANIFEST('cmn'), headers: t.display });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json().source).toBe('branch');
    expect(manifest.json().clips.qing).toMatchObject({ file: 'qing.wav', seconds: 0.3 });
    const clip = await t.app.inject({ url: `/api/branches/${BRANCH}/voice-pack/cmn/qing.wav`, headers: t.display });
    expect(clip.statusCode).toBe(200);
    expect(clip.headers['content-type']).toBe('audio/wav');
    expect(clip.rawPayload.equals(toneWav())).toBe(true);
  });

  it('takes the pack as one zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-pack-'));
    try {
      for (const [name, bytes] of Object.entries(completePack())) writeFileSync(join(dir, name), bytes);
      execFileSync('zip', ['-q', '-r', 'pack.zip', '.'], { cwd: dir });
      const res = await upload(admin, 'cmn', { 'pack.zip': readFileSync(join(dir, 'pack.zip')) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().missing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a pack without every required clip, naming the missing ones, and keeps nothing of it', async () => {
    const files = completePack();
    delete files['qing.wav'];
    delete files['A.wav'];
    const res = await upload(admin, 'cmn', files);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toBe('body/files: missing clips: qing, A');
    expect((await status()).clips).toEqual([]);
    expect((await t.app.inject({ url: MANIFEST('cmn'), headers: t.display })).json().clips).toEqual({});
  });

  it('refuses a file that is not WAV, MP3 or Ogg audio, naming it', async () => {
    const res = await upload(admin, 'cmn', { ...completePack(), 'hao.wav': Buffer.from('<html>not audio</html>') });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/hao.wav: not WAV, MP3 or Ogg audio');
    expect((await status()).clips).toEqual([]);
  });

  it('refuses a clip over 1 MB, naming it', async () => {
    const res = await upload(admin, 'cmn', { ...completePack(), 'dao.wav': toneWav(40) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body\/dao\.wav: larger than 1 MB/);
  });

  it('refuses a file that is no clip of the pack, and a body that is not multipart', async () => {
    const unknown = await upload(admin, 'cmn', { ...completePack(), 'hello.wav': toneWav() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/^body\/hello\.wav: not a clip of the cmn pack/);
    const json = await t.app.inject({ method: 'PUT', url: UPLOAD('cmn'), headers: admin, payload: { qing: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toMatch(/^body\/files: send multipart/);
    const broken = await t.app.inject({ method: 'PUT', url: UPLOAD('cmn'), headers: { ...admin, 'content-type': 'multipart/form-data; boundary=x' }, payload: 'garbage' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/^body\/files: not a readable multipart/);
    const nothing = await upload(admin, 'cmn', {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().message).toMatch(/^body\/files: upload a zip/);
  });

  it('refuses an unknown language with a 400 naming it', async () => {
    const res = await upload(admin, 'xx', completePack());
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/language/);
  });

  it('lets only admins upload or delete: a manager reads what is there, tellers and devices nothing', async () => {
    const byManager = await upload(manager, 'cmn', completePack());
    expect(byManager.statusCode).toBe(403);
    expect((await status()).clips).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url: UPLOAD('cmn'), headers: manager })).statusCode).toBe(403);
    for (const headers of [await t.as('teller1'), t.display, t.kiosk]) {
      expect((await t.app.inject({ url: STATUS, headers })).statusCode).toBe(403);
      expect((await upload(headers, 'cmn', completePack())).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: STATUS })).statusCode).toBe(401);
    expect((await t.app.inject({ url: MANIFEST('cmn') })).statusCode).toBe(401);
  });

  it('goes back to the built-in pack when an admin deletes the branch’s pack', async () => {
    expect((await upload(admin, 'cmn', completePack())).statusCode).toBe(200);
    const removed = await t.app.inject({ method: 'DELETE', url: UPLOAD('cmn'), headers: admin });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().clips).toEqual([]);
    const manifest = await t.app.inject({ url: MANIFEST('cmn'), headers: t.display });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toEqual({ language: 'cmn', source: 'branch', clips: {} });
    expect((await t.app.inject({ url: `/api/branches/${BRANCH}/voice-pack/cmn/qing.wav`, headers: t.display })).statusCode).toBe(404);
  });
});

describe('announcement settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const url = `/api/branches/${BRANCH}/admin/branch`;

  it('default to the built-in pack in Mandarin then English, and a Hong Kong branch hears Cantonese then English', async () => {
    const admin = await t.as('admin');
    const before = (await t.app.inject({ url, headers: admin })).json();
    expect(before.settings).toMatchObject({ announcementVoice: 'builtin', announcementLanguages: ['cmn', 'en'] });
    const hk = await t.app.inject({ method: 'PATCH', url, headers: admin, payload: { defaultLocale: 'zh-HK' } });
    expect(hk.statusCode, hk.body).toBe(200);
    expect(hk.json().settings.announcementLanguages).toEqual(['yue', 'en']);
  });

  it('take the branch’s choice of voice and languages, and refuse a language it cannot say', async () => {
    const manager = await t.as('manager');
    const saved = await t.app.inject({ method: 'PATCH', url, headers: manager, payload: { settings: { announcementVoice: 'speech', announcementLanguages: ['en', 'yue'] } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings).toMatchObject({ announcementVoice: 'speech', announcementLanguages: ['en', 'yue'] });
    for (const settings of [{ announcementLanguages: ['fr'] }, { announcementLanguages: [] }, { announcementLanguages: ['en', 'en'] }, { announcementVoice: 'robot' }]) {
      const res = await t.app.inject({ method: 'PATCH', url, headers: manager, payload: { settings } });
      expect(res.statusCode, JSON.stringify(settings)).toBe(400);
      expect(res.json().message).toMatch(/announcement(Languages|Voice)/);
    }
    expect((await t.app.inject({ url, headers: manager })).json().settings.announcementLanguages).toEqual(['en', 'yue']);
  });
});

await ensureVoicePacks(() => {});
const builtIn = voicePacksPresent(VOICE_DIST);
if (!builtIn) console.warn(`SKIPPED serving the built-in packs: none in ${VOICE_DIST} (espeak-ng is not installed)`);

describe('the built-in packs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.skipIf(!builtIn)('are served to anyone, manifest and clips', async () => {
    const manifest = await t.app.inject({ url: '/voice/builtin/yue/manifest.json' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json().clips.guiwei.file).toBe('guiwei.wav');
    const clip = await t.app.inject({ url: '/voice/builtin/yue/guiwei.wav' });
    expect(clip.statusCode).toBe(200);
    expect(clip.headers['content-type']).toBe('audio/wav');
    expect(clip.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
  });

  it('refuse a path outside the pack and a clip that does not exist', async () => {
    expect((await t.app.inject({ url: '/voice/builtin/yue/..%2Fmanifest.json' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/voice/builtin/yue/nothing.wav' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/voice/builtin/fr/manifest.json' })).statusCode).toBe(400);
  });
});
