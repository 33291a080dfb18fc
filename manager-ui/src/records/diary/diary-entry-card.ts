import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DIARY_TEXT_FIELDS, type DiaryEntry } from '../../../../protocol/diary-routes.js';
import { getLocale } from '../../localization.js';
import { buttons, tokens } from '../../shell/styles.js';
import { dayText, fieldLabel } from './diary-text.js';

/**
 * One manager's diary entry of a past or present day, read-only, with its state: locked once the
 * end of the next business day has passed, or open to its author until then.
 *
 * @fires diary-edit - `detail`: the entry, when its author chooses to change it
 */
@localized()
@customElement('diary-entry-card')
export class DiaryEntryCard extends LitElement {
  @property({ attribute: false }) entry!: DiaryEntry;
  /** True when the signed-in manager wrote it (only they may change it). */
  @property({ type: Boolean }) mine = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 12px 16px;
        background: var(--card);
      }
      header {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      h3 {
        margin: 0;
        font-size: 18px;
      }
      .author {
        color: var(--muted);
      }
      .state {
        margin-inline-start: auto;
        display: flex;
        align-items: center;
        gap: 12px;
      }
      .locked {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 4px 10px;
        border-radius: 999px;
        background: var(--bg);
        color: var(--text);
        font-weight: 600;
      }
      .open {
        color: var(--ok);
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(140px, max-content) 1fr;
        gap: 6px 16px;
        margin: 10px 0 0;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const e = this.entry;
    const locale = getLocale();
    const filled = DIARY_TEXT_FIELDS.filter((field) => e[field].trim() !== '');
    return html`<article aria-labelledby="title" data-testid="diary-entry-${e.businessDay}-${e.authorId}">
      <header>
        <h3 id="title">${dayText(e.businessDay, locale)}</h3>
        <span class="author">${e.authorName}</span>
        <span class="state">
          ${e.locked
            ? html`<span class="locked" data-testid="diary-locked"><span aria-hidden="true">🔒</span>${msg('Locked: read-only')}</span>`
            : html`<span class="open" data-testid="diary-open">${msg(str`Open until the end of ${dayText(e.editableUntil, locale)}`)}</span>
                ${this.mine ? html`<button type="button" data-testid="diary-edit" @click=${this._onEdit}>${msg('Edit')}</button>` : nothing}`}
        </span>
      </header>
      ${filled.length
        ? html`<dl>${filled.map((field) => html`<dt>${fieldLabel(field)}</dt><dd>${e[field]}</dd>`)}</dl>`
        : html`<p class="author">${msg('Nothing written.')}</p>`}
    </article>`;
  }

  private _onEdit() {
    this.dispatchEvent(new CustomEvent<DiaryEntry>('diary-edit', { detail: this.entry, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-entry-card': DiaryEntryCard;
  }
}
