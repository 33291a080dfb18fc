import { describe, expect, it } from 'vitest';
import { forgetBefore, lockedUntil, lockMs, secondsUntil, SIGN_IN_LOCK, withFailure, type SignInFailures } from '../../server/src/domain/sign-in-lock.js';

const at = (iso: string) => new Date(iso);
const NOON = at('2026-11-23T04:00:00.000Z');

/** `count` failures a second apart from `start`, as the service would record them. */
function failures(count: number, start = NOON): SignInFailures | undefined {
  let record: SignInFailures | undefined;
  for (let i = 0; i < count; i++) record = withFailure(record, 'teller1', new Date(start.getTime() + i * 1000), '10.0.0.7');
  return record;
}

describe('lockMs', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [8, 240_000],
    [9, 480_000],
    [10, 900_000],
    [11, 900_000],
    [5000, 900_000],
  ])('after %i failures in a row waits %i ms', (count, ms) => {
    expect(lockMs(count)).toBe(ms);
  });
});

describe('withFailure', () => {
  it('starts a count of one with the address and no lock', () => {
    expect(withFailure(undefined, 'teller1', NOON, '10.0.0.7')).toEqual({
      username: 'teller1',
      failures: 1,
      lastFailureAt: NOON.toISOString(),
      lastFailureAddress: '10.0.0.7',
      lockedUntil: null,
    });
  });

  it('locks on the fifth failure in a row for 30 s from that failure', () => {
    const record = failures(5)!;
    expect(record.failures).toBe(5);
    expect(record.lockedUntil).toBe('2026-11-23T04:00:34.000Z');
  });

  it('doubles the lock with the next failure after it ends', () => {
    const locked = failures(5)!;
    const after = at('2026-11-23T04:01:00.000Z');
    expect(withFailure(locked, 'teller1', after, '10.0.0.8')).toMatchObject({ failures: 6, lockedUntil: '2026-11-23T04:02:00.000Z', lastFailureAddress: '10.0.0.8' });
  });

  it('starts again from one more than a day after the last failure', () => {
    const record = failures(9)!;
    const aDayLater = Date.parse(record.lastFailureAt) + SIGN_IN_LOCK.forgetAfterMs;
    expect(withFailure(record, 'teller1', new Date(aDayLater + 1), null)).toMatchObject({ failures: 1, lockedUntil: null });
    expect(withFailure(record, 'teller1', new Date(aDayLater), null).failures).toBe(10);
  });
});

describe('lockedUntil', () => {
  it('is null with no record, below the limit, and once the lock has ended', () => {
    expect(lockedUntil(undefined, NOON)).toBeNull();
    expect(lockedUntil(failures(4), NOON)).toBeNull();
    expect(lockedUntil(failures(5), at('2026-11-23T04:00:34.000Z'))).toBeNull();
  });

  it('is the end of a running lock', () => {
    expect(lockedUntil(failures(5), at('2026-11-23T04:00:33.999Z'))).toEqual(at('2026-11-23T04:00:34.000Z'));
  });
});

describe('secondsUntil', () => {
  it.each([
    ['2026-11-23T04:00:30.000Z', 30],
    ['2026-11-23T04:00:00.200Z', 1],
    ['2026-11-23T04:00:00.000Z', 1],
    ['2026-11-23T04:15:00.000Z', 900],
  ])('from noon to %s is %i s', (until, seconds) => {
    expect(secondsUntil(at(until), NOON)).toBe(seconds);
  });
});

describe('forgetBefore', () => {
  it('is a day before now', () => {
    expect(forgetBefore(NOON)).toBe('2026-11-22T04:00:00.000Z');
  });
});
