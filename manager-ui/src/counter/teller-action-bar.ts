import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { SHORTCUT_LABELS, type CounterCommand } from '../logic/shortcuts.js';
import type { TellerAction } from '../logic/ticket-actions.js';
import { buttons, tokens } from '../shell/styles.js';

/** A teller's command, from a button or a shortcut. */
export interface TellerCommandDetail {
  command: CounterCommand;
  /** For a transfer: the service picked. */
  serviceId?: string;
}

const BUTTONS: { command: Exclude<CounterCommand, 'call_next' | 'complete_and_call_next'>; testid: string }[] = [
  { command: 'recall', testid: 'recall' },
  { command: 'start', testid: 'start' },
  { command: 'complete', testid: 'complete' },
  { command: 'no_show', testid: 'no-show' },
  { command: 'transfer', testid: 'transfer' },
];

/**
 * The routine actions on the current ticket, each with its key shown; only those valid for the ticket's status are enabled.
 * The services to transfer to stay in view (no dialog): one click transfers; T then the service's letter does the same.
 * @fires teller-command - detail: TellerCommandDetail
 */
@localized()
@customElement('teller-action-bar')
export class TellerActionBar extends LitElement {
  /** Actions the current ticket's status allows. */
  @property({ attribute: false }) allowed: ReadonlySet<TellerAction> = new Set();
  /** Services the current ticket can be transferred to (none without a ticket: the row hides). */
  @property({ attribute: false }) transferTargets: Service[] = [];
  /** Whether T was pressed: the transfer row is highlighted and waits for a service letter. */
  @property({ type: Boolean }) picking = false;
  /** Disables everything while a request runs. */
  @property({ type: Boolean }) busy = false;
  /** No-show was pressed once: the button asks to be pressed again to confirm. */
  @property({ type: Boolean }) noShowConfirming = false;
  /** Why No-show is not available yet (e.g. "after 1 recall"); empty when it is. */
  @property() noShowHint = '';

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 10px;
      }
      /* Five to a row on a 1024 px screen: the key goes under the label, so neither wraps nor spills over. */
      .actions button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2px;
        min-height: 64px;
        padding: 4px 6px;
        font-size: 20px;
        line-height: 1.2;
      }
      .actions button kbd {
        margin-inline-start: 0;
      }
      .actions button[aria-expanded='true'] {
        background: var(--accent);
        color: #fff;
      }
      .actions button.confirming {
        background: var(--alarm);
        border-color: var(--alarm);
        color: #fff;
        font-size: 16px;
      }
      .hint {
        margin: 0;
        color: var(--muted);
        font-size: 16px;
      }
      .transfer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        border: 2px solid transparent;
        border-radius: 10px;
        padding: 8px 12px;
        background: var(--card);
      }
      .transfer.picking {
        background: #e3edf8;
        border-color: var(--accent);
      }
      .transfer button {
        padding: 0 14px;
      }
      .transfer span {
        font-weight: 600;
        margin-inline-end: 8px;
      }
      .transfer .prefix {
        font-family: var(--digits);
      }
    `,
  ];

  override render() {
    return html`<div class="actions">
        ${BUTTONS.map(
          ({ command, testid }) => html`<button
            data-testid=${testid}
            class=${command === 'no_show' && this.noShowConfirming ? 'confirming' : ''}
            ?disabled=${this.busy || !this.allowed.has(command)}
            aria-expanded=${command === 'transfer' ? String(this.picking) : nothing}
            aria-describedby=${command === 'no_show' && this.noShowHint ? 'no-show-hint' : nothing}
            @click=${() => this._emit({ command })}
          >
            ${this._label(command)}<kbd>${SHORTCUT_LABELS[command]}</kbd>
          </button>`,
        )}
      </div>
      ${this.noShowHint ? html`<p class="hint" id="no-show-hint" data-testid="no-show-hint">${this.noShowHint}</p>` : nothing}
      ${this.transferTargets.length ? this._renderTransferTargets() : nothing}`;
  }

  private _renderTransferTargets() {
    const locale = getLocale();
    const disabled = this.busy || !this.allowed.has('transfer');
    return html`<div class="transfer ${this.picking ? 'picking' : ''}" role="group" aria-label=${msg('Transfer to')}>
      <span>${this.picking ? msg('Transfer to — press the letter') : msg('Transfer to')}</span>
      ${this.transferTargets.map(
        (s) => html`<button data-testid="transfer-${s.prefix}" ?disabled=${disabled} @click=${() => this._emit({ command: 'transfer', serviceId: s.id })}>
          <span class="prefix">${s.prefix}</span>&nbsp;${localizedName(s.name, locale)}
        </button>`,
      )}
      ${this.picking ? html`<button @click=${() => this._emit({ command: 'transfer' })}>${msg('Back')}<kbd>Esc</kbd></button>` : nothing}
    </div>`;
  }

  private _label(command: CounterCommand): string {
    if (command === 'recall') return msg('Recall');
    if (command === 'start') return msg('Start');
    if (command === 'complete') return msg('Complete');
    if (command === 'no_show') return this.noShowConfirming ? msg('Press again to confirm no-show') : msg('No-show');
    return msg('Transfer');
  }

  private _emit(detail: TellerCommandDetail) {
    this.dispatchEvent(new CustomEvent<TellerCommandDetail>('teller-command', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'teller-action-bar': TellerActionBar;
  }
}
