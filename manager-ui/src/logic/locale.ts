/** Which language the console speaks, and how the server's localized names are picked. */
import type { LocaleModule } from '@lit/localize';
import type { LocalizedName } from '../../../protocol/schemas.js';

/** zh-HK: Traditional Chinese in Hong Kong's words (櫃位, 分行); server names use the zhHant field. */
export const UI_LOCALES = ['zh-Hant', 'zh-HK', 'zh-Hans', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** Best match for a browser language tag such as zh-TW, zh-HK, zh-CN or en-GB. */
export function localeFromLanguageTag(tag: string | undefined): UiLocale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower === 'zh-hans' || lower.startsWith('zh-cn') || lower.startsWith('zh-sg') || lower.startsWith('zh-hans')) return 'zh-Hans';
  if (lower.startsWith('zh') && /-hk\b/.test(lower)) return 'zh-HK';
  if (lower.startsWith('zh')) return 'zh-Hant';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/**
 * The locale to show (docs/ui-conventions.md): `?lang=` wins, then the user's last choice,
 * then the branch's default, then the browser's language, then Traditional Chinese.
 */
export function chooseLocale(sources: {
  query?: string | null;
  stored?: string | null;
  branchDefault?: string | null;
  browser?: string;
}): UiLocale {
  for (const candidate of [sources.query, sources.stored, sources.branchDefault]) {
    if (isUiLocale(candidate)) return candidate;
  }
  return localeFromLanguageTag(sources.browser) ?? 'zh-Hant';
}

/** A service or branch name in the given locale. */
export function localizedName(name: LocalizedName, locale: string): string {
  if (locale === 'zh-Hant' || locale === 'zh-HK') return name.zhHant;
  if (locale === 'zh-Hans') return name.zhHans;
  return name.en;
}

type LocaleLoaders = Record<string, () => Promise<unknown>>;

/** The loader in an `import.meta.glob` map whose file is `<locale>.ts` or `<locale>.js`. */
export function loaderFor(loaders: LocaleLoaders, locale: string): (() => Promise<unknown>) | undefined {
  const key = Object.keys(loaders).find((path) => path.endsWith(`/${locale}.ts`) || path.endsWith(`/${locale}.js`));
  return key ? loaders[key] : undefined;
}

/**
 * Loads one locale's templates from every message catalogue (the console's own, the admin page's)
 * and merges them, so both parts of the console translate in one bundle.
 * A catalogue that has no module for the locale is skipped; where two translate the same message, the later one wins.
 */
export async function loadMergedLocale(catalogues: LocaleLoaders[], locale: string): Promise<LocaleModule> {
  const modules = await Promise.all(catalogues.map((loaders) => loaderFor(loaders, locale)?.() as Promise<LocaleModule> | undefined));
  const templates: LocaleModule['templates'] = {};
  for (const module of modules) if (module) Object.assign(templates, module.templates);
  return { templates };
}
