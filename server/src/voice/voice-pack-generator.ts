/**
 * Generates the built-in voice packs (Mandarin, Cantonese, English) from Debian's espeak-ng:
 * one WAV per clip, trimmed and evened out in plain Node, and a manifest.json per pack. The
 * same espeak-ng gives the same bytes, so the packs are reproducible rather than downloaded,
 * and they are generated (never committed) into dist/voice or LOBBYFLOW_VOICE_DIST.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { allClipIds, ANNOUNCEMENT_LANGUAGES, LETTER_CLIPS, type AnnouncementLanguage, type VoicePackManifest } from '../../../protocol/voice-clips.js';
import { durationSeconds, normaliseLoudness, readWav, trimSilence, writeWav } from './wav.js';

const run = promisify(execFile);

interface PackRecipe {
  /** espeak-ng voice for the words and digits. */
  voice: string;
  /** Voice for the letters: the word voice may read Latin letters as pinyin. */
  letterVoice: string;
  /** What espeak-ng is given for each non-letter clip. */
  texts: Record<string, string>;
}

const CHINESE_DIGITS = { '0': '零', '1': '一', '2': '二', '3': '三', '4': '四', '5': '五', '6': '六', '7': '七', '8': '八', '9': '九', '10': '十' };
const ENGLISH_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ENGLISH_TENS: Record<string, string> = { '20': 'twenty', '30': 'thirty', '40': 'forty', '50': 'fifty', '60': 'sixty', '70': 'seventy', '80': 'eighty', '90': 'ninety' };

/**
 * Debian's `cmn` voice reads Chinese characters as spelled pinyin ("qing three"); `cmn-latn-pinyin`
 * reads them properly but takes Latin letters as pinyin, so letters come from `cmn`.
 */
export const PACK_RECIPES: Record<AnnouncementLanguage, PackRecipe> = {
  cmn: { voice: 'cmn-latn-pinyin', letterVoice: 'cmn', texts: { qing: '请', hao: '号', dao: '到', chuangkou: '窗口', ...CHINESE_DIGITS } },
  yue: { voice: 'yue', letterVoice: 'yue', texts: { qing: '請', hao: '號', dao: '到', guiwei: '櫃位', ...CHINESE_DIGITS } },
  en: {
    voice: 'en-us',
    letterVoice: 'en-us',
    texts: {
      number: 'Number',
      'please-go-to-counter': 'please go to counter',
      ...Object.fromEntries(ENGLISH_NUMBERS.map((word, n) => [String(n), word])),
      ...ENGLISH_TENS,
    },
  },
};

/** "eSpeak NG text-to-speech: 1.51 …" → "espeak-ng 1.51", or null when espeak-ng is not installed. */
export async function espeakVersion(): Promise<string | null> {
  try {
    const { stdout } = await run('espeak-ng', ['--version']);
    const version = /(\d+\.\d+(?:\.\d+)?)/.exec(stdout)?.[1];
    return `espeak-ng ${version ?? 'unknown'}`;
  } catch {
    return null;
  }
}

async function speak(voice: string, text: string): Promise<Buffer> {
  // --stdout: no temporary files; -s 150: a calm rate for a hall that echoes.
  const { stdout } = await run('espeak-ng', ['-v', voice, '-s', '150', '--stdout', text], { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 });
  return stdout;
}

/** Runs `tasks` at most `limit` at a time (the machine's cores are shared), keeping their order. */
async function inOrder<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Makes one pack in `dir` (replacing it); returns its manifest. */
export async function generatePack(language: AnnouncementLanguage, dir: string, source: string): Promise<VoicePackManifest> {
  const recipe = PACK_RECIPES[language];
  const ids = allClipIds(language);
  // Per process: two servers starting at once on one checkout must not write into each other's folder.
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const clips = await inOrder(
    ids.map((id) => async () => {
      const letter = LETTER_CLIPS.includes(id);
      const raw = await speak(letter ? recipe.letterVoice : recipe.voice, letter ? id : recipe.texts[id]);
      const pcm = normaliseLoudness(trimSilence(readWav(raw)));
      if (pcm.samples.length === 0) throw new Error(`espeak-ng gave silence for ${language}/${id}`);
      const bytes = writeWav(pcm);
      const file = `${id}.wav`;
      writeFileSync(join(building, file), bytes);
      const seconds = Math.round(durationSeconds(pcm) * 1e6) / 1e6;
      return [id, { file, seconds, sha256: createHash('sha256').update(bytes).digest('hex') }] as const;
    }),
    2,
  );
  const manifest: VoicePackManifest = { language, source: `${source} (${recipe.voice})`, clips: Object.fromEntries(clips) };
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Swap in whole: a display never sees a half-written pack.
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another process swapped in the same pack a moment earlier: the same bytes, so keep its copy.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'manifest.json'))) throw error;
  }
  return manifest;
}

/** Whether every built-in pack has its manifest in `root`. */
export function voicePacksPresent(root: string): boolean {
  return ANNOUNCEMENT_LANGUAGES.every((language) => existsSync(join(root, language, 'manifest.json')));
}

/**
 * Generates all built-in packs into `root`/<language>. Returns false (and changes nothing) when
 * espeak-ng is missing: the display then falls back to speech and the chime.
 */
export async function generateVoicePacks(root: string, log: (message: string) => void = console.log): Promise<boolean> {
  const source = await espeakVersion();
  if (!source) {
    log('espeak-ng is not installed: no built-in voice packs (the wall display uses speech voices or the chime). apt-get install espeak-ng');
    return false;
  }
  for (const language of ANNOUNCEMENT_LANGUAGES) {
    const manifest = await generatePack(language, join(root, language), source);
    log(`voice pack ${language}: ${Object.keys(manifest.clips).length} clips`);
  }
  return true;
}
