/**
 * @lit/localize in runtime mode for the hall display. Elements marked `@localized()` re-render
 * when the locale changes; the page's `lang` makes the browser pick the right CJK glyphs.
 */
import { configureLocalization } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import type { DisplayLocale } from './logic/display-config.js';

// Explicit imports, so Vite bundles exactly the translation modules.
const translations = {
  'zh-Hant': () => import('./generated/locales/zh-Hant.js'),
  'zh-Hans': () => import('./generated/locales/zh-Hans.js'),
  'zh-HK': () => import('./generated/locales/zh-HK.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => translations[locale as keyof typeof translations](),
});

/** Switches every localized element to `locale` and tells the browser which language the page is in. */
export async function applyLocale(locale: DisplayLocale): Promise<void> {
  document.documentElement.lang = locale;
  await setLocale(locale);
}

/** The active locale, typed. */
export function currentLocale(): DisplayLocale {
  return getLocale() as DisplayLocale;
}

/**
 * The English line under Chinese text (class "en"), in Chinese locales only: in English the
 * main text already is English. The caller passes the same words as its `msg()` source.
 */
export function englishLine(text: string, className = 'en'): TemplateResult | typeof nothing {
  return currentLocale() === 'en' ? nothing : html`<span class=${className} lang="en">${text}</span>`;
}
