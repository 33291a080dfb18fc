/** The VIP card or customer number typed on the kiosk's keypad (or by a card reader acting as a keyboard). Pure. */

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'delete' | 'clear';

/** Card numbers have at most 19 digits; customer numbers are shorter. */
export const CUSTOMER_REF_MAX_DIGITS = 19;
/** Shorter than this is a slip of the finger, not a card or customer number. */
export const CUSTOMER_REF_MIN_DIGITS = 4;

/** The number after one key press. */
export function pressKey(value: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'delete') return value.slice(0, -1);
  return value.length >= CUSTOMER_REF_MAX_DIGITS ? value : value + key;
}

/** Keeps only digits (what a card reader or a paste may bring), up to the maximum length. */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '').slice(0, CUSTOMER_REF_MAX_DIGITS);
}

/** Whether the number is long enough to send. */
export function isCompleteRef(value: string): boolean {
  return value.length >= CUSTOMER_REF_MIN_DIGITS && value.length <= CUSTOMER_REF_MAX_DIGITS;
}

/** How many of the last digits stay readable while the number is typed: enough to check, too few to copy a card. */
export const SHOWN_LAST_DIGITS = 4;

/** "•••• •••• •••• 2345": every digit but the last four hidden, in groups of four as on a card. */
export function maskRef(value: string): string {
  const hidden = Math.max(0, value.length - SHOWN_LAST_DIGITS);
  const masked = '•'.repeat(hidden) + value.slice(hidden);
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}
