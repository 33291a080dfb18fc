/**
 * The notice and interest-rate boards (利率牌) as `GET /api/branches/:branchId/notices` returns
 * them (protocol/notice-schemas.ts), and the lines the ticker scrolls.
 */
import type { LocalizedName, NoticeBoard } from '../../../protocol/index.js';
import type { DisplayLocale } from './display-config.js';
import { localName } from './hall-format.js';

export type { NoticeBoard } from '../../../protocol/index.js';

/** One line on the ticker: the screen's language, and English beside it in Chinese locales. */
export interface TickerLine {
  kind: 'notice' | 'rate';
  text: string;
  english: string | null;
  value?: string;
}

/** Every notice, then every rate, in board order. */
export function tickerLines(board: NoticeBoard, locale: DisplayLocale): TickerLine[] {
  const english = (name: LocalizedName) => (locale === 'en' || name.en === localName(name, locale) ? null : name.en);
  return [
    ...board.notices.map((n): TickerLine => ({ kind: 'notice', text: localName(n, locale), english: english(n) })),
    ...board.rates.map((r): TickerLine => ({ kind: 'rate', text: localName(r.label, locale), english: english(r.label), value: r.value })),
  ];
}

/** How often the display asks for the boards again: they change a few times a year. */
export const NOTICE_REFRESH_MS = 5 * 60_000;
