import { describe, expect, it } from 'vitest';
import { issuedClockTime, issuedDateTime } from '../../../kiosk-ui/src/logic/issued-time.js';
import { formatWait, wholeWaitMinutes } from '../../../kiosk-ui/src/logic/wait-format.js';
import { paperLengthMm, pageRule } from '../../../kiosk-ui/src/logic/paper-size.js';

describe('wait in whole minutes', () => {
  it.each([
    [720, 12],
    [749, 12],
    [750, 13],
    [90, 2],
    [60, 1],
    [20, 1],
    [0, 1],
    [-5, 1],
    [Number.NaN, 1],
  ])('%i s is %i min', (seconds, minutes) => {
    expect(wholeWaitMinutes(seconds)).toBe(minutes);
  });

  it('reads "about 12 min" in English (the source locale)', () => {
    expect(formatWait(720)).toBe('about 12 min');
  });
});

describe('issue time in the branch time zone', () => {
  it('shows Shanghai time for a Shanghai branch, whatever the kiosk clock is set to', () => {
    expect(issuedClockTime('2026-11-22T06:30:00.000Z', 'Asia/Shanghai')).toBe('14:30');
    expect(issuedClockTime('2026-11-22T06:30:00.000Z', 'Europe/London')).toBe('06:30');
  });

  it('prints the local date, which may differ from the UTC date', () => {
    expect(issuedDateTime('2026-11-22T17:05:00.000Z', 'Asia/Hong_Kong')).toBe('2026-11-23 01:05');
  });

  it('uses a 24-hour clock', () => {
    expect(issuedClockTime('2026-11-22T00:00:00.000Z', 'UTC')).toBe('00:00');
  });
});

describe('paper length of the printed ticket', () => {
  it('converts CSS pixels to whole millimetres, rounding up so nothing is cut off', () => {
    expect(paperLengthMm(96)).toBe(26); // 25.4 mm
    expect(paperLengthMm(480)).toBe(127);
  });

  it('falls back to a typical ticket length when the ticket could not be measured', () => {
    expect(paperLengthMm(0)).toBe(150);
  });

  it('writes an 80 mm wide page without margins', () => {
    expect(pageRule(120)).toBe('@page { size: 80mm 120mm; margin: 0; }');
  });
});
