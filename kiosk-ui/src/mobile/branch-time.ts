/** Times on the phone page as the branch's clock reads them, whatever zone the phone is set to. Pure. */

/** "09:00" (or "9:00 AM"-free 24-hour form) of an ISO time in the branch's zone; the phone's zone when none is known. */
export function branchTime(iso: string | Date, locale: string, timeZone?: string, withSeconds = false): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(withSeconds ? { second: '2-digit' } : {}) };
  try {
    return date.toLocaleTimeString(locale, { ...options, ...(timeZone ? { timeZone } : {}) });
  } catch {
    // An unknown zone name must not blank the page: the phone's own clock is the next best.
    return date.toLocaleTimeString(locale, options);
  }
}

/** Whether two ISO times fall on the same day in the branch's zone. */
export function sameBranchDay(a: string | Date, b: string | Date, timeZone?: string): boolean {
  const day = (value: string | Date) => {
    const date = typeof value === 'string' ? new Date(value) : value;
    try {
      return date.toLocaleDateString('en-CA', timeZone ? { timeZone } : {});
    } catch {
      return date.toLocaleDateString('en-CA');
    }
  };
  return day(a) === day(b);
}
