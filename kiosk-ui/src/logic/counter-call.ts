/**
 * Counter names and the call phrase in all three languages at once. These are not run through
 * @lit/localize because a ticket shows two languages side by side (Chinese first, English second),
 * and because every screen in the branch must use exactly these words (docs/ui-conventions.md).
 */
import type { KioskLocale } from './locale-choice.js';

/** "3號窗口" / "3號櫃位" (Hong Kong) / "3号窗口" / "Counter 3". */
export function counterName(counterNumber: number, locale: KioskLocale): string {
  if (locale === 'zh-HK') return `${counterNumber}號櫃位`;
  if (locale === 'zh-Hant') return `${counterNumber}號窗口`;
  if (locale === 'zh-Hans') return `${counterNumber}号窗口`;
  return `Counter ${counterNumber}`;
}

/** "請到3號窗口" / "請到3號櫃位" / "请到3号窗口" / "Please go to counter 3". */
export function goToCounter(counterNumber: number, locale: KioskLocale): string {
  if (locale === 'zh-Hant' || locale === 'zh-HK') return `請到${counterName(counterNumber, locale)}`;
  if (locale === 'zh-Hans') return `请到${counterName(counterNumber, locale)}`;
  return `Please go to counter ${counterNumber}`;
}

/** The language shown second, smaller: English under Chinese, Traditional Chinese under English. */
export function secondLocale(locale: KioskLocale): KioskLocale {
  return locale === 'en' ? 'zh-Hant' : 'en';
}
