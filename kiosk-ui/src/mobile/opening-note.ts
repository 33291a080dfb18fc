/**
 * Why a waiting ticket's service is not being served now, in the customer's words: the phone shows
 * this instead of an estimate, which would be false ("about 1 minute" before the counters open).
 * A service past its cut-off or quota still serves the tickets it gave: those get their estimate.
 */
import { msg, str } from '@lit/localize';
import type { PublicTicket } from '../../../protocol/index.js';
import { branchTime, sameBranchDay } from './branch-time.js';

/** The message for a ticket whose service is not served now; null: show the estimate. */
export function openingNote(view: Pick<PublicTicket, 'opening' | 'timeZone'>, locale: string, now: Date = new Date()): string | null {
  const opening = view.opening;
  if (!opening?.opening) return null;
  switch (opening.opening) {
    case 'opens_later': {
      const from = opening.servedFrom;
      if (!from) return msg('Counters for this service open later today.');
      const time = branchTime(from, locale, view.timeZone);
      if (sameBranchDay(from, now, view.timeZone)) {
        return msg(str`Counters start serving at ${time}`, { desc: 'A waiting ticket before the counters open, e.g. 窗口 9:00 開始服務' });
      }
      const day = new Date(from).toLocaleDateString(locale, { month: 'numeric', day: 'numeric', weekday: 'short', ...(view.timeZone ? { timeZone: view.timeZone } : {}) });
      return msg(str`Counters start serving on ${day} at ${time}`);
    }
    case 'no_counter':
      return msg('No counter is serving this service right now. Please ask our staff.');
    case 'closed_today':
    case 'not_issuing_yet':
      return msg('This service is closed now. Please ask our staff.');
    case 'cut_off':
    case 'quota_reached':
    case 'open':
      return null;
  }
}
