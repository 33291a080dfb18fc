import { describe, expect, it } from 'vitest';
import { chooseLocale, loadMergedLocale, localeFromLanguageTag, localizedName } from '../../../../manager-ui/src/logic/locale.js';

describe('locale choice', () => {
  it('lets ?lang= win over the stored choice and the branch default', () => {
    expect(chooseLocale({ query: 'en', stored: 'zh-Hans', branchDefault: 'zh-Hant' })).toBe('en');
  });

  it("uses the user's last choice before the branch default", () => {
    expect(chooseLocale({ query: null, stored: 'zh-Hans', branchDefault: 'zh-Hant' })).toBe('zh-Hans');
  });

  it('falls back to the branch default, then the browser language, then Traditional Chinese', () => {
    expect(chooseLocale({ branchDefault: 'en', browser: 'zh-CN' })).toBe('en');
    expect(chooseLocale({ browser: 'zh-CN' })).toBe('zh-Hans');
    expect(chooseLocale({ browser: 'fr-FR' })).toBe('zh-Hant');
  });

  it('ignores values that are not one of our locales', () => {
    expect(chooseLocale({ query: 'de', stored: 'xx', branchDefault: 'zh-Hans' })).toBe('zh-Hans');
  });

  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-HK'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    ['en-GB', 'en'],
    ['ja', null],
  ] as const)('reads the browser language %s as %s', (tag, locale) => {
    expect(localeFromLanguageTag(tag)).toBe(locale);
  });

  it('picks the name in the locale', () => {
    const name = { en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取' };
    expect(localizedName(name, 'zh-Hant')).toBe('現金存取');
    expect(localizedName(name, 'zh-Hans')).toBe('现金存取');
    expect(localizedName(name, 'en')).toBe('Cash & deposits');
  });
});

describe('merging the console and admin catalogues', () => {
  const own = {
    './generated/locales/zh-Hant.ts': async () => ({ templates: { s1: '叫號', s2: '登出' } }),
    './generated/locales/zh-Hans.ts': async () => ({ templates: { s1: '叫号' } }),
  };
  const admin = { './admin/generated/locales/zh-Hant.js': async () => ({ templates: { a1: '用戶管理' } }) };

  it("merges both catalogues' templates for a locale", async () => {
    expect((await loadMergedLocale([own, admin], 'zh-Hant')).templates).toEqual({ s1: '叫號', s2: '登出', a1: '用戶管理' });
  });

  it('works while the admin catalogue has no module for the locale, or none at all', async () => {
    expect((await loadMergedLocale([own, admin], 'zh-Hans')).templates).toEqual({ s1: '叫号' });
    expect((await loadMergedLocale([own, {}], 'zh-Hant')).templates).toEqual({ s1: '叫號', s2: '登出' });
  });

  it('lets the later catalogue win where both translate the same message', async () => {
    const admin = { './admin/generated/locales/zh-Hant.ts': async () => ({ templates: { s1: '開放' } }) };
    const own = { './generated/locales/zh-Hant.ts': async () => ({ templates: { s1: '開啟' } }) };
    expect((await loadMergedLocale([admin, own], 'zh-Hant')).templates).toEqual({ s1: '開啟' });
  });

  it('does not mistake zh-Hant for zh-Hans by a prefix match', async () => {
    const only = { './generated/locales/zh-Hant.ts': async () => ({ templates: { s1: '叫號' } }) };
    expect((await loadMergedLocale([only], 'zh-Hans')).templates).toEqual({});
  });
});
