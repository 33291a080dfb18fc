import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Ticket } from '../../../protocol/schemas.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import { TIER_SYMBOL, tierLabel } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/** Which waiting ticket the teller calls by its number. */
export interface CallTicketDetail {
  ticketId: string;
}

/**
 * The tickets waiting for this counter, in the order the next calls would take them (VIP, then
 * priority, then regular, each by arrival: logic/snapshot-views.ts waitingForCounter). Each can be called by its number (指定叫號): a customer standing at the counter, a return visit.
 * @fires call-ticket - detail: CallTicketDetail
 */
@localized()
@customElement('counter-waiting-list')
export class CounterWaitingList extends LitElement {
  /** Waiting tickets of the counter's services, in call order. */
  @property({ attribute: false }) tickets: Ticket[] = [];
  /** Whether the counter may call now (open and free). */
  @property({ type: Boolean }) callable = false;
  @property({ type: Boolean }) busy = false;
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 16px 0 8px;
        font-size: 18px;
        color: var(--muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
        max-height: 340px;
        overflow-y: auto;
      }
      li {
        display: grid;
        grid-template-columns: 5ch 1fr auto;
        align-items: center;
        gap: 8px;
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 4px 4px 4px 10px;
      }
      .number {
        font-family: var(--digits);
        font-size: 22px;
        font-weight: 800;
      }
      .waited {
        color: var(--muted);
        font-size: 15px;
      }
      button {
        min-height: 40px;
        padding: 0 12px;
      }
      .empty {
        color: var(--muted);
      }
    `,
  ];

  override render() {
    return html`<h2>${msg('Call a specific number')}</h2>
      ${this.tickets.length === 0
        ? html`<p class="empty">${msg('Nobody is waiting for your services.')}</p>`
        : html`<ol tabindex="0" aria-label=${msg('Waiting, in call order')}>
            ${this.tickets.map((t) => this._renderTicket(t))}
          </ol>`}`;
  }

  private _renderTicket(ticket: Ticket) {
    const tier = ticket.tier === 'regular' ? nothing : html`<span title=${tierLabel(ticket.tier)}>${TIER_SYMBOL[ticket.tier]}</span>`;
    return html`<li data-testid="waiting-${ticket.number}">
      <span class="number">${ticket.number}</span>
      <span class="waited">${tier} ${msg(str`Waited ${elapsedMinutes(ticket.issuedAt, this.now)} min`)}</span>
      <button
        data-testid="call-${ticket.number}"
        aria-label=${msg(str`Call ${ticket.number}`)}
        ?disabled=${this.busy || !this.callable}
        @click=${() => this._emit(ticket.id)}
      >
        ${msg('Call')}
      </button>
    </li>`;
  }

  private _emit(ticketId: string) {
    this.dispatchEvent(new CustomEvent<CallTicketDetail>('call-ticket', { detail: { ticketId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-waiting-list': CounterWaitingList;
  }
}
