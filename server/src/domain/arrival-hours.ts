/**
 * When customers come: tickets counted by hour of the day in the branch's time zone. The reports,
 * the what-if forecast and the simulator's branch profile all plan from these counts.
 */

/** Hour of the day (0–23) in `timeZone`; cached per UTC hour, which is enough for whole-hour and half-hour zones alike. */
export function localHourReader(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offsets = new Map<string, number>();
  return (iso: string): number => {
    const key = iso.slice(0, 13);
    let offsetMinutes = offsets.get(key);
    if (offsetMinutes === undefined) {
      const utc = Date.parse(`${key}:00:00.000Z`);
      const [h, m] = format.format(utc).split(':').map(Number);
      offsetMinutes = (((h * 60 + m - new Date(utc).getUTCHours() * 60) % 1440) + 1440) % 1440;
      offsets.set(key, offsetMinutes);
    }
    const at = new Date(iso);
    const minutesOfDay = at.getUTCHours() * 60 + at.getUTCMinutes() + offsetMinutes;
    return Math.floor((minutesOfDay % 1440) / 60);
  };
}

/** Tickets per service and hour of the day (branch time), and the number of business days they span. */
export function countArrivalsByHour(issued: readonly { service_id: string; business_day: string; issued_at: string }[], timeZone: string) {
  const hourOf = localHourReader(timeZone);
  const byService = new Map<string, number[]>();
  for (const t of issued) {
    let hours = byService.get(t.service_id);
    if (!hours) byService.set(t.service_id, (hours = Array<number>(24).fill(0)));
    hours[hourOf(t.issued_at)]++;
  }
  return { days: new Set(issued.map((t) => t.business_day)).size, byService };
}
