import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allClipIds, ANNOUNCEMENT_LANGUAGES } from '../../../protocol/voice-clips.js';
import { generateVoicePacks, voicePacksPresent } from '../../../server/src/voice/voice-pack-generator.js';
import { readWav } from '../../../server/src/voice/wav.js';

function hasEspeak(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const espeak = hasEspeak();
if (!espeak) console.warn('SKIPPED voice-pack generation tests: espeak-ng is not installed (apt-get install espeak-ng)');

describe.skipIf(!espeak)('the built-in voice packs (espeak-ng)', () => {
  const folders: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-voice-'));
    folders.push(dir);
    return dir;
  };
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('generates the same bytes twice: identical manifests and files for Mandarin, Cantonese and English', async () => {
    const [a, b] = [fresh(), fresh()];
    expect(await generateVoicePacks(a, () => {})).toBe(true);
    expect(await generateVoicePacks(b, () => {})).toBe(true);
    expect(voicePacksPresent(a)).toBe(true);
    for (const language of ANNOUNCEMENT_LANGUAGES) {
      const manifest = readFileSync(join(a, language, 'manifest.json'), 'utf8');
      expect(readFileSync(join(b, language, 'manifest.json'), 'utf8')).toBe(manifest);
      const files = readdirSync(join(a, language)).sort();
      expect(readdirSync(join(b, language)).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(join(b, language, file)).equals(readFileSync(join(a, language, file))), file).toBe(true);
      const parsed = JSON.parse(manifest);
      expect(parsed.language).toBe(language);
      expect(parsed.source).toMatch(/^espeak-ng \d/);
      expect(Object.keys(parsed.clips).sort()).toEqual(allClipIds(language).sort());
    }
  }, 60_000);

  it('trims every clip to its sound and gives its true length in the manifest', async () => {
    const root = fresh();
    await generateVoicePacks(root, () => {});
    const manifest = JSON.parse(readFileSync(join(root, 'cmn', 'manifest.json'), 'utf8'));
    for (const [id, clip] of Object.entries<{ file: string; seconds: number }>(manifest.clips)) {
      const pcm = readWav(readFileSync(join(root, 'cmn', clip.file)));
      expect(pcm.samples.length / pcm.sampleRate, id).toBeCloseTo(clip.seconds, 4);
      // A word, not a second of espeak's silence around it.
      expect(clip.seconds, id).toBeGreaterThan(0.15);
      expect(clip.seconds, id).toBeLessThan(1.2);
      const loudest = (from: number, to: number) => Math.max(...Array.from(pcm.samples.slice(from, to), Math.abs));
      const peak = loudest(0, pcm.samples.length);
      expect(peak, `${id} is loud`).toBeGreaterThan(12_000);
    }
    // espeak-ng itself pads a word with silence; the pack's clip is that much shorter.
    const raw = readWav(execFileSync('espeak-ng', ['-v', 'cmn-latn-pinyin', '-s', '150', '--stdout', '请'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    expect(raw.samples.length / raw.sampleRate - manifest.clips.qing.seconds).toBeGreaterThan(0.1);
  }, 60_000);
});
