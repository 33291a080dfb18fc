import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Counter, QueueSummary, Service } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { localName } from '../logic/hall-format.js';
import { isClosedFigure, publicServices, queueFigure, type QueueFigure } from '../logic/queue-figures.js';
import { hallTheme } from './hall-theme.js';

/**
 * One cell per public service: how many wait and about how long, as the server estimates it, or
 * when service starts, or that it is closed. Services only VIP counters serve are not shown.
 */
@localized()
@customElement('queue-strip')
export class QueueStrip extends LitElement {
  /** The branch's services, in kiosk order. */
  @property({ attribute: false }) services: Service[] = [];

  /** The branch's counters: which services only VIP counters serve. */
  @property({ attribute: false }) counters: Counter[] = [];

  /** The server's figures per service (snapshot `queues`). */
  @property({ attribute: false }) queues: QueueSummary[] = [];

  /** The server's clock, as the display keeps it. */
  @property({ attribute: false }) now = new Date();

  /** The branch's time zone: times of opening are the branch's clock. */
  @property() timeZone = 'UTC';

  static override styles = [
    hallTheme,
    css`
      :host {
        display: grid;
        grid-auto-columns: minmax(0, 1fr);
        grid-auto-flow: column;
        gap: 16px;
      }
      section {
        background: var(--surface);
        border-radius: 18px;
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        padding: 12px 16px;
        min-width: 0;
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        gap: 4px;
      }
      /* Names wrap, never cut: a customer must find their service. */
      h3 {
        margin: 0;
        font-size: 34px;
        line-height: 1.15;
        overflow-wrap: anywhere;
      }
      h3 .en {
        font-size: 32px;
        line-height: 1.1;
      }
      .prefix {
        display: inline-block;
        min-width: 1.3em;
        margin-right: 10px;
        border-radius: 8px;
        background: var(--accent);
        color: #fff;
        text-align: center;
        font-family: var(--number-font);
      }
      /* The count on the left, the wait on the right (Chinese over English); a long wait takes its own line. */
      .figures {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        column-gap: 10px;
      }
      .count {
        font-size: 64px;
        line-height: 1;
        color: var(--accent);
      }
      .unit {
        font-size: 32px;
        font-weight: 700;
      }
      .wait {
        flex: 1 0 auto;
        max-width: 100%;
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        text-align: right;
        font-size: 32px;
        font-weight: 700;
        line-height: 1.1;
      }
      .wait .en {
        font-size: 32px;
        font-weight: 500;
      }
      .closed,
      .closed .en {
        color: var(--warning);
      }
    `,
  ];

  override render() {
    const locale = currentLocale();
    return publicServices(this.services, this.counters).map((service) => {
      const queue = this.queues.find((q) => q.serviceId === service.id);
      const figure = queueFigure(queue, this.now, this.timeZone);
      const closed = isClosedFigure(figure) ? 'closed' : '';
      return html`
        <section data-testid=${`queue-${service.prefix}`}>
          <h3 data-testid="service-name">
            <span class="prefix">${service.prefix}</span>${localName(service.name, locale)} ${englishLine(service.name.en)}
          </h3>
          <div class="figures">
            <span class="count number" data-testid=${`waiting-${service.prefix}`}>${queue?.waitingCount ?? 0}</span>
            <span class="unit">${msg('waiting')}</span>
            <span class="wait ${closed}" data-testid=${`wait-${service.prefix}`}>${figureText(figure)}${englishLine(figureEnglish(figure))}</span>
          </div>
        </section>
      `;
    });
  }
}

/** The figure in the screen's language. */
function figureText(figure: QueueFigure): string {
  switch (figure.kind) {
    case 'wait':
      return msg(str`about ${figure.minutes} min`);
    case 'no_wait':
      return msg('No wait');
    case 'starts_at':
      return msg(str`Counters open at ${figure.time}`, { desc: 'Service starts at a time today; zh: 窗口 9:00 開始服務' });
    case 'no_counter':
      return msg('No counter open');
    case 'not_open_yet':
      return msg('Not open yet');
    case 'cut_off':
      return msg('Tickets closed for today');
    case 'quota_reached':
      return msg("Today's tickets are all taken");
    case 'closed_today':
      return msg('Closed today');
  }
}

/** The same figure in English, for the line under the Chinese (the same words as the msg() sources). */
function figureEnglish(figure: QueueFigure): string {
  switch (figure.kind) {
    case 'wait':
      return `about ${figure.minutes} min`;
    case 'no_wait':
      return 'No wait';
    case 'starts_at':
      return `Counters open at ${figure.time}`;
    case 'no_counter':
      return 'No counter open';
    case 'not_open_yet':
      return 'Not open yet';
    case 'cut_off':
      return 'Tickets closed for today';
    case 'quota_reached':
      return "Today's tickets are all taken";
    case 'closed_today':
      return 'Closed today';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'queue-strip': QueueStrip;
  }
}
