/**
 * @lit/localize in runtime mode. The console's own catalogue and the admin page's catalogue
 * (built separately from src/admin/lit-localize.json) are merged per locale, so both parts
 * translate in one bundle. `import.meta.glob` keeps the build working while either is absent.
 */
import { configureLocalization } from '@lit/localize';
import { chooseLocale, loadMergedLocale, type UiLocale } from './logic/locale.js';

const OWN_LOCALES = import.meta.glob('./generated/locales/*.{ts,js}');
const ADMIN_LOCALES = import.meta.glob('./admin/generated/locales/*.{ts,js}');

const STORAGE_KEY = 'lobbyflow.manager.locale';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['zh-Hant', 'zh-Hans', 'zh-HK'],
  // The console's own catalogue goes last so that, where both translate the same English text, its words win.
  loadLocale: (locale) => loadMergedLocale([ADMIN_LOCALES, OWN_LOCALES], locale),
});

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** `?lang=` or the user's last choice, if either was given (the branch default comes later). */
export function explicitLocale(): string | null {
  return new URLSearchParams(location.search).get('lang') ?? storedLocale();
}

/** Applies the best locale for what is known now; `branchDefault` arrives with the first snapshot. */
export async function applyLocale(branchDefault?: string | null): Promise<UiLocale> {
  const locale = chooseLocale({ query: new URLSearchParams(location.search).get('lang'), stored: storedLocale(), branchDefault, browser: navigator.language });
  await switchLocale(locale);
  return locale;
}

async function switchLocale(locale: UiLocale): Promise<void> {
  document.documentElement.lang = locale;
  if (getLocale() !== locale) await setLocale(locale);
}

/** The user's one-tap choice (中 / 港 / 简 / EN): remembered on this device. */
export async function chooseLocaleByUser(locale: UiLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    // ?lang= would win over the choice on the next reload.
    url.searchParams.delete('lang');
    history.replaceState(null, '', url);
  }
  await switchLocale(locale);
}
