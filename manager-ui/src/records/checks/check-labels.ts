/** The words of the opening and closing checks: the standard checklist items, kinds, times. */
import { msg } from '@lit/localize';
import type { ChecklistEntry } from '../../../../protocol/check-routes.js';
import type { CheckKind } from '../../../../protocol/record-kinds.js';
import { machineKindLabel } from '../../shell/labels.js';

/** A checklist item as staff call it: a standard key's name, a machine's label, or the branch's own wording. */
export function checklistItemLabel(entry: { item: string; machineId?: string | null }): string {
  if (entry.machineId) return entry.item;
  switch (entry.item) {
    case 'ticket_machine':
      return msg('Ticket machine');
    case 'wall_displays':
      return msg('Wall displays');
    case 'rating_pads':
      return msg('Counter rating pads');
    case 'forms_and_pens':
      return msg('Forms and pens');
    case 'notices_and_rates':
      return msg('Notices and the rate board');
    case 'hall_tidy':
      return msg('Hall clean and tidy');
    default:
      return entry.item;
  }
}

/** What kind of machine an item is, under its label; empty for the branch's own items. */
export const checklistItemKind = (entry: Pick<ChecklistEntry, 'machineKind'>) => (entry.machineKind ? machineKindLabel(entry.machineKind) : '');

export const checkKindLabel = (kind: CheckKind) => (kind === 'opening' ? msg('Opening check') : msg('Closing check'));

/** 09:12 in the branch's time zone. */
export function clockTime(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}
