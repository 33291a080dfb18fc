/** Figures as the reports show them: hours of the branch's day, minutes with one decimal, shares in percent. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 9 → "09:00" */
export function hourLabel(hour: number): string {
  return `${pad(hour)}:00`;
}

/** 9 → "09:00–10:00"; the last hour of the day ends at 24:00. */
export function hourRangeLabel(hour: number): string {
  return `${hourLabel(hour)}–${pad(hour + 1)}:00`;
}

/** Seconds as minutes with one decimal: 192 → "3.2". Reports compare errors of a few minutes, so a decimal matters. */
export function minutesText(seconds: number): string {
  return (seconds / 60).toFixed(1);
}

/** Signed minutes with one decimal and a real minus sign: 90 → "+1.5", −90 → "−1.5", 0 → "0.0". */
export function signedMinutesText(seconds: number): string {
  const text = minutesText(Math.abs(seconds));
  if (text === '0.0') return text;
  return `${seconds > 0 ? '+' : '−'}${text}`;
}

/** A share as a whole percent: 0.784 → "78%". */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A per-hour rate: whole numbers stay whole, others get one decimal (2.25 → "2.3", 3 → "3"). */
export function rateText(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * Which way the promises were off: customers waited longer than promised ('late'), shorter
 * ('early'), or within half a minute of it on average ('even').
 */
export function biasDirection(meanSignedErrorSeconds: number): 'late' | 'early' | 'even' {
  if (meanSignedErrorSeconds >= 30) return 'late';
  if (meanSignedErrorSeconds <= -30) return 'early';
  return 'even';
}

/**
 * The hours worth showing: from the first to the last hour in which anyone arrived (gaps such
 * as lunch stay in, so the day reads as a day). Empty when nobody arrived.
 */
export function activeHours(perHour: readonly (readonly number[])[]): number[] {
  const busy = (hour: number) => perHour.some((hours) => (hours[hour] ?? 0) > 0);
  let first = 0;
  while (first < 24 && !busy(first)) first++;
  if (first === 24) return [];
  let last = 23;
  while (!busy(last)) last--;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Element-wise sum of per-hour series (24 values each). */
export function sumByHour(perHour: readonly (readonly number[])[]): number[] {
  return Array.from({ length: 24 }, (_, hour) => perHour.reduce((sum, hours) => sum + (hours[hour] ?? 0), 0));
}
