/**
 * Card and customer numbers (客戶資源信息表, the kiosk's VIP step): what the customer typed or a card
 * reader sent, reduced to digits; the keyed hash the number is stored and looked up as; and the
 * hint of its last digits that tells customers apart on the sheet. Pure: no I/O, the key is given.
 */
import { createHmac } from 'node:crypto';

/** Card numbers (PAN) have at most 19 digits; customer numbers are shorter. */
export const CUSTOMER_NUMBER_MAX_DIGITS = 19;
/** Shorter than this is a slip of the finger, not a card or customer number (the kiosk's keypad agrees). */
export const CUSTOMER_NUMBER_MIN_DIGITS = 4;
/** How many trailing digits the sheet shows (••••1234). */
export const HINT_DIGITS = 4;

export type NormalisedNumber = { ok: true; digits: string } | { ok: false; reason: 'empty' | 'not_digits' | 'too_short' | 'too_long' };

/**
 * The digits of a typed or swiped number. Magnetic-stripe readers send track data: track 2
 * `;6222020200012345678=2512…?` or track 1 `%B6222020200012345678^NAME^2512…?`: the PAN is what
 * precedes the first field separator. Spaces and dashes people type are dropped; anything else
 * that is not a digit makes the number invalid rather than silently shorter.
 */
export function normaliseCustomerNumber(input: string): NormalisedNumber {
  let text = input.trim();
  // Track sentinels and the track-1 format code; then the PAN ends at the first separator.
  text = text.replace(/^[%;]\s*B?/i, '');
  const separator = text.search(/[=^]/);
  if (separator >= 0) text = text.slice(0, separator);
  text = text.replace(/\?$/, '').replace(/[\s-]/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'not_digits' };
  if (text.length < CUSTOMER_NUMBER_MIN_DIGITS) return { ok: false, reason: 'too_short' };
  if (text.length > CUSTOMER_NUMBER_MAX_DIGITS) return { ok: false, reason: 'too_long' };
  return { ok: true, digits: text };
}

/** Why a number was refused, for a 400's message (never repeats the number). */
export function numberProblem(reason: Extract<NormalisedNumber, { ok: false }>['reason']): string {
  switch (reason) {
    case 'empty':
      return 'is empty';
    case 'not_digits':
      return 'must be digits (spaces and dashes allowed)';
    case 'too_short':
      return `must have at least ${CUSTOMER_NUMBER_MIN_DIGITS} digits`;
    case 'too_long':
      return `must have at most ${CUSTOMER_NUMBER_MAX_DIGITS} digits`;
  }
}

/** HMAC-SHA256 of the digits with the install's key, as lowercase hex: how a number is stored and looked up. */
export const customerNumberHash = (key: Buffer, digits: string): string => createHmac('sha256', key).update(digits, 'utf8').digest('hex');

/** The last digits of the number, shown as ••••1234 on the sheet. */
export const customerNumberHint = (digits: string): string => digits.slice(-HINT_DIGITS);
