/** Which language a screen shows, and how server-side names are picked for it. Pure. */
import type { LocalizedName } from '../../../protocol/index.js';

/** zh-HK: Traditional Chinese in Hong Kong's words (櫃位, 分行); server names use the zhHant field. */
export const KIOSK_LOCALES = ['zh-Hant', 'zh-HK', 'zh-Hans', 'en'] as const;
export type KioskLocale = (typeof KIOSK_LOCALES)[number];

/** Whether a string is one of the locales the kiosk ships. */
export function isKioskLocale(value: unknown): value is KioskLocale {
  return typeof value === 'string' && (KIOSK_LOCALES as readonly string[]).includes(value);
}

export interface LocaleSources {
  /** `?lang=` in the page URL. */
  query?: string | null;
  /** The last choice made with the language switch on this device. */
  stored?: string | null;
  /** The branch's default locale, once the snapshot has arrived. */
  branchDefault?: string | null;
  /** The browser's languages (the customer's phone), used when the branch is unknown. */
  browser?: readonly string[];
}

/** `?lang=` wins, then the last choice on this device, then the branch default, then the browser's language. */
export function chooseLocale({ query, stored, branchDefault, browser = [] }: LocaleSources): KioskLocale | null {
  for (const candidate of [query, stored, branchDefault]) if (isKioskLocale(candidate)) return candidate;
  for (const tag of browser) {
    const locale = localeForBrowserTag(tag);
    if (locale) return locale;
  }
  return null;
}

/** Maps a BCP 47 tag from `navigator.languages` to a kiosk locale: zh-HK → Hong Kong, zh-TW/MO → Traditional, other zh → Simplified. */
export function localeForBrowserTag(tag: string): KioskLocale | null {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh') && /-hk\b/.test(lower)) return 'zh-HK';
  if (lower.startsWith('zh')) return /hant|-tw|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** A branch or service name in the given locale. */
export function nameIn(name: LocalizedName, locale: KioskLocale): string {
  if (locale === 'zh-Hant' || locale === 'zh-HK') return name.zhHant;
  if (locale === 'zh-Hans') return name.zhHans;
  return name.en;
}

/** Whether the locale is Chinese (then the English name is shown second, smaller). */
export function isChinese(locale: KioskLocale): boolean {
  return locale !== 'en';
}
