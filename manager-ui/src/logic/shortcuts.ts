/**
 * The counter page's keyboard shortcuts: one key per routine action, so a teller never reaches for
 * the mouse. Keys are matched by their physical position (`KeyboardEvent.code`), so a Chinese input
 * method that turns the key into 'Process' while it composes does not swallow them.
 */

export type CounterCommand = 'call_next' | 'complete_and_call_next' | 'recall' | 'start' | 'complete' | 'no_show' | 'transfer';

/** What a key event looks like to us (a KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  code?: string;
  isComposing?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

const BY_CODE: Readonly<Record<string, CounterCommand>> = {
  Space: 'call_next',
  F1: 'call_next',
  F2: 'complete_and_call_next',
  KeyR: 'recall',
  KeyS: 'start',
  KeyC: 'complete',
  KeyN: 'no_show',
  KeyT: 'transfer',
};

/** For the rare event without a code (synthetic events): the key it reports. */
const BY_KEY: Readonly<Record<string, CounterCommand>> = {
  ' ': 'call_next',
  F1: 'call_next',
  F2: 'complete_and_call_next',
  r: 'recall',
  s: 'start',
  c: 'complete',
  n: 'no_show',
  t: 'transfer',
};

/** The key caps shown on the buttons. */
export const SHORTCUT_LABELS: Readonly<Record<CounterCommand, string>> = {
  call_next: 'Space / F1',
  complete_and_call_next: 'F2',
  recall: 'R',
  start: 'S',
  complete: 'C',
  no_show: 'N',
  transfer: 'T',
};

const isChord = (press: KeyPress) => press.ctrlKey === true || press.altKey === true || press.metaKey === true;

/** The letter key pressed (A–Z) by its position, or by the key it reports when it has no code. */
function letterOf(press: KeyPress): string | null {
  if (press.code) return /^Key([A-Z])$/.exec(press.code)?.[1] ?? null;
  return press.key.length === 1 && /[a-z]/i.test(press.key) ? press.key.toUpperCase() : null;
}

/** The command for a key press, or null (chords with Ctrl, Alt or Meta belong to the browser). */
export function commandForKey(press: KeyPress): CounterCommand | null {
  if (isChord(press)) return null;
  if (press.code) return BY_CODE[press.code] ?? null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return BY_KEY[key] ?? null;
}

/** While the transfer picker is open, a service's prefix letter picks it (T then B: transfer to B). */
export function transferPrefixForKey(press: KeyPress, prefixes: readonly string[]): string | null {
  if (isChord(press)) return null;
  const prefix = letterOf(press);
  return prefix && prefixes.includes(prefix) ? prefix : null;
}

/** Typing in a form field must not trigger shortcuts. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!target?.tagName) return false;
  return target.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName.toUpperCase());
}
