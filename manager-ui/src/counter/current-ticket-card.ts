import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Service, Ticket } from '../../../protocol/schemas.js';
import { EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { getLocale } from '../localization.js';
import { absentForSeconds } from '../logic/absent-customers.js';
import { SHORTCUT_LABELS } from '../logic/shortcuts.js';
import { localizedName } from '../logic/locale.js';
import { elapsedMinutes, elapsedSeconds, wholeMinutes } from '../logic/wait-time.js';
import { tierLabel, TIER_SYMBOL } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/**
 * The customer at (or called to) the counter: number, service, tier, how long they waited and how long this has taken.
 * @fires complaint-request - detail `{ ticket }`: the teller logs a complaint about this visit
 */
@localized()
@customElement('current-ticket-card')
export class CurrentTicketCard extends LitElement {
  /** The counter's current ticket; null when nobody is called. */
  @property({ attribute: false }) ticket: Ticket | null = null;
  @property({ attribute: false }) service: Service | undefined;
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  /** For the branch's absentAlertSeconds: past it, a called customer who has not come is pointed out. */
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 32px;
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 14px;
        padding: 16px 28px;
        min-height: 150px;
        box-sizing: border-box;
      }
      .number {
        font-size: 96px;
        line-height: 1;
        color: var(--accent);
        min-width: 4.2ch;
      }
      .details {
        display: grid;
        gap: 6px;
        font-size: 20px;
      }
      .service {
        font-size: 26px;
        font-weight: 700;
      }
      .tier {
        display: inline-block;
        font-size: 18px;
        font-weight: 700;
        border-radius: 6px;
        padding: 0 8px;
        margin-inline-start: 8px;
        background: #fff4cc;
        color: #7a4f00;
      }
      .tier.priority {
        background: #e3edf8;
        color: var(--accent);
      }
      .status {
        color: var(--muted);
      }
      .status.serving {
        color: var(--ok);
        font-weight: 700;
      }
      .empty {
        color: var(--muted);
        font-size: 22px;
      }
      .absent {
        color: var(--warn);
        font-weight: 700;
        background: #fff4d6;
        border-inline-start: 4px solid var(--warn-fill);
        padding: 2px 10px;
        border-radius: 6px;
      }
      .on-the-way {
        color: var(--ok);
        font-weight: 700;
        background: #e3f1e6;
        padding: 2px 10px;
        border-radius: 6px;
      }
      :host {
        flex-wrap: wrap;
        row-gap: 8px;
      }
      /* A line of its own under the ticket, so the number and its details keep their width. */
      .more {
        flex: 1 0 100%;
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  override render() {
    const ticket = this.ticket;
    if (!ticket) return html`<span class="empty">${msg('No customer at the counter. Call the next one.')}</span>`;
    const waitedUntil = ticket.calledAt ? Date.parse(ticket.calledAt) : this.now;
    const waited = wholeMinutes(elapsedSeconds(ticket.issuedAt, waitedUntil));
    return html`<span class="number" data-testid="current-number">${ticket.number}</span>
      <div class="details">
        <span class="service">
          ${this.service ? localizedName(this.service.name, getLocale()) : ''}
          ${ticket.tier === 'regular' ? '' : html`<span class="tier ${ticket.tier}" data-testid="current-tier">${TIER_SYMBOL[ticket.tier]} ${tierLabel(ticket.tier)}</span>`}
        </span>
        <span>${msg(str`Waited ${waited} min`)}</span>
        ${this._renderStatus(ticket)} ${this._renderOnTheWay(ticket)} ${this._renderAbsent(ticket)}
      </div>
      <div class="more">
        <button data-testid="log-complaint" @click=${() => this._requestComplaint(ticket)}>${msg('Log a complaint about this visit')}</button>
      </div>`;
  }

  private _requestComplaint(ticket: Ticket) {
    this.dispatchEvent(new CustomEvent('complaint-request', { detail: { ticket }, bubbles: true, composed: true }));
  }

  /** After the branch's threshold since the last call: "A031 has not come: recall?" with the Recall key. */
  private _renderAbsent(ticket: Ticket) {
    const settings = this._live.snapshot?.branch.settings;
    if (!settings || absentForSeconds(ticket, settings, this.now) === null) return nothing;
    const { number } = ticket;
    return html`<span class="absent" role="status" data-testid="current-absent">
      ${msg(str`${number} has not come: recall?`)} <kbd>${SHORTCUT_LABELS.recall}</kbd>
    </span>`;
  }

  /** The customer said on their phone that they are coming (the phone ticket's "I am on my way"). */
  private _renderOnTheWay(ticket: Ticket) {
    if (ticket.status !== 'called' || !ticket.onMyWayAt) return nothing;
    return html`<span class="on-the-way" role="status" data-testid="current-on-the-way">🚶 ${msg('The customer is on the way')}</span>`;
  }

  private _renderStatus(ticket: Ticket) {
    if (ticket.status === 'serving' && ticket.startedAt) {
      return html`<span class="status serving" data-testid="current-status">${msg(str`Serving for ${elapsedMinutes(ticket.startedAt, this.now)} min`)}</span>`;
    }
    if (ticket.status === 'called' && ticket.calledAt) {
      const since = elapsedMinutes(ticket.calledAt, this.now);
      const text = ticket.callCount > 1 ? msg(str`Called ${ticket.callCount} times, last ${since} min ago`) : msg(str`Called ${since} min ago — waiting for the customer`);
      return html`<span class="status" data-testid="current-status">${text}</span>`;
    }
    return html`<span class="status" data-testid="current-status">${ticket.status}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'current-ticket-card': CurrentTicketCard;
  }
}
