import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BranchSettings, Ticket } from '../../../protocol/schemas.js';
import '../counter/no-show-list.js';
import '../shell/bottom-sheet.js';
import { buttons, tokens } from '../shell/styles.js';

/**
 * 過號重排 from the triage tablet: a "No-shows" button beside Issue ticket, with today's count (shown while there are any), that
 * opens a sheet of today's no-shows; the lobby manager re-queues a customer who came back late in
 * one tap. The button and its sheet are one element, so the triage page only places it.
 */
@localized()
@customElement('no-show-sheet')
export class NoShowSheet extends LitElement {
  /** Today's no-shows of the branch, newest first (the staff snapshot's `noShows`). */
  @property({ attribute: false }) tickets: Ticket[] = [];
  @property({ attribute: false }) settings: BranchSettings | null = null;
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  @property({ type: Boolean }) busy = false;

  @state() private _open = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: flex;
      }
      :host([hidden]) {
        display: none;
      }
      .opener {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: var(--target);
        padding: 0 14px;
        font-size: 16px;
        white-space: nowrap;
      }
      .count {
        font-family: var(--digits);
        font-size: 20px;
        font-weight: 800;
      }
    `,
  ];

  override willUpdate() {
    // Nothing to re-queue, no button: the hall's alerts keep the whole line.
    this.hidden = this.tickets.length === 0 && !this._open;
  }

  override render() {
    const count = this.tickets.length;
    if (this.hidden) return nothing;
    return html`<button
        class="opener"
        data-testid="open-no-shows"
        aria-haspopup="dialog"
        @click=${() => (this._open = true)}
      >
        <span>${msg('No-shows')}</span><span class="count">${count}</span>
      </button>
      ${this._open
        ? html`<bottom-sheet open data-testid="no-show-sheet" @sheet-closed=${() => (this._open = false)}>
            <h2 slot="heading">${msg('No-shows today')}</h2>
            <no-show-list .tickets=${this.tickets} .settings=${this.settings} .now=${this.now} ?busy=${this.busy}></no-show-list>
          </bottom-sheet>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'no-show-sheet': NoShowSheet;
  }
}
