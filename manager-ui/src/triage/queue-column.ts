import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueueSummary, Service, Ticket } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import type { QueueLevel } from '../logic/queue-level.js';
import { transferredFrom } from '../logic/snapshot-views.js';
import { branchClock, elapsedMinutes, estimateMinutes, wholeMinutes } from '../logic/wait-time.js';
import { minutesLabel, tierLabel, TIER_SYMBOL, waitingCountLabel } from '../shell/labels.js';
import { tokens } from '../shell/styles.js';

/**
 * One service's queue on the triage board: its figures, coloured by the service's thresholds, and its
 * waiting customers in the order they will be called. The list scrolls inside the column, so the
 * figures above it stay in view however long the queue.
 * @fires ticket-selected - detail: { ticketId } — a waiting ticket was tapped
 */
@localized()
@customElement('queue-column')
export class QueueColumn extends LitElement {
  @property({ attribute: false }) service!: Service;
  /** Every service of the branch, to name the one a transferred ticket came from. */
  @property({ attribute: false }) services: Service[] = [];
  /** The server's figures for this queue. */
  @property({ attribute: false }) queue: QueueSummary | undefined;
  /** The longest wait now, in seconds (the server's figure aged to the present). */
  @property({ type: Number }) longestWaitSeconds = 0;
  /** green, amber or red by the service's thresholds (reflected, so the column's colours follow it). */
  @property({ reflect: true }) level: QueueLevel = 'green';
  /** Waiting tickets in call order. */
  @property({ attribute: false }) tickets: Ticket[] = [];
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  /** The branch's zone, for the times its calendar names ("served from 9:00"). */
  @property() timeZone = 'UTC';

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-width: 0;
        min-height: 0;
        /* Narrow columns (six services on a 1024 px tablet) tighten their type; see the @container rules. */
        container-type: inline-size;
        background: var(--card);
        border: 1px solid var(--line);
        border-top: 8px solid var(--ok);
        border-radius: 10px;
      }
      :host([level='amber']) {
        border-top-color: var(--warn-fill);
      }
      :host([level='red']) {
        border-top-color: var(--alarm);
      }
      header {
        padding: 8px 12px;
        border-bottom: 1px solid var(--line);
      }
      h2 {
        margin: 0;
        font-size: 17px;
        line-height: 22px;
        display: flex;
        gap: 8px;
        align-items: flex-start;
        height: 44px;
      }
      h2 .name {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .prefix {
        font-family: var(--digits);
        color: var(--accent);
        font-size: 20px;
      }
      .count {
        font-size: 26px;
        font-weight: 800;
        margin-top: 2px;
        white-space: nowrap;
      }
      .figures {
        color: var(--muted);
        font-size: 15px;
        line-height: 1.35;
      }
      .longest {
        font-weight: 700;
        color: var(--ok);
      }
      :host([level='amber']) .longest {
        color: var(--warn);
      }
      :host([level='red']) .longest {
        color: var(--alarm);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 6px;
        overflow-y: auto;
        overscroll-behavior: contain;
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-content: start;
        gap: 6px;
      }
      ol:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: -3px;
      }
      button {
        font: inherit;
        width: 100%;
        min-height: 52px;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        column-gap: 8px;
        row-gap: 2px;
        padding: 4px 10px;
        border: 1px solid var(--line);
        border-radius: 8px;
        background: var(--bg);
        color: var(--text);
        cursor: pointer;
        touch-action: manipulation;
      }
      button:active {
        background: #e3edf8;
      }
      .ticket-number {
        font-size: 22px;
      }
      .wait {
        margin-inline-start: auto;
        font-variant-numeric: tabular-nums;
        font-size: 17px;
        white-space: nowrap;
      }
      /* Tier and transfer markers go on a line of their own below the number and the wait. */
      .marks {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .mark {
        font-size: 13px;
        font-weight: 700;
        border-radius: 6px;
        padding: 1px 6px;
        white-space: nowrap;
      }
      .mark.vip {
        background: #fff4cc;
        color: #7a4f00;
      }
      .mark.priority {
        background: #e3edf8;
        color: var(--accent);
      }
      .mark.on-the-way {
        background: #e3f1e6;
        color: var(--ok);
      }
      .mark.transferred {
        background: #ede7f6;
        color: #4a2c82;
      }
      @container (max-width: 190px) {
        header {
          padding: 8px;
        }
        .count {
          font-size: 21px;
        }
        .figures {
          font-size: 14px;
        }
        .ticket-number {
          font-size: 19px;
        }
        .wait {
          font-size: 15px;
        }
        button {
          padding: 4px 8px;
          column-gap: 4px;
        }
      }
      .closed {
        color: var(--warn);
        font-weight: 700;
      }
      .empty {
        color: var(--muted);
        text-align: center;
        padding: 12px;
      }
    `,
  ];

  override render() {
    const { service, queue } = this;
    const waiting = queue?.waitingCount ?? this.tickets.length;
    const longest = wholeMinutes(this.longestWaitSeconds);
    return html`<header>
        <h2><span class="prefix">${service.prefix}</span><span class="name">${localizedName(service.name, getLocale())}</span></h2>
        <div class="count">${waitingCountLabel(waiting)}</div>
        <div class="figures">
          <div class="longest">${waiting > 0 ? msg(str`Longest ${longest} min`) : html`&nbsp;`}</div>
          <div data-testid="estimate-${service.prefix}">${this._estimate(queue)}</div>
        </div>
      </header>
      <ol tabindex="0" aria-label=${msg(str`Waiting for ${service.prefix}, in call order`)} data-testid="queue-list-${service.prefix}">
        ${this.tickets.length === 0 ? html`<li class="empty">${msg('Nobody waiting')}</li>` : this.tickets.map((t) => this._renderTicket(t))}
      </ol>`;
  }

  /** The estimate while a counter serves the service; otherwise what the calendar says, as the kiosk does. */
  private _estimate(queue: QueueSummary | undefined) {
    const at = (iso: string | null | undefined) => (iso ? branchClock(iso, this.timeZone) : '');
    switch (queue?.opening ?? 'open') {
      case 'open':
        return msg(str`Estimate ${estimateMinutes(queue?.estimatedWaitSeconds ?? 0)} min`);
      case 'opens_later':
        return msg(str`Served from ${at(queue?.servedFrom)}`);
      case 'no_counter':
        return html`<span class="closed">${msg('No counter open')}</span>`;
      case 'not_issuing_yet':
        return msg(str`Tickets from ${at(queue?.nextOpeningAt)}`);
      case 'cut_off':
        return msg('Past the cut-off');
      case 'quota_reached':
        return msg('Quota reached');
      case 'closed_today':
        return msg('Closed today');
    }
  }

  private _renderTicket(ticket: Ticket) {
    const minutes = elapsedMinutes(ticket.issuedAt, this.now);
    return html`<li>
      <button data-testid="ticket-${ticket.number}" @click=${() => this._onSelect(ticket.id)}>
        <span class="number ticket-number">${ticket.number}</span>
        <span class="wait" data-testid="wait-${ticket.number}">${minutesLabel(minutes)}</span>
        ${this._renderMarks(ticket)}
      </button>
    </li>`;
  }

  /** The tier (★ VIP, ♿ priority) and, for a transferred ticket, the service it came from. */
  private _renderMarks(ticket: Ticket) {
    const from = transferredFrom(ticket, this.services);
    if (ticket.tier === 'regular' && !from && !ticket.onMyWayAt) return nothing;
    const tier = ticket.tier === 'regular' ? nothing : html`<span class="mark ${ticket.tier}">${TIER_SYMBOL[ticket.tier]} ${tierLabel(ticket.tier)}</span>`;
    const transferred = from
      ? html`<span class="mark transferred" data-testid="transferred-${ticket.number}" title=${localizedName(from.name, getLocale())}
          >⇄ ${msg(str`from ${from.prefix}`)}</span
        >`
      : nothing;
    // The customer said on their phone "I am on my way" (e.g. back from a shop nearby).
    const onTheWay = ticket.onMyWayAt ? html`<span class="mark on-the-way" data-testid="on-the-way-${ticket.number}">🚶 ${msg('On the way')}</span>` : nothing;
    return html`<span class="marks">${tier}${transferred}${onTheWay}</span>`;
  }

  private _onSelect(ticketId: string) {
    this.dispatchEvent(new CustomEvent('ticket-selected', { detail: { ticketId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'queue-column': QueueColumn;
  }
}
