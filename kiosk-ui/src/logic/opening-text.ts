/** The customer's words for a service's opening state (service-opening.ts), on the tiles and the ticket. */
import { msg, str } from '@lit/localize';
import type { QueueSummary } from '../../../protocol/index.js';
import { CUT_OFF_HINT_WITHIN_MS, QUOTA_HINT_BELOW, clockTime, nextOpeningWhen, openingOf, takesTickets, type NextOpeningWhen } from './service-opening.js';

export interface OpeningText {
  /** True when the tile takes no tickets now. */
  closed: boolean;
  /** The reason or the start of service, in place of the minutes estimate; null: show the estimate. */
  headline: string | null;
  /** The next opening of a closed service, or a hint (cut-off near, few tickets left). */
  detail: string | null;
}

/** Where the time is: today "9:00", "tomorrow 9:00", or "1/12 (Mon) 9:00". */
export function whenText(when: NextOpeningWhen): string {
  if (when.day === 'today') return when.time;
  if (when.day === 'tomorrow') return msg(str`tomorrow ${when.time}`, { desc: 'The next opening: tomorrow at a time, e.g. "tomorrow 9:00"' });
  return `${when.date} (${when.weekday}) ${when.time}`;
}

/** "Counters open at 9:00": said instead of a minutes promise when no counter serves the service yet. */
export function servedFromText(servedFrom: string, timeZone: string): string {
  const time = clockTime(servedFrom, timeZone);
  return msg(str`Counters open at ${time}`, { desc: 'Service starts at a time today; zh: 窗口 9:00 開始服務' });
}

/** What a tile or the ticket says about the service's opening now. */
export function openingText(queue: QueueSummary | undefined, now: Date, timeZone: string, locale: string): OpeningText {
  const opening = openingOf(queue);
  const next = queue?.nextOpeningAt ? msg(str`Next tickets: ${whenText(nextOpeningWhen(queue.nextOpeningAt, now, timeZone, locale))}`) : null;
  switch (opening) {
    case 'not_issuing_yet':
      return { closed: true, headline: msg('Not open yet'), detail: next };
    case 'cut_off':
      return { closed: true, headline: msg('Tickets closed for today'), detail: next };
    case 'quota_reached':
      return { closed: true, headline: msg("Today's tickets are all taken"), detail: next };
    case 'closed_today':
      return { closed: true, headline: msg('Closed today'), detail: next };
    case 'no_counter':
      return { closed: false, headline: msg('No counter serving now'), detail: hint(queue, now, timeZone) };
    case 'opens_later':
      return {
        closed: false,
        headline: queue?.servedFrom ? servedFromText(queue.servedFrom, timeZone) : msg('No counter serving now'),
        detail: hint(queue, now, timeZone),
      };
    case 'open':
      return { closed: !takesTickets(opening), headline: null, detail: hint(queue, now, timeZone) };
  }
}

/** A near cut-off or a nearly used quota: worth a line on an open tile. */
function hint(queue: QueueSummary | undefined, now: Date, timeZone: string): string | null {
  const left = queue?.quotaLeft;
  if (left !== undefined && left !== null && left < QUOTA_HINT_BELOW) {
    return left === 1 ? msg('1 ticket left today') : msg(str`${left} tickets left today`);
  }
  const cutOff = queue?.cutOffAt;
  if (cutOff) {
    const untilMs = new Date(cutOff).getTime() - now.getTime();
    if (untilMs > 0 && untilMs <= CUT_OFF_HINT_WITHIN_MS) {
      const time = clockTime(cutOff, timeZone);
      return msg(str`Last tickets at ${time}`);
    }
  }
  return null;
}
