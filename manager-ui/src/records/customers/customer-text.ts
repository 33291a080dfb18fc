/** The customer resource sheet's words in the console's language. */
import { msg } from '@lit/localize';
import type { ImportProblem } from '../../../../protocol/customer-routes.js';
import type { CustomerTier } from '../../../../protocol/record-kinds.js';

export function tierLabel(tier: CustomerTier): string {
  switch (tier) {
    case 'vip':
      return msg('VIP');
    case 'valued':
      return msg('Valued');
    case 'potential':
      return msg('Potential');
  }
}

/** ••••1234, or a dash for a customer noted without a number. */
export const numberLabel = (hint: string): string => (hint ? `••••${hint}` : '—');

export function importProblemLabel(problem: ImportProblem): string {
  switch (problem) {
    case 'name_missing':
      return msg('No name');
    case 'name_too_long':
      return msg('Name too long');
    case 'number_invalid':
      return msg('Not a card or customer number');
    case 'tier_invalid':
      return msg('Unknown tier');
    case 'phone_invalid':
      return msg('Phone not valid');
    case 'needs_too_long':
      return msg('Needs too long');
    case 'manager_unknown':
      return msg('No such account manager');
    case 'duplicate_in_file':
      return msg('Number twice in the file');
    case 'duplicate_on_sheet':
      return msg('Already on the sheet');
  }
}

/** A date and time in the branch's time zone, as the console writes them. */
export function visitLabel(iso: string | null, timeZone: string | undefined): string {
  if (!iso) return msg('Not yet');
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
