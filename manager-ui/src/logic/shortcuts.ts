/** The counter page's keyboard shortcuts: one key per routine action, so a teller never reaches for the mouse. */

export type CounterCommand = 'call_next' | 'recall' | 'start' | 'complete' | 'no_show' | 'transfer';

/** What a key event looks like to us (a KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const BY_KEY: Readonly<Record<string, CounterCommand>> = {
  ' ': 'call_next',
  F1: 'call_next',
  r: 'recall',
  s: 'start',
  c: 'complete',
  n: 'no_show',
  t: 'transfer',
};

/** The key caps shown on the buttons. */
export const SHORTCUT_LABELS: Readonly<Record<CounterCommand, string>> = {
  call_next: 'Space / F1',
  recall: 'R',
  start: 'S',
  complete: 'C',
  no_show: 'N',
  transfer: 'T',
};

/** The command for a key press, or null (chords with Ctrl, Alt or Meta belong to the browser). */
export function commandForKey(press: KeyPress): CounterCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return BY_KEY[key] ?? (press.code === 'Space' ? 'call_next' : null);
}

/** While the transfer picker is open, a service's prefix letter picks it (T then B: transfer to B). */
export function transferPrefixForKey(press: KeyPress, prefixes: readonly string[]): string | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.key.length !== 1) return null;
  const prefix = press.key.toUpperCase();
  return prefixes.includes(prefix) ? prefix : null;
}

/** Typing in a form field must not trigger shortcuts. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!target?.tagName) return false;
  return target.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName.toUpperCase());
}
