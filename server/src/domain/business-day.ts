/** A formatter per time zone: building one costs more than formatting many dates. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The branch's calendar day (YYYY-MM-DD) at `at`, in its time zone: ticket numbers restart with it. */
export function businessDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  // en-CA formats dates as YYYY-MM-DD.
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
