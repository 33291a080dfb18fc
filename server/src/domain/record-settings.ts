/**
 * The records' branch settings beyond what their schema can say: holidays are real calendar days
 * and each is named once; checklist items are not blank and not repeated. Pure: the settings in,
 * the settings as stored (trimmed, holidays in order) or the first problem out.
 */
import type { BranchSettings } from '../../../protocol/schemas.js';
import { isCalendarDay } from './audit-period.js';

export type RecordSettings = Pick<BranchSettings, 'holidays' | 'checklistItems'>;

export type RecordSettingsCheck =
  | { ok: true; holidays?: string[]; checklistItems?: string[] }
  | { ok: false; /** e.g. `holidays/2`, under `settings/` */ field: string; problem: string };

export function checkRecordSettings(settings: Partial<RecordSettings>): RecordSettingsCheck {
  let holidays: string[] | undefined;
  if (settings.holidays) {
    const seen = new Set<string>();
    for (const [index, day] of settings.holidays.entries()) {
      if (!isCalendarDay(day)) return { ok: false, field: `holidays/${index}`, problem: `${day} is not a calendar day (YYYY-MM-DD)` };
      if (seen.has(day)) return { ok: false, field: `holidays/${index}`, problem: `${day} is listed twice` };
      seen.add(day);
    }
    holidays = [...seen].sort();
  }
  let checklistItems: string[] | undefined;
  if (settings.checklistItems) {
    const seen = new Set<string>();
    checklistItems = [];
    for (const [index, item] of settings.checklistItems.entries()) {
      const text = item.trim();
      if (!text) return { ok: false, field: `checklistItems/${index}`, problem: 'must not be blank' };
      // "Hall tidy" and "hall tidy " are the same item to the person ticking it.
      const key = text.toLocaleLowerCase();
      if (seen.has(key)) return { ok: false, field: `checklistItems/${index}`, problem: `"${text}" is listed twice` };
      seen.add(key);
      checklistItems.push(text);
    }
  }
  return { ok: true, holidays, checklistItems };
}
