/**
 * The notice board and interest-rate board (利率牌) as the admin page edits them: lines as typed,
 * with a key each so a line keeps its fields while it moves, and the checks the server makes too
 * (protocol NOTICE_LIMITS). Pure functions, tested without a browser.
 */
import { NOTICE_LIMITS as L, type NoticeBoard } from '../../../protocol/notice-schemas.js';
import type { LocalizedName } from '../../../protocol/schemas.js';
import { hasProblems, type Problem, type Problems } from './admin-validation.js';

export interface NoticeLineDraft {
  /** Stable while the line is moved, so its inputs move with it. */
  key: number;
  en: string;
  zhHant: string;
  zhHans: string;
}

export interface RateLineDraft extends NoticeLineDraft {
  value: string;
}

export interface NoticeBoardDraft {
  notices: NoticeLineDraft[];
  rates: RateLineDraft[];
}

export type BoardList = keyof NoticeBoardDraft;
export type NoticeField = 'en' | 'zhHant' | 'zhHans';
export type RateField = NoticeField | 'value';

export interface NoticeBoardProblems {
  notices: Problems<NoticeField>[];
  rates: Problems<RateField>[];
}

let lastKey = 0;
const texts = (name: LocalizedName) => ({ key: ++lastKey, en: name.en, zhHant: name.zhHant, zhHans: name.zhHans });

export const blankNotice = (): NoticeLineDraft => texts({ en: '', zhHant: '', zhHans: '' });
export const blankRate = (): RateLineDraft => ({ ...blankNotice(), value: '' });

/** The most lines each board takes. */
export const maxLines = (list: BoardList) => (list === 'notices' ? L.maxNotices : L.maxRates);

export const noticeBoardDraft = (board: NoticeBoard): NoticeBoardDraft => ({
  notices: board.notices.map(texts),
  rates: board.rates.map((rate) => ({ ...texts(rate.label), value: rate.value })),
});

/** The ticker shows one line: line breaks typed into a notice become spaces. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
const trimmed = (line: NoticeLineDraft): LocalizedName => ({ en: oneLine(line.en), zhHant: oneLine(line.zhHant), zhHans: oneLine(line.zhHans) });

export const noticeBoardBody = (draft: NoticeBoardDraft): NoticeBoard => ({
  notices: draft.notices.map(trimmed),
  rates: draft.rates.map((rate) => ({ label: trimmed(rate), value: rate.value.trim() })),
});

/** Whether the draft would change the board as saved. */
export const changesBoard = (draft: NoticeBoardDraft, saved: NoticeBoard) => JSON.stringify(noticeBoardBody(draft)) !== JSON.stringify(saved);

function text(value: string, max: number): Problem | undefined {
  if (!value.trim()) return { kind: 'required' };
  if (value.trim().length > max) return { kind: 'tooLong', max };
  return undefined;
}

function lineProblems<Field extends string>(checks: [Field, Problem | undefined][]): Problems<Field> {
  const problems: Problems<Field> = {};
  for (const [field, problem] of checks) if (problem) problems[field] = problem;
  return problems;
}

/** Every language of every line is required: the display shows the hall's language with English beside it. */
export function checkNoticeBoard(draft: NoticeBoardDraft): NoticeBoardProblems {
  return {
    notices: draft.notices.map((n) =>
      lineProblems<NoticeField>([
        ['zhHant', text(n.zhHant, L.noticeLength)],
        ['zhHans', text(n.zhHans, L.noticeLength)],
        ['en', text(n.en, L.noticeLength)],
      ]),
    ),
    rates: draft.rates.map((r) =>
      lineProblems<RateField>([
        ['zhHant', text(r.zhHant, L.rateLabelLength)],
        ['zhHans', text(r.zhHans, L.rateLabelLength)],
        ['en', text(r.en, L.rateLabelLength)],
        ['value', text(r.value, L.rateValueLength)],
      ]),
    ),
  };
}

export const boardHasProblems = (problems: NoticeBoardProblems) => [...problems.notices, ...problems.rates].some(hasProblems);

/** The list with line `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveLine<Line>(lines: readonly Line[], index: number, step: -1 | 1): Line[] {
  const to = index + step;
  if (index < 0 || index >= lines.length || to < 0 || to >= lines.length) return [...lines];
  const next = [...lines];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The draft with one field of one line changed. */
export function withLineText(draft: NoticeBoardDraft, list: BoardList, index: number, field: RateField, value: string): NoticeBoardDraft {
  const lines = draft[list].map((line, i) => (i === index ? { ...line, [field]: value } : line));
  return { ...draft, [list]: lines };
}
