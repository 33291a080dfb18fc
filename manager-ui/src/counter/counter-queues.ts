import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BranchSettings, QueueSummary, Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { queueLevel } from '../logic/queue-level.js';
import { estimateMinutes, longestWaitNow, wholeMinutes } from '../logic/wait-time.js';
import { waitingCountLabel } from '../shell/labels.js';
import { tokens } from '../shell/styles.js';

/** The queues of the services this counter serves: how many wait and for how long. */
@localized()
@customElement('counter-queues')
export class CounterQueues extends LitElement {
  /** The counter's services, in the branch's order. */
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) queues: QueueSummary[] = [];
  @property({ attribute: false }) settings: Pick<BranchSettings, 'amberWaitSeconds' | 'redWaitSeconds'> | null = null;
  /** When the queue figures were taken (the snapshot's `at`). */
  @property() stateAt = '';
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 10px;
        font-size: 18px;
        color: var(--muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        background: var(--card);
        border: 1px solid var(--line);
        border-left: 6px solid var(--ok);
        border-radius: 10px;
        padding: 8px 12px;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
      }
      li.amber {
        border-left-color: var(--warn-fill);
      }
      li.red {
        border-left-color: var(--alarm);
      }
      .name {
        font-weight: 600;
      }
      .prefix {
        font-family: var(--digits);
        color: var(--accent);
      }
      .count {
        font-size: 22px;
        font-weight: 800;
        text-align: end;
      }
      .figures {
        grid-column: 1 / -1;
        color: var(--muted);
        font-size: 15px;
      }
    `,
  ];

  override render() {
    const locale = getLocale();
    return html`<h2>${msg('Waiting for this counter')}</h2>
      <ul>
        ${this.services.map((service) => {
          const queue = this.queues.find((q) => q.serviceId === service.id);
          const waiting = queue?.waitingCount ?? 0;
          const longest = queue ? longestWaitNow(queue, this.stateAt, this.now) : 0;
          const level = this.settings ? queueLevel(longest, waiting, this.settings) : 'green';
          return html`<li class=${level} data-testid="my-queue-${service.prefix}">
            <span class="name"><span class="prefix">${service.prefix}</span> ${localizedName(service.name, locale)}</span>
            <span class="count">${waitingCountLabel(waiting)}</span>
            <span class="figures"
              >${waiting > 0 ? html`${msg(str`Longest ${wholeMinutes(longest)} min`)} · ` : ''}${msg(
                str`Estimate ${estimateMinutes(queue?.estimatedWaitSeconds ?? 0)} min`,
              )}</span
            >
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-queues': CounterQueues;
  }
}
