import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { requeueBlock } from '../../../protocol/late-arrival.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { BranchSettings, Ticket } from '../../../protocol/schemas.js';
import { apiContext } from '../app-context.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';

/** A no-show put back in the queue: its number and how many wait ahead of it now. */
export interface TicketRequeuedDetail {
  number: string;
  ahead: number | null;
}

/**
 * 過號重排: today's no-shows (newest first) with "Re-queue" each, for a customer who turns up late.
 * Where they wait again is the branch's rule (lateArrival), said above the list; the server decides
 * the place. Used on the teller's page (their services' no-shows) and in the triage's no-show sheet.
 * @fires ticket-requeued - detail: TicketRequeuedDetail
 */
@localized()
@customElement('no-show-list')
export class NoShowList extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  /** The no-shows to offer, newest first. */
  @property({ attribute: false }) tickets: Ticket[] = [];
  @property({ attribute: false }) settings: BranchSettings | null = null;
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  /** Another request of the page runs, or the data may be stale. */
  @property({ type: Boolean }) busy = false;
  /** Show the heading (the triage's sheet has its own). */
  @property({ type: Boolean }) headed = false;

  /** What the last re-queue did. */
  @state() private _done = '';
  private _requests = new RequestController(this);

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 4px;
        font-size: 18px;
        color: var(--muted);
      }
      .rule,
      .empty {
        margin: 0 0 8px;
        color: var(--muted);
        font-size: 15px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
        max-height: 220px;
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
        font-size: 22px;
        font-weight: 800;
      }
      .since {
        color: var(--muted);
        font-size: 15px;
      }
      button {
        min-height: 44px;
        padding: 0 12px;
      }
      .status {
        min-height: 22px;
        margin: 6px 0 0;
        font-weight: 600;
      }
      .status.error {
        color: var(--alarm);
      }
    `,
  ];

  override render() {
    const settings = this.settings;
    if (!settings) return nothing;
    return html`${this.headed ? html`<h2 id="no-shows-heading">${msg('No-shows today')}</h2>` : nothing}
      <p class="rule" data-testid="late-arrival-rule">${this._ruleText(settings)}</p>
      ${this.tickets.length === 0
        ? html`<p class="empty">${msg('No no-shows today.')}</p>`
        : html`<ol tabindex="0" aria-label=${msg('No-shows today, newest first')} data-testid="no-show-list">
            ${this.tickets.map((t) => this._renderTicket(t, settings))}
          </ol>`}
      ${this._requests.error
        ? html`<p class="status error" role="alert" data-testid="requeue-error">${this._requests.error}</p>`
        : html`<p class="status" role="status" data-testid="requeue-done">${this._done}</p>`}`;
  }

  private _ruleText(settings: BranchSettings): string {
    switch (settings.lateArrival) {
      case 'after_n':
        return msg(str`A late customer waits again behind ${settings.lateArrivalAfterN} others, within ${settings.lateArrivalWithinMinutes} min of the no-show.`);
      case 'at_end':
        return msg(str`A late customer waits again at the end of the queue, within ${settings.lateArrivalWithinMinutes} min of the no-show.`);
      case 'not_allowed':
        return msg('This branch does not re-queue no-shows: issue a new ticket.');
    }
  }

  private _renderTicket(ticket: Ticket, settings: BranchSettings) {
    const block = requeueBlock(ticket, settings, this.now);
    const minutes = ticket.endedAt ? elapsedMinutes(ticket.endedAt, this.now) : 0;
    return html`<li data-testid="no-show-${ticket.number}">
      <span class="number">${ticket.number}</span>
      <span class="since">${block === 'expired' ? msg(str`${minutes} min ago: too late`) : msg(str`${minutes} min ago`)}</span>
      ${block === 'not_allowed'
        ? nothing
        : html`<button
            data-testid="requeue-${ticket.number}"
            aria-label=${msg(str`Re-queue ${ticket.number}`)}
            ?disabled=${this.busy || this._requests.busy || block !== null}
            @click=${() => this._requeue(ticket)}
          >
            ${msg('Re-queue')}
          </button>`}
    </li>`;
  }

  private async _requeue(ticket: Ticket) {
    this._done = '';
    const outcome = await this._requests.run(() => this._api.call(queueRoutes.requeue, { ticketId: ticket.id }));
    if (outcome.status !== 'done') return;
    const { number, position } = outcome.value;
    const ahead = position ?? null;
    this._done = ahead === null ? msg(str`${number} is back in the queue.`) : msg(str`${number} is back in the queue: ${ahead} ahead.`);
    this.dispatchEvent(new CustomEvent<TicketRequeuedDetail>('ticket-requeued', { detail: { number, ahead }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'no-show-list': NoShowList;
  }
}
