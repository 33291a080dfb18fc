import { describe, expect, it } from 'vitest';
import {
  announcementFor,
  chineseDigits,
  chineseScriptFor,
  englishCall,
  mandarinCall,
  spelledOut,
} from '../../../display-ui/src/logic/announcement-text.js';

describe('announcement text', () => {
  const call = { number: 'A023', counterNumber: 3 };

  it('says the call in traditional Chinese with a Taiwan Mandarin voice', () => {
    expect(mandarinCall(call, 'zh-Hant')).toEqual({ text: '請A零二三號到3號窗口', lang: 'zh-TW' });
  });

  it('says the call in simplified Chinese with a mainland Mandarin voice', () => {
    expect(mandarinCall(call, 'zh-Hans')).toEqual({ text: '请A零二三号到3号窗口', lang: 'zh-CN' });
  });

  it('says the call in English, the number one character at a time', () => {
    expect(englishCall(call)).toEqual({ text: 'Number A 0 2 3, please go to counter 3', lang: 'en-US' });
  });

  it('announces Mandarin first, then English', () => {
    expect(announcementFor({ number: 'V105', counterNumber: 12 }, 'zh-Hans')).toEqual([
      { text: '请V一零五号到12号窗口', lang: 'zh-CN' },
      { text: 'Number V 1 0 5, please go to counter 12', lang: 'en-US' },
    ]);
  });

  it('reads every digit, zeros included, so that A003 is not "A three"', () => {
    expect(chineseDigits('A003')).toBe('A零零三');
    expect(chineseDigits('B999')).toBe('B九九九');
    expect(chineseDigits('C1234')).toBe('C一二三四');
    expect(spelledOut('A003')).toBe('A 0 0 3');
  });

  it('speaks the Chinese of the screen, else of the branch', () => {
    expect(chineseScriptFor('zh-Hans', 'zh-Hant')).toBe('zh-Hans');
    expect(chineseScriptFor('zh-Hant', 'zh-Hans')).toBe('zh-Hant');
    expect(chineseScriptFor('en', 'zh-Hans')).toBe('zh-Hans');
    expect(chineseScriptFor('en', 'en')).toBe('zh-Hant');
  });
});
