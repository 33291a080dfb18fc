import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { MachineKind, Ticket } from '../../../protocol/schemas.js';
import { canUndoTriage } from '../../../protocol/triage-undo.js';
import { apiContext } from '../app-context.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import { errorText } from '../shell/error-text.js';
import { buttons, tokens } from '../shell/styles.js';
import { divertAskedCustomer } from './what-if-perform.js';

/** What became of one proposed customer. */
type Answer = { kind: 'diverted'; at: string } | { kind: 'skipped' } | { kind: 'moved-on' };

/**
 * A batch divert, customer by customer: the customers proposed (longest waiting first), each
 * diverted only when the manager taps "Asked — divert" after asking them, or skipped. A diversion
 * can be undone from its row while the server allows it.
 */
@localized()
@customElement('what-if-divert-list')
export class WhatIfDivertList extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  /** The customers proposed when the manager chose how many: the list stays as it was proposed. */
  @property({ attribute: false }) proposed: Ticket[] = [];
  /** The hall's active tickets now, to tell who was called or left meanwhile. */
  @property({ attribute: false }) live: Ticket[] = [];
  @property() machineKind: MachineKind = 'atm';
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();

  @state() private _answers = new Map<string, Answer>();
  /** The ticket whose request runs; the other rows wait for it. */
  @state() private _busyId: string | null = null;
  @state() private _error = '';

  static override styles = [
    tokens,
    buttons,
    css`
      ol {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
        display: grid;
        gap: 6px;
        max-height: 46vh;
        overflow-y: auto;
      }
      li {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 10px;
        border: 1px solid var(--line);
        border-radius: 10px;
      }
      li.diverted {
        background: #e6f4ea;
      }
      li.skipped,
      li.moved-on {
        background: #f1f3f5;
      }
      .number {
        font-family: var(--digits);
        font-size: 26px;
        font-weight: 800;
        min-width: 84px;
      }
      .wait {
        flex: 1;
        color: var(--muted);
        font-size: 17px;
      }
      .mark {
        font-weight: 700;
        font-size: 18px;
      }
      li button {
        min-height: 52px;
        font-size: 18px;
      }
      .summary {
        margin: 0 0 8px;
        font-weight: 600;
      }
      .error {
        color: var(--alarm);
        margin: 0 0 8px;
      }
    `,
  ];

  override render() {
    const diverted = [...this._answers.values()].filter((a) => a.kind === 'diverted').length;
    return html`<p class="summary" data-testid="ask-summary">${msg(str`${diverted} of ${this.proposed.length} diverted`)}</p>
      <ol aria-label=${msg('Customers to ask')}>
        ${this.proposed.map((ticket) => this._renderRow(ticket))}
      </ol>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
  }

  private _renderRow(ticket: Ticket) {
    const answer = this._answer(ticket);
    const busy = this._busyId !== null;
    const kind = answer?.kind ?? 'to-ask';
    return html`<li class=${kind} data-testid="ask-${ticket.number}" data-answer=${kind}>
      <span class="number">${ticket.number}</span>
      <span class="wait">${msg(str`Waited ${elapsedMinutes(ticket.issuedAt, this.now)} min`)}</span>
      ${answer === undefined
        ? html`<button class="primary" data-testid="ask-divert-${ticket.number}" ?disabled=${busy} @click=${() => this._onDivert(ticket)}>
              ${msg('Asked — divert')}
            </button>
            <button data-testid="ask-skip-${ticket.number}" ?disabled=${busy} @click=${() => this._setAnswer(ticket, { kind: 'skipped' })}>${msg('Skip')}</button>`
        : nothing}
      ${answer?.kind === 'diverted'
        ? html`<span class="mark">✓ ${msg('Diverted')}</span>
            ${canUndoTriage(answer.at, Date.now())
              ? html`<button data-testid="ask-undo-${ticket.number}" ?disabled=${busy} @click=${() => this._onUndo(ticket)}>${msg('Undo')}</button>`
              : nothing}`
        : nothing}
      ${answer?.kind === 'skipped' ? html`<span class="mark">${msg('Skipped')}</span>` : nothing}
      ${answer?.kind === 'moved-on' ? html`<span class="mark">${msg('Called or gone')}</span>` : nothing}
    </li>`;
  }

  /** The row's answer; a customer not answered yet who is no longer waiting has moved on. */
  private _answer(ticket: Ticket): Answer | undefined {
    const answer = this._answers.get(ticket.id);
    if (answer) return answer;
    const now = this.live.find((t) => t.id === ticket.id);
    return now && now.status === 'waiting' ? undefined : { kind: 'moved-on' };
  }

  private _setAnswer(ticket: Ticket, answer: Answer | null) {
    const answers = new Map(this._answers);
    if (answer) answers.set(ticket.id, answer);
    else answers.delete(ticket.id);
    this._answers = answers;
  }

  /** Runs one row's request; a refusal other than the customer moving on is shown under the list. */
  private async _request(ticket: Ticket, send: () => Promise<Answer | null>) {
    if (this._busyId) return;
    this._busyId = ticket.id;
    this._error = '';
    try {
      this._setAnswer(ticket, await send());
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busyId = null;
    }
  }

  private _onDivert(ticket: Ticket) {
    return this._request(ticket, async () =>
      (await divertAskedCustomer(this._api, ticket.id, this.machineKind)) === 'diverted' ? { kind: 'diverted', at: new Date().toISOString() } : { kind: 'moved-on' },
    );
  }

  private _onUndo(ticket: Ticket) {
    return this._request(ticket, async () => {
      await this._api.call(queueRoutes.undoTriage, { ticketId: ticket.id });
      return null;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'what-if-divert-list': WhatIfDivertList;
  }
}
