/**
 * The kiosk's branch and device token. They come in the URL once (`?branch=demo&token=…`), set up by
 * staff, and are kept in localStorage so that a reload or a power cut without the query still works;
 * once kept, the token leaves the address bar (protocol/device-address.ts).
 */

export interface DeviceConfig {
  branchId: string;
  token: string;
}

/** The part of `Storage` we use, so tests can pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const BRANCH_KEY = 'lobbyflow.kiosk.branch';
const TOKEN_KEY = 'lobbyflow.kiosk.token';

/** Reads the branch and token from the query, remembering them; falls back to what was remembered. */
export function readDeviceConfig(search: string, store: KeyValueStore | null): DeviceConfig | null {
  const query = new URLSearchParams(search);
  const branchId = query.get('branch')?.trim();
  const token = query.get('token')?.trim();
  if (branchId && token) {
    try {
      store?.setItem(BRANCH_KEY, branchId);
      store?.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be full or disabled; the query still works for this page load.
    }
    return { branchId, token };
  }
  return rememberedDevice(store);
}

/** The branch and token an earlier start remembered, or null. */
export function rememberedDevice(store: KeyValueStore | null): DeviceConfig | null {
  const storedBranch = safeGet(store, BRANCH_KEY);
  const storedToken = safeGet(store, TOKEN_KEY);
  return storedBranch && storedToken ? { branchId: storedBranch, token: storedToken } : null;
}

function safeGet(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
