import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { counterIsBusy } from '../../../protocol/actions.js';
import type { Counter, Ticket } from '../../../protocol/schemas.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import { counterName, minutesLabel } from '../shell/labels.js';
import { tokens } from '../shell/styles.js';
import { counterStateLabel } from '../counter/pause-reasons.js';

/**
 * Every counter in the hall: open, paused or closed, who staffs it, whom it serves and for how long.
 * @fires counter-selected - detail: { counterId } — a counter was tapped
 */
@localized()
@customElement('counters-strip')
export class CountersStrip extends LitElement {
  /** Counters in number order. */
  @property({ attribute: false }) counters: Counter[] = [];
  /** Active tickets, to find each counter's current one. */
  @property({ attribute: false }) tickets: Ticket[] = [];
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        gap: 8px;
        min-width: 0;
        container-type: inline-size;
      }
      button {
        font: inherit;
        flex: 1 1 0;
        min-width: 0;
        min-height: 76px;
        padding: 6px 10px;
        border: 1px solid var(--line);
        border-left: 6px solid #829ab1;
        border-radius: 10px;
        background: var(--card);
        color: var(--text);
        text-align: start;
        cursor: pointer;
        touch-action: manipulation;
        display: grid;
        gap: 2px;
        align-content: center;
      }
      button.open {
        border-left-color: var(--ok);
      }
      button.paused {
        border-left-color: var(--warn-fill);
      }
      .line {
        display: flex;
        align-items: baseline;
        gap: 8px;
        white-space: nowrap;
        overflow: hidden;
      }
      .name {
        font-weight: 700;
      }
      .status {
        font-size: 14px;
        color: var(--muted);
      }
      .open .status {
        color: var(--ok);
      }
      .paused .status {
        color: var(--warn);
      }
      .current {
        font-size: 20px;
      }
      .state {
        font-size: 17px;
        line-height: 28px;
      }
      .minutes {
        color: var(--muted);
        white-space: nowrap;
      }
      /* Six counters beside the 派號 button on a 1024 px tablet: tighter, so the minutes still show. */
      @container (max-width: 900px) {
        button {
          padding: 6px 6px 6px 8px;
        }
        .line {
          gap: 4px;
        }
        .current {
          font-size: 17px;
        }
        .minutes {
          font-size: 14px;
        }
      }
      .teller {
        font-size: 13px;
        color: var(--muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    return this.counters.map((counter) => this._renderCounter(counter));
  }

  private _renderCounter(counter: Counter) {
    const found = counter.currentTicketId ? this.tickets.find((t) => t.id === counter.currentTicketId) : undefined;
    const current = counterIsBusy(counter, found) ? found : undefined;
    const since = current?.startedAt ?? current?.calledAt;
    const idle = counter.status === 'open' && !current;
    const icon = counter.status === 'closed' ? '✕' : counter.status === 'paused' ? '‖' : '●';
    return html`<button class=${counter.status} data-testid="counter-${counter.number}" @click=${() => this._onSelect(counter.id)}>
      <span class="line">
        <span class="status" aria-hidden="true">${icon}</span>
        <span class="name">${counterName(counter.number)}</span>
      </span>
      <span class="line">
        ${current
          ? html`<span class="number current">${current.number}</span>
              ${since ? html`<span class="minutes" data-testid="counter-minutes-${counter.number}">${minutesLabel(elapsedMinutes(since, this.now))}</span>` : ''}`
          : html`<span class="status state">${idle ? msg('Idle') : counterStateLabel(counter)}</span>`}
      </span>
      <span class="teller">${counter.tellerName ?? (counter.status === 'closed' ? '' : msg('No teller'))}</span>
    </button>`;
  }

  private _onSelect(counterId: string) {
    this.dispatchEvent(new CustomEvent('counter-selected', { detail: { counterId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counters-strip': CountersStrip;
  }
}
