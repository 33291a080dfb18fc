import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { Service } from '../../../protocol/schemas.js';
import { TRIAGE_UNDO_SECONDS } from '../../../protocol/triage-undo.js';
import { apiContext } from '../app-context.js';
import { machineKindLabel, tierLabel } from '../shell/labels.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import type { TicketActionDetail } from './ticket-action-sheet.js';

/** A divert, transfer, tier change or cancel just made on the board, which can still be undone. */
export interface UndoableAction {
  ticketId: string;
  /** What was done, in the manager's words: "A003 sent to the ATM". */
  text: string;
  /** When it was done (ms since the epoch, this device's clock): Undo is offered for TRIAGE_UNDO_SECONDS after. */
  at: number;
}

/** How long "A003 is back in its place" stays after an undo. */
const DONE_MS = 4000;

/** The undoable record of a ticket action the board just performed on ticket `number`. */
export function undoableAction(action: TicketActionDetail, number: string, services: readonly Service[]): UndoableAction {
  const text = (() => {
    if (action.kind === 'divert') return msg(str`${number} sent to the ${machineKindLabel(action.machineKind)}`);
    if (action.kind === 'tier') return msg(str`${number} is now ${tierLabel(action.tier)}`);
    if (action.kind === 'transfer') return msg(str`${number} moved to ${services.find((s) => s.id === action.serviceId)?.prefix ?? ''}`);
    return msg(str`${number} cancelled`);
  })();
  return { ticketId: action.ticketId, text, at: Date.now() };
}

/**
 * Says what the manager just did to a ticket and offers "Undo" for as long as the server allows it:
 * the ticket then waits again exactly where it was.
 * @fires undo-closed - when it timed out, was dismissed, or the undo was done and said so
 */
@localized()
@customElement('undo-toast')
export class UndoToast extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  /** The action to offer undo for; null hides the toast. */
  @property({ attribute: false }) action: UndoableAction | null = null;

  /** The number put back, once the undo was done. */
  @state() private _restored = '';
  private _requests = new RequestController(this);
  private _timer: ReturnType<typeof setTimeout> | null = null;

  static override styles = [
    tokens,
    buttons,
    css`
      /* Bottom right, above the columns' Divert buttons and 派號: it stays up to two minutes, so it keeps clear
         of the top's alerts and of every button; an open sheet covers it (sheets sit at 40), the manager is busy there. */
      :host {
        position: fixed;
        right: 12px;
        bottom: 166px;
        z-index: 30;
        pointer-events: none;
        max-width: min(560px, calc(100vw - 24px));
      }
      div {
        display: flex;
        align-items: center;
        gap: 12px;
        background: var(--text);
        color: #fff;
        border-left: 8px solid var(--accent);
        border-radius: 10px;
        padding: 8px 8px 8px 20px;
        font-size: 19px;
        box-shadow: 0 6px 24px rgb(16 42 67 / 30%);
      }
      .text {
        flex: 1;
      }
      .error {
        display: block;
        font-size: 16px;
        margin-top: 4px;
      }
      button {
        pointer-events: auto;
        flex: none;
        min-height: 52px;
        border-color: #fff;
        color: #fff;
        background: transparent;
      }
      button.undo {
        background: #fff;
        color: var(--text);
        font-weight: 700;
        min-width: 110px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('action')) return;
    this._restored = '';
    this._requests.clearError();
    const left = this.action ? this.action.at + TRIAGE_UNDO_SECONDS * 1000 - Date.now() : 0;
    this._closeIn(this.action ? Math.max(0, left) : null);
  }

  override disconnectedCallback() {
    this._closeIn(null);
    super.disconnectedCallback();
  }

  override render() {
    const action = this.action;
    if (!action) return nothing;
    if (this._restored) {
      return html`<div role="status" data-testid="undo-toast"><span class="text">${msg(str`${this._restored} is back in its place.`)}</span></div>`;
    }
    const error = this._requests.error;
    return html`<div role="status" data-testid="undo-toast">
      <span class="text">${action.text}${error ? html`<span class="error" role="alert">${error}</span>` : nothing}</span>
      ${error
        ? nothing
        : html`<button class="undo" data-testid="undo-button" ?disabled=${this._requests.busy} @click=${this._onUndo}>${msg('Undo')}</button>`}
      <button @click=${this._onClose} aria-label=${msg('Dismiss')}>✕</button>
    </div>`;
  }

  /** Closes the toast after `ms` (null: never, a new action will say). */
  private _closeIn(ms: number | null) {
    if (this._timer) clearTimeout(this._timer);
    this._timer = ms === null ? null : setTimeout(() => this._onClose(), ms);
  }

  private async _onUndo() {
    const action = this.action;
    if (!action) return;
    const outcome = await this._requests.run(() => this._api.call(queueRoutes.undoTriage, { ticketId: action.ticketId }));
    if (outcome.status !== 'done' || this.action !== action) return;
    this._restored = outcome.value.number;
    this._closeIn(DONE_MS);
  }

  private _onClose() {
    this._closeIn(null);
    this.dispatchEvent(new Event('undo-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'undo-toast': UndoToast;
  }
}
