/**
 * What the customer can do with a live ticket on their phone: say "I am on my way" (the teller and
 * the lobby manager see it), and cancel a waiting ticket, after a second tap to confirm.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiClient, type PublicTicket } from '../../../protocol/index.js';
import { publicTicketRoutes } from '../../../protocol/public-ticket-routes.js';
import { theme } from '../styles/theme.js';

/**
 * @fires ticket-changed - detail: PublicTicket, the ticket as the server answered after the action
 */
@localized()
@customElement('ticket-actions')
export class TicketActions extends LitElement {
  @property({ attribute: false }) ticket: PublicTicket | null = null;
  @property({ attribute: false }) api = new ApiClient();
  @state() private _confirming = false;
  @state() private _busy = false;
  @state() private _error = '';

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      button {
        min-height: 56px;
        padding: 10px 16px;
        border-radius: 14px;
        border: 2px solid var(--accent);
        background: var(--surface);
        color: var(--accent);
        font-size: 20px;
        font-weight: 800;
      }
      button.primary {
        background: var(--accent);
        color: #fff;
      }
      button.danger {
        border-color: var(--alarm);
        background: var(--alarm);
        color: #fff;
      }
      button.quiet {
        border-color: var(--line);
        color: var(--text);
      }
      button:disabled {
        opacity: 0.6;
      }
      .said {
        margin: 0;
        padding: 12px 16px;
        border-radius: 14px;
        background: #e3f1e6;
        color: var(--ok);
        font-size: 19px;
        font-weight: 700;
      }
      .confirm {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding: 16px;
        border-radius: 16px;
        border: 2px solid var(--alarm);
        background: var(--surface);
      }
      .confirm p,
      .error {
        margin: 0;
        font-size: 19px;
        line-height: 1.4;
      }
      .error {
        color: var(--alarm);
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const ticket = this.ticket?.ticket;
    if (!ticket || (ticket.status !== 'waiting' && ticket.status !== 'called')) return nothing;
    const said = ticket.onMyWayAt !== undefined && (ticket.calledAt === null || ticket.onMyWayAt >= ticket.calledAt);
    return html`
      ${said
        ? html`<p class="said" role="status" data-testid="on-my-way-done">${msg('The staff know you are on your way.')}</p>`
        : html`<button class="primary" data-testid="on-my-way" ?disabled=${this._busy} @click=${this._onMyWay}>${msg('I am on my way')}</button>`}
      ${ticket.status === 'waiting' ? this._renderCancel() : nothing}
      ${this._error ? html`<p class="error" role="alert" data-testid="action-error">${this._error}</p>` : nothing}
    `;
  }

  private _renderCancel() {
    if (!this._confirming) {
      return html`<button class="quiet" data-testid="cancel-ticket" ?disabled=${this._busy} @click=${() => (this._confirming = true)}>${msg('Cancel my ticket')}</button>`;
    }
    return html`<div class="confirm" role="group">
      <p>${msg('Cancel this ticket? You will lose your place in the queue.')}</p>
      <button class="danger" data-testid="cancel-confirm" ?disabled=${this._busy} @click=${this._onCancel}>${msg('Yes, cancel my ticket')}</button>
      <button class="quiet" data-testid="cancel-keep" @click=${() => (this._confirming = false)}>${msg('Keep my ticket')}</button>
    </div>`;
  }

  /** Tells the staff the customer is coming (the call screen's "OK, on my way" does it too). */
  sayOnMyWay(): Promise<void> {
    return this._run('onMyWay');
  }

  private _onMyWay() {
    return this.sayOnMyWay();
  }

  private async _onCancel() {
    await this._run('cancel');
    this._confirming = false;
  }

  private async _run(action: 'onMyWay' | 'cancel') {
    const ticketId = this.ticket?.ticket.id;
    if (!ticketId || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      const after = await this.api.call(publicTicketRoutes[action], { ticketId });
      this.dispatchEvent(new CustomEvent<PublicTicket>('ticket-changed', { detail: after, bubbles: true, composed: true }));
    } catch (err) {
      this._error = refusalText((err as { code?: string }).code, (err as Error).message);
    } finally {
      this._busy = false;
    }
  }
}

/** A refusal in the customer's language; the server's own words only for what the phone cannot foresee. */
function refusalText(code: string | undefined, message: string): string {
  if (code === 'NETWORK') return msg('Cannot reach the bank right now. Please try again.');
  if (code === 'INVALID_TRANSITION') return msg('Your ticket has moved on: please follow the screen above.');
  if (code === 'RATE_LIMITED') return msg('Please wait a moment and try again.');
  return message;
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-actions': TicketActions;
  }
}
