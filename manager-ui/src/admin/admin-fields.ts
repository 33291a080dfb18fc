/** Form building blocks for the admin sections: a labelled field with its problem, and reading typed values. */
import { html, nothing, type TemplateResult } from 'lit';
import { problemText } from './admin-text.js';
import type { Problem } from './admin-validation.js';

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
