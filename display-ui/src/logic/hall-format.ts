/** Formatting for the hall display: names by locale, waits, the clock and the ticker's pace. */
import type { LocalizedName } from '../../../protocol/index.js';
import type { DisplayLocale } from './display-config.js';

/** A server name in the screen's language. */
export function localName(name: LocalizedName, locale: DisplayLocale | string): string {
  if (locale === 'zh-Hant' || locale === 'zh-HK') return name.zhHant;
  if (locale === 'zh-Hans') return name.zhHans;
  return name.en;
}

/**
 * A counter's name as the hall reads it: "3號窗口", "3号窗口", in Hong Kong "3號櫃位", "Counter 3".
 * Written out rather than translated, so the number sits where each language puts it.
 */
export function counterName(counterNumber: number, locale: DisplayLocale | string): string {
  if (locale === 'zh-HK') return `${counterNumber}號櫃位`;
  if (locale === 'zh-Hant') return `${counterNumber}號窗口`;
  if (locale === 'zh-Hans') return `${counterNumber}号窗口`;
  return `Counter ${counterNumber}`;
}

/** Whole minutes for a wait estimate; a short but real wait is "1", never "0". */
export function waitMinutes(seconds: number): number {
  if (seconds <= 0) return 0;
  return Math.max(1, Math.round(seconds / 60));
}

const INTL_LOCALE: Record<DisplayLocale, string> = { 'zh-Hant': 'zh-TW', 'zh-HK': 'zh-HK', 'zh-Hans': 'zh-CN', en: 'en-GB' };

/** "14:32", 24-hour, in the branch's time zone. */
export function formatClockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "11月23日 星期一" / "Monday 23 November", in the branch's time zone. */
export function formatClockDate(at: Date, timeZone: string, locale: DisplayLocale): string {
  // Two parts joined by a space: the combined pattern varies between ICU versions ("11月23日星期一").
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, ...options }).format(at);
  const day = format({ month: 'long', day: 'numeric' });
  const weekday = format({ weekday: 'long' });
  return locale === 'en' ? `${weekday} ${day}` : `${day} ${weekday}`;
}

/** Pixels per second of the notice ticker: slow enough to read from the back of the hall. */
export const TICKER_SPEED_PX_PER_S = 90;

/** Seconds for the ticker to move one copy of its content past, at a steady pace whatever its length. */
export function tickerDurationSeconds(contentWidthPx: number, speedPxPerS = TICKER_SPEED_PX_PER_S): number {
  return Math.max(10, Math.round(contentWidthPx / speedPxPerS));
}
