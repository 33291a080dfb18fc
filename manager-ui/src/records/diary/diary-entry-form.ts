import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DIARY_LIMITS, DIARY_TEXT_FIELDS, type DiaryEntry, type DiaryEntryBody } from '../../../../protocol/diary-routes.js';
import { buttons, tokens } from '../../shell/styles.js';
import { fieldLabel } from './diary-text.js';

const EMPTY: DiaryEntryBody = { focus: '', conversations: '', potentialCustomers: '', problems: '' };

const textOf = (entry: DiaryEntry | null): DiaryEntryBody =>
  entry ? { focus: entry.focus, conversations: entry.conversations, potentialCustomers: entry.potentialCustomers, problems: entry.problems } : { ...EMPTY };

/**
 * The four free-text fields of the manager's own diary entry for a day, and Save. What the manager
 * has typed stays while the saved entry is fetched again (a hint from another screen), until saved.
 *
 * @fires diary-save - `detail`: the entry's text (DiaryEntryBody), when the manager saves
 */
@localized()
@customElement('diary-entry-form')
export class DiaryEntryForm extends LitElement {
  /** The day the entry is for (YYYY-MM-DD). */
  @property() day = '';
  /** The saved entry, or null before the first save. */
  @property({ attribute: false }) entry: DiaryEntry | null = null;
  /** True while a save runs. */
  @property({ type: Boolean }) busy = false;
  /** Why the last save failed, for the manager to read. */
  @property() error = '';
  /** Said once a save went through ("Saved at 16:02"). */
  @property() status = '';

  @state() private _draft: DiaryEntryBody = { ...EMPTY };
  @state() private _dirty = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 12px 16px;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 4px;
        font-weight: 600;
      }
      textarea {
        font: inherit;
        font-weight: 400;
        min-height: 96px;
        padding: 8px 10px;
        border: 1px solid var(--muted);
        border-radius: 8px;
        resize: vertical;
        color: var(--text);
        background: var(--card);
      }
      textarea:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 1px;
      }
      .actions {
        grid-column: 1 / -1;
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 12px 16px;
      }
      .status {
        color: var(--ok);
        font-weight: 600;
      }
      .error {
        color: var(--alarm);
        font-weight: 600;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    // A new day, or the saved entry changed while nothing is being typed: show what is saved.
    if (changed.has('day') || (changed.has('entry') && !this._dirty)) {
      this._draft = textOf(this.entry);
      this._dirty = false;
    }
  }

  override render() {
    return html`<form @submit=${this._onSubmit} @input=${this._onInput} data-testid="diary-form">
      ${DIARY_TEXT_FIELDS.map(
        (field) => html`<label>
          ${fieldLabel(field)}
          <textarea name=${field} maxlength=${DIARY_LIMITS.textLength} .value=${this._draft[field]} data-testid="diary-${field}"></textarea>
        </label>`,
      )}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy} data-testid="diary-save">${msg('Save the diary')}</button>
        <span role="status" class=${this.error ? 'error' : 'status'} data-testid="diary-save-status">${this.error || (this._dirty ? nothing : this.status)}</span>
      </div>
    </form>`;
  }

  private _onInput(event: Event) {
    const target = event.target as HTMLTextAreaElement;
    if (!(DIARY_TEXT_FIELDS as readonly string[]).includes(target.name)) return;
    this._draft = { ...this._draft, [target.name]: target.value };
    this._dirty = true;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent<DiaryEntryBody>('diary-save', { detail: { ...this._draft } }));
  }

  /** The save went through: what is shown is what is saved. */
  markSaved() {
    this._dirty = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-entry-form': DiaryEntryForm;
  }
}
