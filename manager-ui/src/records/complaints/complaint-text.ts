/** The words of the complaint log on the console: channels, categories, states and how overdue, in the staff's language. */
import { msg, str } from '@lit/localize';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '../../../../protocol/record-kinds.js';
import { getLocale } from '../../localization.js';

export function channelLabel(channel: ComplaintChannel): string {
  switch (channel) {
    case 'hall':
      return msg('In the hall');
    case 'phone':
      return msg('Phone');
    case 'letter':
      return msg('Letter');
    case 'online':
      return msg('Online');
    case 'regulator':
      return msg('Via the regulator');
  }
}

export function categoryLabel(category: ComplaintCategory): string {
  switch (category) {
    case 'waiting_time':
      return msg('Waiting time');
    case 'staff_attitude':
      return msg('Staff attitude');
    case 'product':
      return msg('Product');
    case 'fees':
      return msg('Fees');
    case 'equipment':
      return msg('Equipment');
    case 'environment':
      return msg('Environment');
    case 'other':
      return msg('Other');
  }
}

export function complaintStatusLabel(status: ComplaintStatus): string {
  switch (status) {
    // Words of their own: "Open" and "Closed" are a counter's states elsewhere on the console.
    case 'open':
      return msg('Awaiting reply');
    case 'replied':
      return msg('Replied');
    case 'closed':
      return msg('Case closed');
    case 'reopened':
      return msg('Reopened');
  }
}

/** How long past its deadline a complaint is: "Overdue 2 d 3 h", "Overdue 40 min". */
export function overdueLabel(replyDueAt: string, now: number): string {
  const minutes = Math.max(1, Math.floor((now - Date.parse(replyDueAt)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return msg(str`Overdue ${days} d ${hours} h`);
  const rest = minutes % 60;
  if (hours > 0) return msg(str`Overdue ${hours} h ${rest} min`);
  return msg(str`Overdue ${minutes} min`);
}

/** A date and time in the console's language, on the branch's clock (a deadline at 23:59 there reads as the end of the day). */
export function dateTimeLabel(at: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(getLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at));
}

/** A month (YYYY-MM) in the console's language. */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat(getLocale(), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
