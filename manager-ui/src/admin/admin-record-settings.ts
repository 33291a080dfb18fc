/**
 * The lobby manager's records in the branch settings form (admin-branch-settings): how the kiosk
 * recognises a VIP, the working days to reply to a complaint, the branch's holidays, and the items
 * of the opening and closing checks. Templates over the form's draft; changes go back through `onDraft`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { DEFAULT_CHECKLIST_ITEMS, COMPLAINT_REPLY_WORKING_DAYS } from '../../../protocol/schemas.js';
import { field } from './admin-fields.js';
import {
  CHECKLIST_LIMITS,
  checkNewChecklistItem,
  checkNewHoliday,
  type BranchDraft,
  type BranchField,
  type ListField,
  type ListProblem,
  type Problems,
} from './admin-validation.js';

type StandardItem = (typeof DEFAULT_CHECKLIST_ITEMS)[number];
const isStandard = (item: string): item is StandardItem => (DEFAULT_CHECKLIST_ITEMS as readonly string[]).includes(item);

/** A standard check item in the staff's words. */
export function checklistItemName(item: StandardItem): string {
  switch (item) {
    case 'ticket_machine':
      return msg('Ticket machine');
    case 'wall_displays':
      return msg('Wall displays');
    case 'rating_pads':
      return msg('Counter rating pads');
    case 'forms_and_pens':
      return msg('Forms and pens');
    case 'notices_and_rates':
      return msg('Notices and rate board');
    case 'hall_tidy':
      return msg('Hall clean and tidy');
  }
}

function listProblemText(problem: ListProblem): string {
  switch (problem.kind) {
    case 'notADay':
      return msg('Choose a date');
    case 'blank':
      return msg('Type the item first');
    case 'listed':
      return msg('Already in the list');
    case 'tooLong':
      return msg(str`At most ${problem.max} characters`);
    case 'full':
      return msg(str`At most ${problem.max} in the list`);
    case 'pending':
      return msg('Press Add, or clear this field');
  }
}

export const recordSettingsStyles = css`
  .option {
    display: grid;
    grid-template-columns: 24px minmax(0, 1fr);
    gap: 4px 12px;
    align-items: start;
    min-height: var(--target);
    padding: 8px 0;
    cursor: pointer;
  }
  .option input {
    width: 24px;
    height: 24px;
    min-height: 0;
    margin: 0;
    accent-color: var(--accent);
  }
  .option strong {
    display: block;
  }
  .option .hint {
    color: var(--muted);
    font-size: 14px;
  }
  .add-row {
    display: flex;
    gap: 8px;
  }
  .add-row input {
    flex: 1;
  }
  .add-row button {
    flex: none;
  }
  ul.entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  ul.entries li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-inline-start: 12px;
    border: 2px solid var(--line);
    border-radius: 10px;
    background: var(--card);
  }
  ul.entries li button {
    border: none;
    min-width: var(--target);
    padding: 0 12px;
    font-size: 22px;
    line-height: 1;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0 16px;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .stack > .field {
    gap: 8px;
  }
  .group-label {
    font-weight: 600;
    font-size: 15px;
  }
  span.problem {
    color: var(--alarm);
    font-size: 14px;
    font-weight: 600;
  }
`;

/** Adds `value` to one of the draft's lists when it may be added; the field's problem otherwise. */
function add(d: BranchDraft, list: 'holidays' | 'checklistItems', onDraft: (d: BranchDraft) => void, onProblem: (p: ListProblem | undefined) => void) {
  const typed = list === 'holidays' ? d.newHoliday : d.newChecklistItem;
  const problem = list === 'holidays' ? checkNewHoliday(typed, d.holidays) : checkNewChecklistItem(typed, d.checklistItems);
  onProblem(problem);
  if (problem) return;
  if (list === 'holidays') onDraft({ ...d, holidays: [...d.holidays, typed.trim()].sort(), newHoliday: '' });
  else onDraft({ ...d, checklistItems: [...d.checklistItems, typed.trim()], newChecklistItem: '' });
}

export interface RecordSettingsView {
  draft: BranchDraft;
  problems: Problems<BranchField>;
  /** Problems of the two "add" fields. */
  listProblems: Partial<Record<ListField, ListProblem>>;
  onDraft(draft: BranchDraft): void;
  onListProblem(field: ListField, problem: ListProblem | undefined): void;
}

/** VIP recognition, the complaint reply days and the holidays. */
export function recordRules(v: RecordSettingsView): TemplateResult {
  const d = v.draft;
  const R = COMPLAINT_REPLY_WORKING_DAYS;
  return html`<fieldset class="wide records">
    <legend>${msg('Records of the lobby manager')}</legend>
    <div class="row2">
      <div class="field" role="radiogroup" aria-labelledby="vip-label">
        <span class="label" id="vip-label">${msg('VIP recognition at the kiosk')}</span>
        <label class="option">
          <input type="radio" name="vipRecognition" value="trust" data-testid="vip-trust" .checked=${d.vipRecognition === 'trust'} />
          <span><strong>${msg('Trust the customer')}</strong><span class="hint">${msg('Any card or customer number gets the VIP lane: for a branch without a customer list.')}</span></span>
        </label>
        <label class="option">
          <input type="radio" name="vipRecognition" value="registry" data-testid="vip-registry" .checked=${d.vipRecognition === 'registry'} />
          <span><strong>${msg('Check the customer list')}</strong><span class="hint">${msg('Only numbers on the customer resource sheet get the VIP lane; others are offered a regular ticket.')}</span></span>
        </label>
      </div>
      <div class="stack">
        ${field(
          msg('Working days to reply to a complaint'),
          html`<input name="complaintReplyWorkingDays" type="number" inputmode="numeric" min=${R.min} max=${R.max} .value=${d.complaintReplyWorkingDays} required aria-invalid=${!!v.problems.complaintReplyWorkingDays} />`,
          v.problems.complaintReplyWorkingDays,
          msg(str`Weekends and the holidays below do not count (${R.min}–${R.max}).`),
        )}
        ${holidays(v)}
      </div>
    </div>
  </fieldset>`;
}

/** The branch's holidays: a list to remove from, and a date to add. */
function holidays(v: RecordSettingsView): TemplateResult {
  const d = v.draft;
  const addHoliday = () => add(d, 'holidays', v.onDraft, (p) => v.onListProblem('newHoliday', p));
  return html`<div class="field" role="group" aria-labelledby="holidays-label">
    <span class="group-label" id="holidays-label">${msg('Holidays (the branch is closed)')}</span>
    ${d.holidays.length
      ? html`<ul class="entries" aria-labelledby="holidays-label" data-testid="holidays">
          ${d.holidays.map(
            (day) => html`<li>
              <span class="number">${day}</span>
              <button type="button" aria-label=${msg(str`Remove holiday ${day}`)} @click=${() => v.onDraft({ ...d, holidays: d.holidays.filter((h) => h !== day) })}>×</button>
            </li>`,
          )}
        </ul>`
      : html`<p class="hint">${msg('No holidays yet: only weekends are closed days.')}</p>`}
    <div class="add-row">
      <input
        name="newHoliday"
        type="date"
        aria-label=${msg('Holiday to add')}
        data-testid="new-holiday"
        .value=${d.newHoliday}
        aria-invalid=${!!v.listProblems.newHoliday}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), addHoliday())}
      />
      <button type="button" data-testid="add-holiday" @click=${addHoliday}>${msg('Add holiday')}</button>
    </div>
    ${v.listProblems.newHoliday ? html`<span class="problem" data-testid="admin-problem">${listProblemText(v.listProblems.newHoliday)}</span>` : nothing}
  </div>`;
}

/** The opening and closing checklist: the standard items as checkboxes, then the branch's own. */
export function checklist(v: RecordSettingsView): TemplateResult {
  const d = v.draft;
  const own = d.checklistItems.filter((item) => !isStandard(item));
  // Standard items keep their usual order, before the branch's own.
  const toggle = (item: StandardItem, on: boolean) => {
    const standard = DEFAULT_CHECKLIST_ITEMS.filter((s) => (s === item ? on : d.checklistItems.includes(s)));
    v.onDraft({ ...d, checklistItems: [...standard, ...own] });
  };
  const addItem = () => add(d, 'checklistItems', v.onDraft, (p) => v.onListProblem('newChecklistItem', p));
  return html`<fieldset class="wide checklist">
    <legend>${msg('Opening and closing checks')}</legend>
    <p class="hint">${msg('Every self-service machine is always checked. Choose the other items, and add the branch’s own.')}</p>
    <div class="checks" data-testid="standard-items">
      ${DEFAULT_CHECKLIST_ITEMS.map(
        (item) => html`<label class="check">
          <input type="checkbox" data-testid="item-${item}" .checked=${d.checklistItems.includes(item)} @change=${(e: Event) => toggle(item, (e.target as HTMLInputElement).checked)} />
          ${checklistItemName(item)}
        </label>`,
      )}
    </div>
    <span class="group-label" id="own-items-label">${msg('The branch’s own items')}</span>
    ${own.length
      ? html`<ul class="entries" aria-labelledby="own-items-label" data-testid="own-items">
          ${own.map(
            (item) => html`<li>
              <span>${item}</span>
              <button type="button" aria-label=${msg(str`Remove item ${item}`)} @click=${() => v.onDraft({ ...d, checklistItems: d.checklistItems.filter((i) => i !== item) })}>×</button>
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="add-row">
      <input
        name="newChecklistItem"
        maxlength=${CHECKLIST_LIMITS.length}
        aria-label=${msg('Item to add')}
        placeholder=${msg('e.g. Queue barrier in place')}
        data-testid="new-item"
        .value=${d.newChecklistItem}
        aria-invalid=${!!v.listProblems.newChecklistItem}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), addItem())}
      />
      <button type="button" data-testid="add-item" @click=${addItem}>${msg('Add item')}</button>
    </div>
    ${v.listProblems.newChecklistItem ? html`<span class="problem" data-testid="admin-problem">${listProblemText(v.listProblems.newChecklistItem)}</span>` : nothing}
  </fieldset>`;
}
