/** Form building blocks for the admin sections: a labelled field with its problem, reading typed values, confirming. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import { problemText } from './admin-text.js';
import type { Problem, Problems } from './admin-validation.js';
import { TIME_ZONES } from './time-zones.js';

/** A label over its control, with the problem (or a hint) under it. */
export function field(label: string | TemplateResult, control: TemplateResult, problem?: Problem, hint?: string): TemplateResult {
  return html`<label class="field">
    <span class="label">${label}</span>
    ${control}
    ${problem
      ? html`<span class="problem" data-testid="admin-problem">${problemText(problem)}</span>`
      : hint
        ? html`<span class="hint">${hint}</span>`
        : nothing}
  </label>`;
}

/** The field name and value of an input or select event (checkboxes give booleans). */
export function fieldValue(event: Event): { name: string; value: string | boolean; target: HTMLInputElement } | null {
  const target = event.target as HTMLInputElement | null;
  if (!target?.name) return null;
  return { name: target.name, value: target.type === 'checkbox' ? target.checked : target.value, target };
}

/** The draft with the typed field's new value. */
export function withInput<Draft extends object>(draft: Draft, event: Event): Draft {
  const input = fieldValue(event);
  return input ? { ...draft, [input.name]: input.value } : draft;
}

export interface Confirmation {
  /** Names the dialog for screen readers, e.g. "Delete counter". */
  label: string;
  question: string;
  /** What follows, when the question alone does not say it. */
  detail?: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The second tap before a change that cannot be undone: the question, the red button, and "Keep it". */
export function confirmBox(c: Confirmation): TemplateResult {
  return html`<div class="refusal" role="alertdialog" aria-label=${c.label}>
    <strong>${c.question}</strong>
    ${c.detail ?? nothing}
    <div class="actions">
      <button type="button" class="danger primary" data-testid="admin-confirm" ?disabled=${c.busy} @click=${c.onConfirm}>${c.confirm}</button>
      <button type="button" data-testid="admin-cancel" @click=${c.onCancel}>${msg('Keep it')}</button>
    </div>
  </div>`;
}

/** A name's three languages as typed in a form. */
export interface NameDraft {
  nameZhHant: string;
  nameZhHans: string;
  nameEn: string;
}

/** The three name fields, Traditional, Simplified, English, for the caller to lay out. */
export function nameFields(d: NameDraft, problems: Problems<string>): [TemplateResult, TemplateResult, TemplateResult] {
  const max = ADMIN_LIMITS.nameLength;
  return [
    field(msg('Name (繁體中文)'), html`<input name="nameZhHant" lang="zh-Hant" .value=${d.nameZhHant} required maxlength=${max} aria-invalid=${!!problems.nameZhHant} />`, problems.nameZhHant),
    field(msg('Name (简体中文)'), html`<input name="nameZhHans" lang="zh-Hans" .value=${d.nameZhHans} required maxlength=${max} aria-invalid=${!!problems.nameZhHans} />`, problems.nameZhHans),
    field(msg('Name (English)'), html`<input name="nameEn" lang="en" .value=${d.nameEn} required maxlength=${max} aria-invalid=${!!problems.nameEn} />`, problems.nameEn),
  ];
}

/** An IANA time zone, with every zone the browser knows as suggestions. */
export function timeZoneField(value: string, problem?: Problem, hint?: string): TemplateResult {
  return field(
    msg('Time zone'),
    html`<input name="timeZone" list="time-zones" .value=${value} required autocomplete="off" spellcheck="false" aria-invalid=${!!problem} />
      <datalist id="time-zones">${TIME_ZONES.map((zone) => html`<option value=${zone}></option>`)}</datalist>`,
    problem,
    hint,
  );
}

/** The language the branch's screens start in; each language named in itself. */
export function defaultLocaleField(value: 'zh-Hant' | 'zh-HK' | 'zh-Hans' | 'en'): TemplateResult {
  return field(
    msg('Default language of the screens'),
    html`<select name="defaultLocale" .value=${value}>
      <option value="zh-Hant" ?selected=${value === 'zh-Hant'}>繁體中文</option>
      <option value="zh-HK" ?selected=${value === 'zh-HK'}>繁體中文（香港）</option>
      <option value="zh-Hans" ?selected=${value === 'zh-Hans'}>简体中文</option>
      <option value="en" ?selected=${value === 'en'}>English</option>
    </select>`,
  );
}
