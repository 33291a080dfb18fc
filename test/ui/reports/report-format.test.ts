import { describe, expect, it } from 'vitest';
import {
  activeHours,
  biasDirection,
  hourLabel,
  hourRangeLabel,
  minutesText,
  percentText,
  rateText,
  signedMinutesText,
  sumByHour,
} from '../../../manager-ui/src/reports/report-format.js';

const day = (busy: Record<number, number>) => Array.from({ length: 24 }, (_, h) => busy[h] ?? 0);

describe('report figures', () => {
  it('labels hours of the branch day on the 24-hour clock', () => {
    expect(hourLabel(9)).toBe('09:00');
    expect(hourRangeLabel(9)).toBe('09:00–10:00');
    expect(hourRangeLabel(23)).toBe('23:00–24:00');
  });

  it('shows errors in minutes with one decimal, and the bias with its sign', () => {
    expect(minutesText(192)).toBe('3.2');
    expect(minutesText(0)).toBe('0.0');
    expect(signedMinutesText(90)).toBe('+1.5');
    expect(signedMinutesText(-90)).toBe('−1.5');
    expect(signedMinutesText(2)).toBe('0.0');
  });

  it('shows shares as whole percents and rates with at most one decimal', () => {
    expect(percentText(0.784)).toBe('78%');
    expect(percentText(1)).toBe('100%');
    expect(rateText(2.25)).toBe('2.3');
    expect(rateText(3)).toBe('3');
    expect(rateText(2.96)).toBe('3');
  });

  it('reads a bias of under half a minute as even', () => {
    expect(biasDirection(45)).toBe('late');
    expect(biasDirection(-45)).toBe('early');
    expect(biasDirection(20)).toBe('even');
    expect(biasDirection(-29)).toBe('even');
  });

  it('shows the hours from the first arrival to the last, keeping a quiet lunch hour', () => {
    expect(activeHours([day({ 9: 3, 10: 5 }), day({ 14: 1 })])).toEqual([9, 10, 11, 12, 13, 14]);
    expect(activeHours([day({ 0: 1, 23: 1 })])).toHaveLength(24);
    expect(activeHours([day({}), day({})])).toEqual([]);
    expect(activeHours([])).toEqual([]);
  });

  it('adds the services up hour by hour', () => {
    expect(sumByHour([day({ 9: 1.5 }), day({ 9: 2, 10: 1 })]).slice(8, 12)).toEqual([0, 3.5, 1, 0]);
  });
});
