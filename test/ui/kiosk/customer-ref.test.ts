import { describe, expect, it } from 'vitest';
import { digitsOnly, isCompleteRef, maskRef, pressKey } from '../../../kiosk-ui/src/logic/customer-ref.js';

describe('VIP number keypad', () => {
  it('appends digits, deletes the last one and clears', () => {
    let value = '';
    for (const key of ['6', '2', '2', '2'] as const) value = pressKey(value, key);
    expect(value).toBe('6222');
    expect(pressKey(value, 'delete')).toBe('622');
    expect(pressKey(value, 'clear')).toBe('');
    expect(pressKey('', 'delete')).toBe('');
  });

  it('stops at 19 digits, the longest card number', () => {
    const full = '1234567890123456789';
    expect(pressKey(full, '0')).toBe(full);
  });

  it('keeps only digits from a card reader or a paste', () => {
    expect(digitsOnly('6222-0212 3456a')).toBe('622202123456');
    expect(digitsOnly('9'.repeat(25))).toHaveLength(19);
  });

  it('wants at least 4 digits before going on', () => {
    expect(isCompleteRef('123')).toBe(false);
    expect(isCompleteRef('1234')).toBe(true);
  });
});

describe('the VIP number on screen', () => {
  it('shows only the last four digits, in groups of four as on the card', () => {
    expect(maskRef('6222020200012345')).toBe('•••• •••• •••• 2345');
    expect(maskRef('6222020200012345678')).toBe('•••• •••• •••• •••5 678');
    expect(maskRef('62220')).toBe('•222 0');
  });

  it('hides nothing until there are more than four digits, and never shows an earlier digit', () => {
    expect(maskRef('')).toBe('');
    expect(maskRef('6222')).toBe('6222');
    const masked = maskRef('9876543210');
    expect(masked.replace(/\D/g, '')).toBe('3210');
  });
});
