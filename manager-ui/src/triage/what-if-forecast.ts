/** Reading a what-if forecast: waits in whole minutes, the 10–90% range, and whether the action helps. */
import type { ScenarioForecast, WaitRange, WhatIfForecast } from '../../../protocol/forecast-schemas.js';

/** A wait range in whole minutes (rounded to the nearest: these are forecasts, not promises). */
export interface MinuteRange {
  median: number;
  low: number;
  high: number;
}

export const toMinutes = (seconds: number) => Math.max(0, Math.round(seconds / 60));

export function minuteRange(range: WaitRange): MinuteRange {
  return { median: toMinutes(range.median), low: toMinutes(range.p10), high: toMinutes(range.p90) };
}

/** "12" when every run agreed, otherwise "8–17": the range most simulated hours fell in. */
export function rangeText({ low, high }: MinuteRange): string {
  return low === high ? String(low) : `${low}–${high}`;
}

export type Effect = 'better' | 'worse' | 'same';

/** A difference under a minute is no difference to a customer. */
export function effectOf(baselineMinutes: number, withActionMinutes: number): Effect {
  if (withActionMinutes < baselineMinutes) return 'better';
  if (withActionMinutes > baselineMinutes) return 'worse';
  return 'same';
}

/** One line of the comparison table. */
export interface ForecastRow {
  measure: keyof ScenarioForecast;
  baseline: MinuteRange;
  withAction: MinuteRange;
  /** With minus without, medians. */
  change: number;
  effect: Effect;
}

/** People are counted, not converted to minutes. */
function rangeOf(measure: keyof ScenarioForecast, range: WaitRange): MinuteRange {
  return measure === 'waitingAtEnd' ? { median: Math.round(range.median), low: Math.round(range.p10), high: Math.round(range.p90) } : minuteRange(range);
}

/** Longest wait, mean wait and people still waiting, without and with the action. */
export function forecastRows(forecast: WhatIfForecast): ForecastRow[] {
  return (['longestWaitSeconds', 'meanWaitSeconds', 'waitingAtEnd'] as const).map((measure) => {
    const baseline = rangeOf(measure, forecast.baseline[measure]);
    const withAction = rangeOf(measure, forecast.withAction[measure]);
    return { measure, baseline, withAction, change: withAction.median - baseline.median, effect: effectOf(baseline.median, withAction.median) };
  });
}

/** "+3" / "−3" / "0", with a real minus sign. */
export function changeText(change: number): string {
  if (change === 0) return '0';
  return change > 0 ? `+${change}` : `−${-change}`;
}
