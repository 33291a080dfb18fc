/** The words of referrals on the console: urgencies and states, in the staff's language. */
import { msg } from '@lit/localize';
import type { ReferralStatus, ReferralUrgency } from '../../../../protocol/record-kinds.js';

export function urgencyLabel(urgency: ReferralUrgency): string {
  switch (urgency) {
    case 'now':
      return msg('Now – in the hall');
    case 'today':
      return msg('Today');
    case 'this_week':
      return msg('This week');
    case 'no_rush':
      return msg('No rush');
  }
}

export function referralStatusLabel(status: ReferralStatus): string {
  switch (status) {
    case 'referred':
      return msg('New');
    case 'contacted':
      return msg('Contacted');
    case 'converted':
      return msg('Converted');
    case 'declined':
      return msg('Declined');
  }
}

/** The button that moves a referral to `status`. */
export function moveLabel(status: ReferralStatus): string {
  switch (status) {
    case 'contacted':
      return msg('Mark contacted');
    case 'converted':
      return msg('Mark converted');
    case 'declined':
      return msg('Mark declined');
    default:
      return referralStatusLabel(status);
  }
}

/** A referral's time as staff read it: the date and time in their locale. */
export const referralTime = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
