/**
 * @lit/localize in runtime mode for the kiosk and the mobile ticket page. Elements marked
 * `@localized()` re-render when the locale changes; the page's `lang` picks the right CJK glyphs.
 */
import { configureLocalization } from '@lit/localize';
import type { KioskLocale } from './logic/locale-choice.js';

// Explicit imports, so Vite bundles exactly the translation modules.
const translations = {
  'zh-Hant': () => import('./generated/locales/zh-Hant.js'),
  'zh-Hans': () => import('./generated/locales/zh-Hans.js'),
  'zh-HK': () => import('./generated/locales/zh-HK.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['zh-Hant', 'zh-Hans', 'zh-HK'],
  loadLocale: (locale) => translations[locale as keyof typeof translations](),
});

export { getLocale };

/** Switches every localized element to `locale` and tells the browser which language the page is in. */
export async function applyLocale(locale: KioskLocale): Promise<void> {
  document.documentElement.lang = locale;
  await setLocale(locale);
}

/** The active locale, typed. */
export function currentLocale(): KioskLocale {
  return getLocale() as KioskLocale;
}
