/**
 * The clips of a voice pack and how a call is read with them, the way Chinese ticket systems
 * call: 請 · A · 0 · 2 · 3 · 號 · 到 · 3 · 號 · 窗口. Shared by the pack generator, the upload
 * check on the server and the wall display's player, so all three agree on the clip ids.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Languages the hall can hear: Mandarin, Cantonese, English. */
export const AnnouncementLanguage = Type.Union([Type.Literal('cmn'), Type.Literal('yue'), Type.Literal('en')], {
  description: 'cmn Mandarin, yue Cantonese, en English',
});
export type AnnouncementLanguage = Static<typeof AnnouncementLanguage>;
export const ANNOUNCEMENT_LANGUAGES: readonly AnnouncementLanguage[] = ['cmn', 'yue', 'en'];

/** How the wall display speaks: the built-in recorded pack, the branch's own uploaded pack, or the browser's speech voices. */
export const AnnouncementVoice = Type.Union([Type.Literal('builtin'), Type.Literal('branch'), Type.Literal('speech')], {
  description: 'builtin: the packs generated from espeak-ng; branch: the branch’s uploaded recordings; speech: the browser’s speech voices',
});
export type AnnouncementVoice = Static<typeof AnnouncementVoice>;

/** The words of each language's sentence. */
export const WORD_CLIPS: Record<AnnouncementLanguage, readonly string[]> = {
  cmn: ['qing', 'hao', 'dao', 'chuangkou'], // 請 號 到 窗口
  yue: ['qing', 'hao', 'dao', 'guiwei'], // 請 號 到 櫃位
  en: ['number', 'please-go-to-counter'],
};
export const LETTER_CLIPS: readonly string[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const DIGIT_CLIPS: readonly string[] = [...'0123456789'];
/** Numbers besides digits: Chinese builds 1–99 from 十; English needs its teens and tens. */
export const NUMBER_CLIPS: Record<AnnouncementLanguage, readonly string[]> = {
  cmn: ['10'],
  yue: ['10'],
  en: ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '30', '40', '50', '60', '70', '80', '90'],
};

/** Every clip of a complete pack for `language`. */
export function allClipIds(language: AnnouncementLanguage): string[] {
  return [...WORD_CLIPS[language], ...LETTER_CLIPS, ...DIGIT_CLIPS, ...NUMBER_CLIPS[language]];
}

/** A clip id as a file or form-field name: letters, digits and dashes. */
export const CLIP_ID_PATTERN = /^[A-Za-z0-9-]{1,40}$/;

/** "A023" → A 0 2 3: letters by name, digits one by one, as tellers say it. */
export function ticketNumberClips(ticketNumber: string): string[] {
  return [...ticketNumber.toUpperCase()].filter((c) => /[A-Z0-9]/.test(c));
}

/**
 * A counter number as a quantity: 3 → 三, 13 → 十三, 23 → 二十三 (Chinese), "twenty three"
 * (English). Numbers of 100 and more are read digit by digit.
 */
export function counterNumberClips(language: AnnouncementLanguage, counterNumber: number): string[] {
  const n = Math.trunc(counterNumber);
  if (n < 1 || n > 99) return [...String(Math.max(0, n))];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (n < 10) return [String(n)];
  if (language === 'en') {
    if (n < 20) return [String(n)];
    return units === 0 ? [`${tens}0`] : [`${tens}0`, String(units)];
  }
  return [...(tens > 1 ? [String(tens)] : []), '10', ...(units > 0 ? [String(units)] : [])];
}

/** The clips of one call in one language, in order. */
export function callClips(language: AnnouncementLanguage, call: { number: string; counterNumber: number }): string[] {
  const ticket = ticketNumberClips(call.number);
  const counter = counterNumberClips(language, call.counterNumber);
  if (language === 'en') return ['number', ...ticket, 'please-go-to-counter', ...counter];
  const place = language === 'yue' ? 'guiwei' : 'chuangkou';
  return ['qing', ...ticket, 'hao', 'dao', ...counter, 'hao', place];
}

/**
 * The clips a branch's own pack must hold to call every ticket of its services at every
 * counter: the words, the digits, its services' letters and its counters' numbers.
 */
export function requiredClipIds(language: AnnouncementLanguage, prefixes: readonly string[], counterNumbers: readonly number[]): string[] {
  const needed = new Set<string>([...WORD_CLIPS[language], ...DIGIT_CLIPS]);
  for (const prefix of prefixes) for (const id of ticketNumberClips(prefix)) needed.add(id);
  for (const n of counterNumbers) for (const id of counterNumberClips(language, n)) needed.add(id);
  return allClipIds(language).filter((id) => needed.has(id));
}

/** One clip of a pack's manifest: its file beside the manifest and its length. */
export const VoiceClip = Type.Object({
  file: Type.String(),
  seconds: Type.Union([Type.Number(), Type.Null()], { description: 'Length; null for uploaded MP3/OGG (the player measures it when it decodes)' }),
  sha256: Type.String(),
});
/** A pack's manifest.json: which clips it has. */
export const VoicePackManifest = Type.Object({
  language: AnnouncementLanguage,
  source: Type.String({ description: 'espeak-ng and its version, or "branch" for recordings' }),
  clips: Type.Record(Type.String(), VoiceClip),
});
export type VoicePackManifest = Static<typeof VoicePackManifest>;

/** Where the display finds a pack's manifest; clip files are relative to it. */
export const BUILTIN_VOICE_PATH = '/voice/builtin/:language/manifest.json';
export const BRANCH_VOICE_PATH = '/api/branches/:branchId/voice-pack/:language/manifest.json';
