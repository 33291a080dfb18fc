import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { canUndoNoShow, noShowWait } from '../../../protocol/no-show.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { BranchSettings, Counter, Ticket } from '../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { feedbackText } from '../counter/counter-feedback.js';
import { absentForSeconds } from '../logic/absent-customers.js';
import { currentTicketOf } from '../logic/snapshot-views.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { TickController } from '../shell/tick-controller.js';

/** How long the No-show button waits for its second tap. */
const CONFIRM_MS = 5_000;

/**
 * The customer a counter has called, in the counter's sheet on triage: Recall (the display calls them
 * again) and No-show under the same rule as the teller's (protocol/no-show.ts): disabled, with what is
 * still needed, until the branch allows it; then asked once, and undoable for a short time.
 */
@localized()
@customElement('counter-ticket-actions')
export class CounterTicketActions extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @property({ attribute: false }) counter: Counter | null = null;

  /** The ticket whose No-show button waits for its second tap, and until when. */
  @state() private _confirming: { ticketId: string; until: number } | null = null;
  /** What was done last here, said in the teller's words; the no-show keeps its ticket for the undo. */
  @state() private _done: { kind: 'recalled' | 'no_show' | 'no_show_undone'; ticket: Ticket } | null = null;

  private _requests = new RequestController(this);
  // The no-show's countdown in seconds and the minutes since the call keep moving between events.
  private _tick = new TickController(this, 1_000);

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        margin-bottom: 16px;
      }
      .ticket {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--bg);
      }
      .ticket.absent {
        background: #fff4d6;
        border: 2px solid var(--warn-fill);
      }
      .ticket .number {
        font-size: 32px;
        color: var(--accent);
      }
      .status {
        flex: 1;
        min-width: 12em;
      }
      .absent .status {
        color: var(--warn);
        font-weight: 700;
      }
      .ticket button {
        min-height: 56px;
        font-size: 19px;
      }
      .hint {
        flex: 1 0 100%;
        margin: 0;
        color: var(--muted);
      }
      .error {
        color: var(--alarm);
        font-weight: 600;
      }
      .done {
        margin: 0 0 8px;
        display: flex;
        align-items: center;
        gap: 12px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    // Another counter's sheet starts with nothing said.
    if (changed.has('counter') && changed.get('counter')?.id !== this.counter?.id) {
      this._done = null;
      this._confirming = null;
      this._requests.cancel();
    }
  }

  private get _now() {
    return Date.now() + this._live.serverOffsetMs;
  }

  override render() {
    const snapshot = this._live.snapshot;
    const counter = this.counter;
    if (!snapshot || !counter) return nothing;
    const ticket = currentTicketOf(snapshot, counter);
    return html`${this._renderDone()}${ticket?.status === 'called' ? this._renderCalled(ticket, snapshot.branch.settings) : nothing}
      ${this._requests.error ? html`<p class="error" role="alert" data-testid="counter-ticket-error">${this._requests.error}</p>` : nothing}`;
  }

  private _renderDone() {
    const done = this._done;
    if (!done) return nothing;
    const { number, id, endedAt } = done.ticket;
    const undoable = done.kind === 'no_show' && canUndoNoShow(endedAt, this._now);
    return html`<p class="done" role="status" data-testid="counter-ticket-done">
      ${feedbackText({ kind: done.kind, number })}
      ${undoable
        ? html`<button data-testid="counter-undo-no-show" ?disabled=${this._requests.busy} @click=${() => this._act('no_show_undone', id)}>${msg('Undo')}</button>`
        : nothing}
    </p>`;
  }

  private _renderCalled(ticket: Ticket, settings: BranchSettings) {
    const now = this._now;
    const absent = absentForSeconds(ticket, settings, now) !== null;
    const since = ticket.calledAt ? elapsedMinutes(ticket.calledAt, now) : 0;
    const count = ticket.callCount;
    const status = count > 1 ? msg(str`Called ${count} times, last ${since} min ago`) : msg(str`Called ${since} min ago — waiting for the customer`);
    const hint = this._noShowHint(ticket, settings, now);
    const confirming = this._confirming?.ticketId === ticket.id && this._confirming.until > Date.now();
    const busy = this._requests.busy || this._live.stale;
    // Amber once past the branch's threshold: the customer has not come.
    return html`<div class="ticket ${absent ? 'absent' : ''}" data-testid="counter-ticket">
      <span class="number" data-testid="counter-ticket-number">${ticket.number}</span>
      <span class="status" data-testid="counter-ticket-status">${status}</span>
      <button class="primary" data-testid="counter-recall" ?disabled=${busy} @click=${() => this._act('recalled', ticket.id)}>${msg('Recall')}</button>
      <button
        class=${confirming ? 'danger primary' : 'danger'}
        data-testid="counter-no-show"
        ?disabled=${busy || hint !== ''}
        aria-describedby=${hint ? 'no-show-hint' : nothing}
        @click=${() => this._onNoShow(ticket, confirming)}
      >
        ${confirming ? msg('Tap again to mark no-show') : msg('No-show')}
      </button>
      ${hint ? html`<p class="hint" id="no-show-hint" data-testid="counter-no-show-hint">${hint}</p>` : nothing}
    </div>`;
  }

  /** Why No-show is not available yet, in the teller's words; empty when it is. */
  private _noShowHint(ticket: Ticket, settings: BranchSettings, now: number): string {
    const wait = noShowWait(ticket, settings, now);
    if (wait.ready) return '';
    const recalls = wait.recallsNeeded === 1 ? msg('Recall once before a no-show') : msg(str`Recall ${wait.recallsNeeded} more times before a no-show`);
    return wait.secondsLeft === null ? recalls : msg(str`${recalls}, or wait ${wait.secondsLeft} s`);
  }

  private _onNoShow(ticket: Ticket, confirming: boolean) {
    if (!confirming) {
      this._confirming = { ticketId: ticket.id, until: Date.now() + CONFIRM_MS };
      return;
    }
    this._confirming = null;
    void this._act('no_show', ticket.id);
  }

  private async _act(kind: 'recalled' | 'no_show' | 'no_show_undone', ticketId: string) {
    const route = kind === 'recalled' ? queueRoutes.recall : kind === 'no_show' ? queueRoutes.noShow : queueRoutes.undoNoShow;
    const outcome = await this._requests.run(() => this._api.call(route, { ticketId }));
    if (outcome.status === 'done') this._done = { kind, ticket: outcome.value };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-ticket-actions': CounterTicketActions;
  }
}
