/**
 * Card readers that act as a keyboard (the usual USB magnetic-stripe and IC readers) type the card's
 * track data and Enter, a key every few milliseconds: far faster than a person. The kiosk listens on
 * its start and VIP screens, with no tap first. Pure: keys and their times in, a card number out.
 */
import { CUSTOMER_REF_MAX_DIGITS, CUSTOMER_REF_MIN_DIGITS } from './customer-ref.js';

/** Keys further apart than this are a person typing, not a reader. */
export const CARD_READER_MAX_GAP_MS = 50;

/**
 * The card or customer number in what a reader sent: track 2 `;6222…=2512…?`, track 1
 * `%B6222…^NAME^…?`, or plain digits. The number is what precedes the first field separator;
 * null when that is not 4–19 digits (spaces and dashes aside).
 */
export function cardNumberOf(swipe: string): string | null {
  let text = swipe.trim().replace(/^[%;]\s*B?/i, '');
  const separator = text.search(/[=^]/);
  if (separator >= 0) text = text.slice(0, separator);
  text = text.replace(/\?$/, '').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(text) || text.length < CUSTOMER_REF_MIN_DIGITS || text.length > CUSTOMER_REF_MAX_DIGITS) return null;
  return text;
}

export interface CardReader {
  /**
   * One key as `KeyboardEvent.key`, at `atMs`. Returns the card number when this Enter ends a fast
   * burst holding one, else null. A slow key starts a new burst.
   */
  key(key: string, atMs: number): string | null;
  /** Forgets a half-read burst (the screen changed). */
  reset(): void;
}

export function createCardReader(maxGapMs = CARD_READER_MAX_GAP_MS): CardReader {
  let burst = '';
  let lastAt = -Infinity;
  return {
    key(key, atMs) {
      const fast = atMs - lastAt <= maxGapMs;
      lastAt = atMs;
      if (key === 'Enter') {
        // A person pressing Enter after typing is slow: only an Enter inside a burst ends a swipe.
        const swipe = fast ? burst : '';
        burst = '';
        return swipe.length >= CUSTOMER_REF_MIN_DIGITS ? cardNumberOf(swipe) : null;
      }
      // Shift and the like arrive between the track's characters; they neither add nor break a burst.
      if (key.length !== 1) return null;
      burst = fast ? burst + key : key;
      // A reader sends at most a track's 79 characters: anything longer is not a card.
      if (burst.length > 120) burst = '';
      return null;
    },
    reset() {
      burst = '';
      lastAt = -Infinity;
    },
  };
}
