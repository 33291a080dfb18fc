import { describe, expect, it } from 'vitest';
import { defaultAnnouncementLanguages, languagesAfterLocaleChange } from '../../server/src/domain/announcement-defaults.js';

describe('announcement languages by default', () => {
  it.each([
    ['zh-Hant', ['cmn', 'en']],
    ['zh-Hans', ['cmn', 'en']],
    ['en', ['cmn', 'en']],
    ['zh-HK', ['yue', 'en']],
  ])('a %s branch hears %j', (locale, languages) => {
    expect(defaultAnnouncementLanguages(locale)).toEqual(languages);
  });

  it('moves a branch that kept the default to the new locale’s default', () => {
    expect(languagesAfterLocaleChange(['cmn', 'en'], 'zh-Hant', 'zh-HK')).toEqual(['yue', 'en']);
    expect(languagesAfterLocaleChange(['yue', 'en'], 'zh-HK', 'zh-Hans')).toEqual(['cmn', 'en']);
  });

  it('keeps a branch’s own choice when its locale changes', () => {
    expect(languagesAfterLocaleChange(['cmn', 'yue', 'en'], 'zh-Hant', 'zh-HK')).toEqual(['cmn', 'yue', 'en']);
    expect(languagesAfterLocaleChange(['en'], 'zh-HK', 'zh-Hant')).toEqual(['en']);
  });
});
