import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueueSummary, Service } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { localName, waitMinutes } from '../logic/hall-format.js';
import { hallTheme } from './hall-theme.js';

/** One cell per service: how many wait and about how long, as the server estimates it. */
@localized()
@customElement('queue-strip')
export class QueueStrip extends LitElement {
  /** The branch's services, in kiosk order. */
  @property({ attribute: false }) services: Service[] = [];

  /** The server's figures per service (snapshot `queues`). */
  @property({ attribute: false }) queues: QueueSummary[] = [];

  static override styles = [
    hallTheme,
    css`
      :host {
        display: grid;
        grid-auto-columns: 1fr;
        grid-auto-flow: column;
        gap: 16px;
      }
      section {
        background: var(--surface);
        border-radius: 18px;
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        padding: 14px 16px;
        min-width: 0;
        display: flex;
        flex-direction: column;
        justify-content: space-between;
      }
      h3 {
        margin: 0;
        font-size: 30px;
        line-height: 1.2;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      /* English names are longer and have no second line to share the cell with: let them wrap. */
      h3.wrap {
        font-size: 26px;
        white-space: normal;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
      }
      h3 .en {
        font-size: 20px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .prefix {
        display: inline-block;
        min-width: 1.3em;
        margin-right: 8px;
        border-radius: 8px;
        background: var(--accent);
        color: #fff;
        text-align: center;
        font-family: var(--number-font);
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 10px;
        margin-top: 6px;
        white-space: nowrap;
      }
      .count {
        font-size: 64px;
        line-height: 1;
        color: var(--accent);
      }
      .unit,
      .wait {
        font-size: 26px;
        font-weight: 700;
      }
      .wait {
        margin-left: auto;
      }
      .wait-en {
        align-self: flex-end;
        font-size: 20px;
        white-space: nowrap;
      }
      .closed {
        color: var(--warning);
      }
    `,
  ];

  override render() {
    const locale = currentLocale();
    return this.services.map((service) => {
      const queue = this.queues.find((q) => q.serviceId === service.id);
      const waiting = queue?.waitingCount ?? 0;
      const wait = this.waitFigure(queue);
      return html`
        <section>
          <h3 class=${locale === 'en' ? 'wrap' : ''}>
            <span class="prefix">${service.prefix}</span>${localName(service.name, locale)}
            ${englishLine(service.name.en)}
          </h3>
          <div class="figures">
            <span class="count number" data-testid=${`waiting-${service.prefix}`}>${waiting}</span>
            <span class="unit">${msg('waiting')}</span>
            <span class="wait ${wait.closed ? 'closed' : ''}">${wait.text}</span>
          </div>
          ${englishLine(wait.english, 'en wait-en')}
        </section>
      `;
    });
  }

  /** The wait in the screen's language and in English; a service no open counter serves says so. */
  private waitFigure(queue: QueueSummary | undefined): { text: string; english: string; closed: boolean } {
    if (!queue || queue.openCounters === 0) return { text: msg('No counter open'), english: 'No counter open', closed: true };
    const minutes = waitMinutes(queue.estimatedWaitSeconds);
    if (queue.waitingCount === 0 || minutes === 0) return { text: msg('No wait'), english: 'No wait', closed: false };
    return { text: msg(str`about ${minutes} min`), english: `about ${minutes} min`, closed: false };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'queue-strip': QueueStrip;
  }
}
