/**
 * What the wall display's queue strip says per service, from the server's queue summaries only:
 * the server's estimate when the service is open, else when service starts or that it is closed.
 * Pure; the strip turns the figure into words.
 */
import type { Counter, QueueSummary, Service } from '../../../protocol/index.js';
import { waitMinutes } from './hall-format.js';

export type QueueFigure =
  | { kind: 'wait'; minutes: number }
  | { kind: 'no_wait' }
  /** No counter serves it yet today; counters start at `time` ("9:00", branch time). */
  | { kind: 'starts_at'; time: string }
  | { kind: 'no_counter' }
  | { kind: 'not_open_yet' }
  | { kind: 'cut_off' }
  | { kind: 'quota_reached' }
  | { kind: 'closed_today' };

/** "9:00" in the branch's time zone, as a clock on a sign reads. */
export function signTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

const sameBranchDay = (a: string | Date, b: Date, timeZone: string) => {
  const day = (at: string | Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
  return day(a) === day(b);
};

/**
 * The strip's figure for one service at `now`. An older server sends no `opening`: then the
 * service is open when a counter serves it. Minutes are shown only when the service is open now,
 * so the screen never promises a wait that no counter delivers.
 */
export function queueFigure(queue: QueueSummary | undefined, now: Date, timeZone: string): QueueFigure {
  if (!queue) return { kind: 'no_counter' };
  const opening = queue.opening ?? (queue.openCounters > 0 ? 'open' : 'no_counter');
  switch (opening) {
    case 'open': {
      const minutes = waitMinutes(queue.estimatedWaitSeconds);
      return queue.waitingCount === 0 || minutes === 0 ? { kind: 'no_wait' } : { kind: 'wait', minutes };
    }
    case 'opens_later':
      return queue.servedFrom ? { kind: 'starts_at', time: signTime(queue.servedFrom, timeZone) } : { kind: 'no_counter' };
    case 'not_issuing_yet':
      return queue.nextOpeningAt && sameBranchDay(queue.nextOpeningAt, now, timeZone)
        ? { kind: 'starts_at', time: signTime(queue.nextOpeningAt, timeZone) }
        : { kind: 'not_open_yet' };
    case 'no_counter':
    case 'cut_off':
    case 'quota_reached':
    case 'closed_today':
      return { kind: opening };
  }
}

/** Whether the figure says the service is not serving (drawn in the warning colour). */
export const isClosedFigure = (figure: QueueFigure) => figure.kind !== 'wait' && figure.kind !== 'no_wait' && figure.kind !== 'starts_at';

/**
 * The services the public strip shows: all but those only VIP counters serve. A VIP customer is
 * looked after personally, and their wait is nobody else's business (issue 11: no VIP waits on
 * public screens). A service no counter serves at all stays: the strip says it is closed.
 */
export function publicServices(services: readonly Service[], counters: readonly Counter[]): Service[] {
  return services.filter((service) => {
    const serving = counters.filter((c) => c.serviceIds.includes(service.id));
    return serving.length === 0 || serving.some((c) => !c.vip);
  });
}
