import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { counterIsBusy, type ApiClient, type Snapshot } from '../../../protocol/index.js';
import { englishLine } from '../localization.js';
import { hallTheme } from './hall-theme.js';
import './rating-pad.js';

/** The ticket whose customer the rating pad is asking. */
export interface RatingRequest {
  ticketId: string;
  ticketNumber: string;
}

/**
 * Per-counter mode (`?counter=3`): the small screen above one window. It shows the number
 * this counter is serving, huge, or that the counter is paused, closed or ready; it flashes
 * on a call. The wall display does the announcing, so this screen stays silent.
 */
@localized()
@customElement('counter-display')
export class CounterDisplay extends LitElement {
  /** The branch as the live socket keeps it. */
  @property({ attribute: false }) state!: Snapshot;

  /** The number of the counter this screen hangs above. */
  @property({ type: Number }) counterNumber = 0;

  /** Whether a call to this counter is new and flashing. */
  @property({ type: Boolean, reflect: true }) flashing = false;

  /** True while the socket is not live: the number is dimmed. */
  @property({ type: Boolean }) stale = false;

  /** After a completion here: the rating pad asks that ticket's customer, in place of the number. */
  @property({ attribute: false }) rating: RatingRequest | null = null;

  /** The display's client, for the rating pad's post. */
  @property({ attribute: false }) api: ApiClient | null = null;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        background: var(--surface);
        text-align: center;
      }
      header {
        background: var(--accent);
        color: #ffffff;
        padding: 2vh 3vw;
        font-size: 7vh;
        font-weight: 800;
        line-height: 1.15;
      }
      header .en {
        color: inherit;
        opacity: 0.85;
        font-size: 4vh;
      }
      header .next-call {
        margin-top: 1vh;
        font-size: 6vh;
        font-variant-numeric: tabular-nums;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        min-height: 0;
      }
      main.rating {
        align-items: stretch;
        justify-content: stretch;
      }
      :host([flashing]) main:not(.rating) {
        animation: flash 1s linear infinite;
      }
      @keyframes flash {
        0%,
        49.9% {
          background: var(--accent);
          color: #ffffff;
        }
        50%,
        100% {
          background: var(--surface);
          color: var(--text);
        }
      }
      .number {
        /* As wide as the screen allows for four characters, and never taller than half of it. */
        font-size: min(50vh, 24vw);
        line-height: 1;
        color: inherit;
      }
      :host(:not([flashing])) .number {
        color: var(--accent);
      }
      .status {
        font-size: 14vh;
        font-weight: 800;
        line-height: 1.2;
      }
      .status .en,
      .hint .en {
        color: inherit;
        opacity: 0.75;
        font-size: 0.45em;
      }
      .status.paused {
        color: var(--warning);
      }
      .status.closed {
        color: var(--muted);
      }
      .hint {
        font-size: 7vh;
        font-weight: 700;
        margin: 2vh 4vw 0;
        color: var(--muted);
      }
    `,
  ];

  override render() {
    const n = this.counterNumber;
    const counter = this.state.counters.find((c) => c.number === n);
    return html`
      <header>${msg(str`Counter ${n}`)}${englishLine(`Counter ${n}`)}${this.renderNextCall(counter)}</header>
      ${this.rating && this.api && counter
        ? html`<main class="rating"><rating-pad .api=${this.api} ticketId=${this.rating.ticketId} ticketNumber=${this.rating.ticketNumber}></rating-pad></main>`
        : html`<main class=${this.stale ? 'stale' : ''}>${counter ? this.renderCounter(counter) : this.renderUnknown()}</main>`}
    `;
  }

  /**
   * While the rating pad asks the customer who just left, the teller may already have called the next
   * one (complete and call next): their number shows in the header, so the next customer sees it here too.
   */
  private renderNextCall(counter: Snapshot['counters'][number] | undefined) {
    if (!this.rating || !counter?.currentTicketId) return nothing;
    const ticket = this.state.tickets.find((t) => t.id === counter.currentTicketId);
    if (!ticket || ticket.id === this.rating.ticketId || !counterIsBusy(counter, ticket)) return nothing;
    return html`<div class="next-call" data-testid="counter-next-call">${msg(str`Now calling ${ticket.number}`)}${englishLine(`Now calling ${ticket.number}`)}</div>`;
  }

  private renderCounter(counter: Snapshot['counters'][number]) {
    const ticket = counter.currentTicketId ? this.state.tickets.find((t) => t.id === counter.currentTicketId) : undefined;
    // The number stays up while the customer is called or at the counter.
    if (ticket && counterIsBusy(counter, ticket)) return html`<div class="number" data-testid="counter-number">${ticket.number}</div>`;
    if (counter.status === 'paused') {
      return html`<div class="status paused" data-testid="counter-number">${msg('Paused')}${englishLine('Paused')}</div>`;
    }
    if (counter.status === 'closed') {
      return html`<div class="status closed" data-testid="counter-number">${msg('Closed')}${englishLine('Closed')}</div>`;
    }
    return html`
      <div class="status" data-testid="counter-number">${msg('Welcome')}${englishLine('Welcome')}</div>
      <p class="hint">${msg('Please wait for your number to be called')}${englishLine('Please wait for your number to be called')}</p>
    `;
  }

  private renderUnknown() {
    const n = this.counterNumber;
    return html`<p class="hint">${msg(str`This branch has no counter ${n}.`)}${englishLine(`This branch has no counter ${n}.`)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-display': CounterDisplay;
  }
}
