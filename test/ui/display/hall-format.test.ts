import { describe, expect, it } from 'vitest';
import {
  TICKER_SPEED_PX_PER_S,
  counterName,
  formatClockDate,
  formatClockTime,
  localName,
  tickerDurationSeconds,
  waitMinutes,
} from '../../../display-ui/src/logic/hall-format.js';
import { tickerLines, type NoticeBoard } from '../../../display-ui/src/logic/notice-board.js';

const cash = { en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取' };

describe('hall formatting', () => {
  it('picks the name in the screen language', () => {
    expect(localName(cash, 'zh-Hant')).toBe('現金存取');
    expect(localName(cash, 'zh-Hans')).toBe('现金存取');
    expect(localName(cash, 'en')).toBe('Cash & deposits');
  });

  it('names a counter as each hall says it: 窗口, and 櫃位 in Hong Kong', () => {
    expect(counterName(3, 'zh-Hant')).toBe('3號窗口');
    expect(counterName(3, 'zh-HK')).toBe('3號櫃位');
    expect(counterName(12, 'zh-Hans')).toBe('12号窗口');
    expect(counterName(3, 'en')).toBe('Counter 3');
  });

  it('shows waits in whole minutes, never a real wait as 0', () => {
    expect(waitMinutes(0)).toBe(0);
    expect(waitMinutes(10)).toBe(1);
    expect(waitMinutes(89)).toBe(1);
    expect(waitMinutes(90)).toBe(2);
    expect(waitMinutes(12 * 60 + 20)).toBe(12);
  });

  it('shows the time of the branch, in 24-hour form', () => {
    const at = new Date('2026-11-23T06:32:10.000Z');
    expect(formatClockTime(at, 'Asia/Shanghai')).toBe('14:32');
    expect(formatClockTime(at, 'Europe/London')).toBe('06:32');
    expect(formatClockTime(new Date('2026-11-22T16:05:00.000Z'), 'Asia/Shanghai')).toBe('00:05');
  });

  it('shows the date of the branch in the screen language', () => {
    const at = new Date('2026-11-22T17:00:00.000Z'); // Monday morning in Shanghai
    expect(formatClockDate(at, 'Asia/Shanghai', 'zh-Hant')).toBe('11月23日 星期一');
    expect(formatClockDate(at, 'Asia/Shanghai', 'zh-Hans')).toBe('11月23日 星期一');
    expect(formatClockDate(at, 'Asia/Shanghai', 'en')).toBe('Monday 23 November');
  });

  it('scrolls the ticker at the same pace however long the board is', () => {
    expect(tickerDurationSeconds(TICKER_SPEED_PX_PER_S * 60)).toBe(60);
    expect(tickerDurationSeconds(TICKER_SPEED_PX_PER_S * 120)).toBe(120);
    // A very short board still moves gently rather than racing round.
    expect(tickerDurationSeconds(100)).toBe(10);
  });
});

describe('ticker lines', () => {
  const board: NoticeBoard = {
    notices: [{ en: 'Opening hours 9–17', zhHant: '營業時間 9–17', zhHans: '营业时间 9–17' }],
    rates: [{ label: { en: '1-year fixed', zhHant: '一年定期', zhHans: '一年定期' }, value: '0.95%' }],
  };

  it('puts English beside the Chinese in Chinese locales, notices before rates', () => {
    expect(tickerLines(board, 'zh-Hant')).toEqual([
      { kind: 'notice', text: '營業時間 9–17', english: 'Opening hours 9–17' },
      { kind: 'rate', text: '一年定期', english: '1-year fixed', value: '0.95%' },
    ]);
  });

  it('shows English once in the English locale', () => {
    expect(tickerLines(board, 'en').map((l) => [l.text, l.english])).toEqual([
      ['Opening hours 9–17', null],
      ['1-year fixed', null],
    ]);
  });

  it('does not repeat a line whose English and Chinese are the same', () => {
    const same = { notices: [{ en: 'ATM 24h', zhHant: 'ATM 24h', zhHans: 'ATM 24h' }], rates: [] };
    expect(tickerLines(same, 'zh-Hans')[0].english).toBeNull();
  });
});
