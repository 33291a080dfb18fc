/**
 * Test fixture, bundled by admin-page.test.ts: mounts `<admin-page>` the way the console shell
 * does (localization configured first, a signed-in ApiClient, the branch), in a real browser.
 */
import { configureLocalization } from '@lit/localize';
import { ApiClient } from '../../../protocol/api-client.js';
import '../../../manager-ui/src/admin/admin-page.js';

const catalogue = import.meta.glob('../../../manager-ui/src/admin/generated/locales/*.ts');

const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['zh-Hant', 'zh-Hans'],
  loadLocale: (locale) => {
    const path = Object.keys(catalogue).find((p) => p.endsWith(`/${locale}.ts`));
    if (!path) throw new Error(`no catalogue for ${locale}`);
    return catalogue[path]() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>;
  },
});

async function mountAdminPage(token: string, branchId: string, locale: 'en' | 'zh-Hant' | 'zh-Hans') {
  // The shell sets <html lang> with the locale; the page picks localized names by it.
  document.documentElement.lang = locale;
  await setLocale(locale);
  const page = document.createElement('admin-page');
  page.api = new ApiClient({ token });
  page.branchId = branchId;
  document.body.append(page);
  await page.updateComplete;
}

/** The ids of every `branch-change` the page fired, as the console shell would hear them. */
const branchChanges: string[] = [];
document.addEventListener('branch-change', (event) => branchChanges.push((event as CustomEvent<{ branchId: string }>).detail.branchId));

Object.assign(globalThis, { mountAdminPage, branchChanges });
