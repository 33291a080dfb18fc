/** The diary's words, defined once: the free-text fields' labels, and days and months as the locale writes them. */
import { msg } from '@lit/localize';
import type { DiaryTextField } from '../../../../protocol/diary-routes.js';

export function fieldLabel(field: DiaryTextField): string {
  switch (field) {
    case 'focus':
      return msg("The day's focus");
    case 'conversations':
      return msg('Conversations with customers');
    case 'potentialCustomers':
      return msg('Potential valued customers found');
    case 'problems':
      return msg('Problems noticed');
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  // The day is already the branch's calendar day: format it as written, in UTC.
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return f;
}

/** 2026-11-27 → "Fri, Nov 27, 2026" / "2026年11月27日 週五". */
export const dayText = (day: string, locale: string) =>
  format(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(`${day}T00:00:00Z`));

/** 2026-11 → "November 2026" / "2026年11月". */
export const monthText = (month: string, locale: string) => format(locale, { year: 'numeric', month: 'long' }).format(new Date(`${month}-01T00:00:00Z`));

/** The month before or after a YYYY-MM month. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}
