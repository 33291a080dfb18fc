import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS, parseLocale, readDisplayConfig } from '../../../display-ui/src/logic/display-config.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('display configuration', () => {
  it('reads branch, token, counter and language from the URL and remembers them', () => {
    const storage = memoryStorage();
    const config = readDisplayConfig('?branch=demo&token=demo-display&counter=3&lang=zh-Hans', storage);
    expect(config).toEqual({ branchId: 'demo', token: 'demo-display', counterNumber: 3, locale: 'zh-Hans' });
    expect(storage.values.get(STORAGE_KEYS.branchId)).toBe('demo');
    expect(storage.values.get(STORAGE_KEYS.token)).toBe('demo-display');
    expect(storage.values.get(STORAGE_KEYS.locale)).toBe('zh-Hans');
  });

  it('falls back to what an earlier start remembered when the URL is bare', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.branchId]: 'demo', [STORAGE_KEYS.token]: 'demo-display', [STORAGE_KEYS.locale]: 'en' });
    expect(readDisplayConfig('', storage)).toEqual({ branchId: 'demo', token: 'demo-display', counterNumber: null, locale: 'en' });
  });

  it('lets the URL win over what was remembered', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.branchId]: 'old', [STORAGE_KEYS.token]: 'old-token' });
    expect(readDisplayConfig('?branch=demo&token=new', storage)).toMatchObject({ branchId: 'demo', token: 'new' });
  });

  it('does not remember the counter: the wall display stays a wall display', () => {
    const storage = memoryStorage();
    readDisplayConfig('?branch=demo&token=t&counter=3', storage);
    expect(readDisplayConfig('', storage).counterNumber).toBeNull();
  });

  it('ignores a counter that is not a positive number, and an unknown language', () => {
    for (const counter of ['0', '-1', 'x', '3.5', '']) {
      expect(readDisplayConfig(`?counter=${counter}`, null).counterNumber).toBeNull();
    }
    expect(readDisplayConfig('?lang=fr', null).locale).toBeNull();
  });

  it('works when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readDisplayConfig('?branch=demo&token=t', blocked)).toMatchObject({ branchId: 'demo', token: 't' });
    expect(readDisplayConfig('', blocked)).toMatchObject({ branchId: null, token: null });
  });

  it('accepts the usual spellings of a locale', () => {
    expect(parseLocale('zh-hant')).toBe('zh-Hant');
    expect(parseLocale('zh_Hans')).toBe('zh-Hans');
    expect(parseLocale('EN')).toBe('en');
    expect(parseLocale('zh')).toBeNull();
  });
});
