/**
 * zh-HK, the fourth locale (Hong Kong branches): chosen by ?lang=, by the branch's default or by a
 * Hong Kong phone, in the kiosk, the hall display and the console; names come from the zhHant field,
 * counters are 櫃位 and dates are formatted the Hong Kong way.
 */
import { describe, expect, it } from 'vitest';
import { formatClockDate, localName } from '../../../display-ui/src/logic/hall-format.js';
import { parseLocale, readDisplayConfig } from '../../../display-ui/src/logic/display-config.js';
import { counterName, goToCounter } from '../../../kiosk-ui/src/logic/counter-call.js';
import { chooseLocale as chooseKioskLocale, isKioskLocale, nameIn } from '../../../kiosk-ui/src/logic/locale-choice.js';
import { chooseLocale as chooseConsoleLocale, localizedName } from '../../../manager-ui/src/logic/locale.js';

const branchName = { en: 'Central Branch', zhHant: '中環分行', zhHans: '中环分行' };
const noStorage = { getItem: () => null, setItem: () => undefined };

describe('the kiosk and the phone page in zh-HK', () => {
  it('take zh-HK from ?lang=, from the last choice and from the branch default', () => {
    expect(chooseKioskLocale({ query: 'zh-HK', branchDefault: 'zh-Hant' })).toBe('zh-HK');
    expect(chooseKioskLocale({ stored: 'zh-HK', branchDefault: 'en' })).toBe('zh-HK');
    expect(chooseKioskLocale({ branchDefault: 'zh-HK', browser: ['en-GB'] })).toBe('zh-HK');
  });

  it('let ?lang= win over a zh-HK branch, and fall back to it past an unknown ?lang=', () => {
    expect(chooseKioskLocale({ query: 'zh-Hans', branchDefault: 'zh-HK' })).toBe('zh-Hans');
    expect(chooseKioskLocale({ query: 'zh-hk', branchDefault: 'zh-HK' })).toBe('zh-HK');
    expect(chooseKioskLocale({ query: 'yue', stored: 'zh-MO', branchDefault: 'zh-HK' })).toBe('zh-HK');
    expect(isKioskLocale('zh-hk')).toBe(false);
  });

  it('give a Hong Kong phone zh-HK when the branch is unknown, and Macau or Taiwan zh-Hant', () => {
    expect(chooseKioskLocale({ browser: ['zh-HK', 'en'] })).toBe('zh-HK');
    expect(chooseKioskLocale({ browser: ['zh-Hant-MO'] })).toBe('zh-Hant');
    expect(chooseKioskLocale({ browser: ['zh-TW'] })).toBe('zh-Hant');
  });

  it('read server names from the Traditional field and name counters 櫃位', () => {
    expect(nameIn(branchName, 'zh-HK')).toBe('中環分行');
    expect(counterName(3, 'zh-HK')).toBe('3號櫃位');
    expect(goToCounter(12, 'zh-HK')).toBe('請到12號櫃位');
    expect(counterName(3, 'zh-Hant')).toBe('3號窗口');
  });
});

describe('the hall display in zh-HK', () => {
  it('accepts zh-HK however it is written in the address, and remembers it', () => {
    for (const lang of ['zh-HK', 'zh-hk', 'zh_HK', ' ZH-HK ']) expect(parseLocale(lang)).toBe('zh-HK');
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
    expect(readDisplayConfig('?branch=demo&token=t&lang=zh_HK', storage).locale).toBe('zh-HK');
    expect(readDisplayConfig('?branch=demo', storage).locale).toBe('zh-HK');
  });

  it('follows the branch default when no language is fixed', () => {
    expect(readDisplayConfig('?branch=demo&token=t&lang=yue', noStorage).locale).toBeNull();
  });

  it('shows Traditional names and a Hong Kong date', () => {
    expect(localName(branchName, 'zh-HK')).toBe('中環分行');
    const at = new Date('2026-11-23T02:00:00Z');
    expect(formatClockDate(at, 'Asia/Hong_Kong', 'zh-HK')).toBe('11月23日 星期一');
  });
});

describe('the console in zh-HK', () => {
  it('takes zh-HK from ?lang=, the last choice, the branch default or a Hong Kong browser', () => {
    expect(chooseConsoleLocale({ query: 'zh-HK', stored: 'en', branchDefault: 'zh-Hans' })).toBe('zh-HK');
    expect(chooseConsoleLocale({ stored: 'zh-HK', branchDefault: 'en' })).toBe('zh-HK');
    expect(chooseConsoleLocale({ branchDefault: 'zh-HK', browser: 'zh-CN' })).toBe('zh-HK');
    expect(chooseConsoleLocale({ query: 'xx', browser: 'zh-HK' })).toBe('zh-HK');
    expect(chooseConsoleLocale({ browser: 'fr-FR' })).toBe('zh-Hant');
  });

  it('reads server names from the Traditional field', () => {
    expect(localizedName(branchName, 'zh-HK')).toBe('中環分行');
  });
});
