import { describe, expect, it } from 'vitest';
import { counterName, goToCounter, secondLocale } from '../../../kiosk-ui/src/logic/counter-call.js';
import { readDeviceConfig, type KeyValueStore } from '../../../kiosk-ui/src/logic/device-config.js';
import { chooseLocale, localeForBrowserTag, nameIn } from '../../../kiosk-ui/src/logic/locale-choice.js';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('locale choice', () => {
  it('lets ?lang= win over the last choice and the branch default', () => {
    expect(chooseLocale({ query: 'en', stored: 'zh-Hans', branchDefault: 'zh-Hant' })).toBe('en');
  });

  it('uses the last choice on this device before the branch default', () => {
    expect(chooseLocale({ query: null, stored: 'zh-Hans', branchDefault: 'zh-Hant' })).toBe('zh-Hans');
  });

  it('falls back to the branch default, ignoring unknown values', () => {
    expect(chooseLocale({ query: 'fr', stored: 'klingon', branchDefault: 'zh-Hant' })).toBe('zh-Hant');
  });

  it('uses the phone language when nothing else is known', () => {
    expect(chooseLocale({ browser: ['fr-FR', 'zh-TW'] })).toBe('zh-Hant');
    expect(chooseLocale({ browser: ['de'] })).toBeNull();
  });

  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-HK'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh-Hant-MO', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['en-GB', 'en'],
    ['ja', null],
  ])('maps the browser language %s to %s', (tag, locale) => {
    expect(localeForBrowserTag(tag)).toBe(locale);
  });

  it('picks the name of a branch or service for the locale', () => {
    const name = { en: 'Demo Branch', zhHant: '示範支行', zhHans: '示范支行' };
    expect(nameIn(name, 'zh-Hant')).toBe('示範支行');
    expect(nameIn(name, 'zh-Hans')).toBe('示范支行');
    expect(nameIn(name, 'en')).toBe('Demo Branch');
  });
});

describe('counter words', () => {
  it('uses the branch-wide words for the counter and the call', () => {
    expect(counterName(3, 'zh-Hant')).toBe('3號窗口');
    expect(counterName(3, 'zh-Hans')).toBe('3号窗口');
    expect(counterName(3, 'en')).toBe('Counter 3');
    expect(goToCounter(3, 'zh-Hant')).toBe('請到3號窗口');
    expect(goToCounter(3, 'zh-Hans')).toBe('请到3号窗口');
    expect(goToCounter(3, 'en')).toBe('Please go to counter 3');
  });

  it('says 櫃位 in Hong Kong', () => {
    expect(counterName(3, 'zh-HK')).toBe('3號櫃位');
    expect(goToCounter(3, 'zh-HK')).toBe('請到3號櫃位');
  });

  it('shows English second under Chinese, and Chinese second under English', () => {
    expect(secondLocale('zh-Hant')).toBe('en');
    expect(secondLocale('zh-Hans')).toBe('en');
    expect(secondLocale('en')).toBe('zh-Hant');
  });
});

describe('kiosk device config', () => {
  it('takes the branch and token from the URL and remembers them', () => {
    const store = memoryStore();
    expect(readDeviceConfig('?branch=demo&token=demo-kiosk', store)).toEqual({ branchId: 'demo', token: 'demo-kiosk' });
    expect(readDeviceConfig('', store)).toEqual({ branchId: 'demo', token: 'demo-kiosk' });
  });

  it('prefers a new URL over what was remembered', () => {
    const store = memoryStore({ 'lobbyflow.kiosk.branch': 'old', 'lobbyflow.kiosk.token': 'old-token' });
    expect(readDeviceConfig('?branch=demo&token=t2', store)).toEqual({ branchId: 'demo', token: 't2' });
  });

  it('is not set up without both a branch and a token', () => {
    expect(readDeviceConfig('?branch=demo', memoryStore())).toBeNull();
    expect(readDeviceConfig('', null)).toBeNull();
  });

  it('still works for this page load when storage refuses to write', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDeviceConfig('?branch=demo&token=x', store)).toEqual({ branchId: 'demo', token: 'x' });
  });
});
