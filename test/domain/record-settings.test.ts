/** The records' branch settings: holidays and checklist items as a branch may keep them. */
import { describe, expect, it } from 'vitest';
import { checkRecordSettings } from '../../server/src/domain/record-settings.js';

describe('checkRecordSettings', () => {
  it.each([
    ['nothing to check', {}, { ok: true, holidays: undefined, checklistItems: undefined }],
    ['no holidays and no items', { holidays: [], checklistItems: [] }, { ok: true, holidays: [], checklistItems: [] }],
    ['holidays, kept in calendar order', { holidays: ['2026-12-25', '2026-10-01'] }, { ok: true, holidays: ['2026-10-01', '2026-12-25'], checklistItems: undefined }],
    ['29 February of a leap year', { holidays: ['2028-02-29'] }, { ok: true, holidays: ['2028-02-29'], checklistItems: undefined }],
    ['a day that does not exist', { holidays: ['2026-10-01', '2026-02-30'] }, { ok: false, field: 'holidays/1', problem: '2026-02-30 is not a calendar day (YYYY-MM-DD)' }],
    ['a holiday twice', { holidays: ['2026-10-01', '2026-10-02', '2026-10-01'] }, { ok: false, field: 'holidays/2', problem: '2026-10-01 is listed twice' }],
    [
      'standard keys and the branch’s own wording, trimmed',
      { checklistItems: ['ticket_machine', '  Queue barrier  ', '飲水機'] },
      { ok: true, holidays: undefined, checklistItems: ['ticket_machine', 'Queue barrier', '飲水機'] },
    ],
    ['a blank item', { checklistItems: ['hall_tidy', '   '] }, { ok: false, field: 'checklistItems/1', problem: 'must not be blank' }],
    ['an item twice', { checklistItems: ['hall_tidy', 'Queue barrier', 'queue barrier '] }, { ok: false, field: 'checklistItems/2', problem: '"queue barrier" is listed twice' }],
  ])('%s', (_case, settings, expected) => {
    expect(checkRecordSettings(settings)).toEqual(expected);
  });
});
