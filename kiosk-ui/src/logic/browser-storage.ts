/** localStorage, or null where the browser refuses it (private mode, disabled storage). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Remembers a value; a full or disabled storage only loses it at the next page load. */
export function remember(key: string, value: string): void {
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    // Nothing to do: the choice still applies to this page.
  }
}
