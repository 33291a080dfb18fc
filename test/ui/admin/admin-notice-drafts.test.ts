import { describe, expect, it } from 'vitest';
import type { NoticeBoard } from '../../../protocol/notice-schemas.js';
import {
  blankNotice,
  blankRate,
  boardHasProblems,
  changesBoard,
  checkNoticeBoard,
  moveLine,
  noticeBoardBody,
  noticeBoardDraft,
  withLineText,
} from '../../../manager-ui/src/admin/admin-notice-drafts.js';

const text = (en: string) => ({ en, zhHant: `${en}（繁）`, zhHans: `${en}（简）` });
const board: NoticeBoard = {
  notices: [text('Open on Saturday'), text('Beware of fraud')],
  rates: [{ label: text('Demand deposit'), value: '0.05%' }],
};

describe('notice and rate boards as the admin edits them', () => {
  it('gives the saved board back unchanged when nothing was typed', () => {
    const draft = noticeBoardDraft(board);
    expect(noticeBoardBody(draft)).toEqual(board);
    expect(changesBoard(draft, board)).toBe(false);
  });

  it('gives every line its own key, so a line keeps its fields while it moves', () => {
    const draft = noticeBoardDraft(board);
    const keys = [...draft.notices, ...draft.rates, blankNotice(), blankRate()].map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('trims what was typed before sending it', () => {
    const draft = withLineText(noticeBoardDraft(board), 'rates', 0, 'value', ' 0.10% ');
    expect(noticeBoardBody(draft).rates[0].value).toBe('0.10%');
    expect(changesBoard(draft, board)).toBe(true);
  });

  it('sends a notice typed over two lines as one line, as the ticker shows it', () => {
    const draft = withLineText(noticeBoardDraft(board), 'notices', 0, 'zhHant', '週六照常營業\n  週日休息 ');
    expect(noticeBoardBody(draft).notices[0].zhHant).toBe('週六照常營業 週日休息');
  });

  it('moves a line up or down, and not past either end', () => {
    expect(moveLine(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLine(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLine(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveLine(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('needs every language of a notice, and a label and value for every rate', () => {
    const draft = { notices: [{ ...blankNotice(), en: 'Closed on Sunday' }], rates: [{ ...blankRate(), zhHant: '活期', zhHans: '活期', en: 'Demand' }] };
    const problems = checkNoticeBoard(draft);
    expect(problems).toEqual({
      notices: [{ zhHant: { kind: 'required' }, zhHans: { kind: 'required' } }],
      rates: [{ value: { kind: 'required' } }],
    });
    expect(boardHasProblems(problems)).toBe(true);
    expect(boardHasProblems(checkNoticeBoard(noticeBoardDraft(board)))).toBe(false);
  });

  it('holds lines to the lengths the server takes', () => {
    const long = withLineText(withLineText(noticeBoardDraft(board), 'notices', 1, 'en', 'x'.repeat(301)), 'rates', 0, 'value', '1.25% per annum');
    expect(checkNoticeBoard(long)).toEqual({ notices: [{}, { en: { kind: 'tooLong', max: 300 } }], rates: [{}] });
    const longer = withLineText(long, 'rates', 0, 'value', '1.25% per annum!!');
    expect(checkNoticeBoard(longer).rates).toEqual([{ value: { kind: 'tooLong', max: 16 } }]);
  });

  it('accepts an empty board: the display then scrolls nothing', () => {
    expect(boardHasProblems(checkNoticeBoard({ notices: [], rates: [] }))).toBe(false);
  });
});
