/**
 * Where the display gets its branch, device token, counter and language: the URL first
 * (`?branch=demo&token=…&counter=3&lang=zh-Hant`), then what an earlier visit stored, so that
 * a display that restarts on a bare URL still works. Once stored, the token leaves the address bar
 * (protocol/device-address.ts).
 */
/** zh-HK: Traditional Chinese in Hong Kong's words (櫃位, 分行); server names use the zhHant field. */
export type DisplayLocale = 'zh-Hant' | 'zh-HK' | 'zh-Hans' | 'en';
export const DISPLAY_LOCALES: readonly DisplayLocale[] = ['zh-Hant', 'zh-HK', 'zh-Hans', 'en'];

export interface DisplayConfig {
  branchId: string | null;
  token: string | null;
  /** Per-counter mode: the number of the counter this screen hangs above. */
  counterNumber: number | null;
  /** A fixed language; null follows the branch's default. */
  locale: DisplayLocale | null;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export const STORAGE_KEYS = {
  branchId: 'lobbyflow.display.branch',
  token: 'lobbyflow.display.token',
  locale: 'lobbyflow.display.lang',
} as const;

/** `zh-hant`, `zh-Hant`, `zh_Hant` all mean zh-Hant (`zh-hk`, `zh_HK` mean zh-HK); anything else is null. */
export function parseLocale(value: string | null | undefined): DisplayLocale | null {
  const wanted = value?.trim().replace('_', '-').toLowerCase();
  return DISPLAY_LOCALES.find((l) => l.toLowerCase() === wanted) ?? null;
}

function parseCounterNumber(value: string | null): number | null {
  if (!value || !/^\d{1,3}$/.test(value.trim())) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** The device token an earlier start remembered, or null. */
export function rememberedToken(storage: KeyValueStore | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEYS.token) ?? null;
  } catch {
    return null;
  }
}

/** Reads the configuration and remembers branch, token and language for the next start. */
export function readDisplayConfig(search: string, storage: KeyValueStore | null): DisplayConfig {
  const query = new URLSearchParams(search);
  const remembered = (key: keyof typeof STORAGE_KEYS, fromUrl: string | null): string | null => {
    const value = fromUrl?.trim() || null;
    try {
      if (value) storage?.setItem(STORAGE_KEYS[key], value);
      return value ?? storage?.getItem(STORAGE_KEYS[key]) ?? null;
    } catch {
      // Storage can be disabled (private mode, kiosk policies): the URL still works.
      return value;
    }
  };
  const lang = parseLocale(query.get('lang'));
  return {
    branchId: remembered('branchId', query.get('branch')),
    token: remembered('token', query.get('token')),
    // Not remembered: the wall display and a counter screen may share a profile, and a
    // counter screen is always started with its own URL.
    counterNumber: parseCounterNumber(query.get('counter')),
    locale: parseLocale(remembered('locale', lang)),
  };
}
