import { describe, expect, it } from 'vitest';
import { businessDay, isValidTimeZone } from '../../server/src/domain/business-day.js';
import { formatTicketNumber, nextTicketNumber, ticketNumberValue } from '../../server/src/domain/ticket-number.js';

describe('formatTicketNumber', () => {
  it.each([
    ['A', 1, 'A001'],
    ['B', 23, 'B023'],
    ['V', 999, 'V999'],
  ])('formats %s and %i as %s', (prefix, value, expected) => {
    expect(formatTicketNumber(prefix, value)).toBe(expected);
    expect(ticketNumberValue(expected)).toBe(value);
  });
});

describe('nextTicketNumber', () => {
  it.each<[string, number | null, number[], number | null]>([
    ['starts the day at 1', null, [], 1],
    ['counts up from the last number', 22, [], 23],
    ['wraps from 999 to 1 when 1 is no longer active', 999, [], 1],
    ['skips numbers still active after the wrap', 999, [1, 2, 3], 4],
    ['skips an active number before the wrap too', 41, [42], 43],
    ['gives null when all 999 numbers are active', 500, Array.from({ length: 999 }, (_, i) => i + 1), null],
  ])('%s', (_name, last, active, expected) => {
    expect(nextTicketNumber(last, new Set(active))).toBe(expected);
  });
});

describe('businessDay', () => {
  it.each([
    ['2026-11-22T15:59:59.000Z', 'Asia/Shanghai', '2026-11-22'],
    ['2026-11-22T16:00:00.000Z', 'Asia/Shanghai', '2026-11-23'],
    ['2026-11-22T16:00:00.000Z', 'Europe/London', '2026-11-22'],
    ['2026-11-23T04:59:00.000Z', 'America/New_York', '2026-11-22'],
  ])('at %s in %s is %s', (at, zone, day) => {
    expect(businessDay(new Date(at), zone)).toBe(day);
  });

  it('recognises IANA time zones and rejects others', () => {
    expect(isValidTimeZone('Asia/Hong_Kong')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
