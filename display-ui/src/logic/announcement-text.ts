/**
 * What the hall hears for a call from the browser's speech voices: the branch's announcement
 * languages in order (Mandarin then English by default; Cantonese then English in Hong Kong).
 *
 * The ticket number is read digit by digit, as tellers say it. Speech engines read "A023"
 * as a quantity ("A twenty-three", "A二十三"), which drops the zero, so:
 * - Mandarin gets the digits as Chinese numerals, "A零二三": every Chinese voice reads them
 *   one by one (líng èr sān) and the letter as a letter. The counter number stays a quantity,
 *   "3號窗口", which is how a window is named.
 * - English gets the characters apart, "A 0 2 3": voices say "zero two three", one by one.
 */
import type { AnnouncementLanguage } from '../../../protocol/voice-clips.js';

export type ChineseScript = 'zh-Hant' | 'zh-Hans';

/** One sentence for the speech engine, with the BCP 47 language its voice must speak. */
export interface Utterance {
  text: string;
  lang: string;
}

export interface CallToAnnounce {
  number: string;
  counterNumber: number;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "A023" → "A零二三". */
export function chineseDigits(ticketNumber: string): string {
  return ticketNumber.replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]);
}

/** "A023" → "A 0 2 3". */
export function spelledOut(ticketNumber: string): string {
  return [...ticketNumber].join(' ');
}

/** The Mandarin sentence: 請A零二三號到3號窗口 (traditional) or 请A零二三号到3号窗口 (simplified). */
export function mandarinCall(call: CallToAnnounce, script: ChineseScript): Utterance {
  const number = chineseDigits(call.number);
  return script === 'zh-Hans'
    ? { text: `请${number}号到${call.counterNumber}号窗口`, lang: 'zh-CN' }
    : { text: `請${number}號到${call.counterNumber}號窗口`, lang: 'zh-TW' };
}

/** The English sentence: "Number A 0 2 3, please go to counter 3". */
export function englishCall(call: CallToAnnounce): Utterance {
  return { text: `Number ${spelledOut(call.number)}, please go to counter ${call.counterNumber}`, lang: 'en-US' };
}

/** The Cantonese sentence, in Hong Kong's words: 請A零二三號到3號櫃位. */
export function cantoneseCall(call: CallToAnnounce): Utterance {
  return { text: `請${chineseDigits(call.number)}號到${call.counterNumber}號櫃位`, lang: 'zh-HK' };
}

/** Everything said for one call or recall, in the branch's languages (default: Mandarin, then English). */
export function announcementFor(call: CallToAnnounce, script: ChineseScript, languages: readonly AnnouncementLanguage[] = ['cmn', 'en']): Utterance[] {
  return languages.map((language) => (language === 'yue' ? cantoneseCall(call) : language === 'en' ? englishCall(call) : mandarinCall(call, script)));
}

/** Which Chinese the hall hears: the screen's own, else the branch's, else traditional. */
export function chineseScriptFor(screenLocale: string, branchLocale: string): ChineseScript {
  if (screenLocale === 'zh-Hans' || screenLocale === 'zh-Hant') return screenLocale;
  if (screenLocale === 'zh-HK') return 'zh-Hant';
  return branchLocale === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
}
