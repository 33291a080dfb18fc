import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueueSummary, Service } from '../../../protocol/index.js';
import { serviceIcon } from '../components/kiosk-icons.js';
import { createCardReader } from '../logic/card-reader.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { openingText } from '../logic/opening-text.js';
import { theme } from '../styles/theme.js';

export interface ServiceChooseDetail {
  serviceId: string;
}
export interface CardReadDetail {
  customerRef: string;
}

/**
 * The start screen: a big tile per service with the people waiting now, or why it is closed and
 * when it opens. Priority and VIP come after the service (tier-screen.ts), so a customer never has
 * to know the order of taps; a VIP card swiped here makes the next ticket a VIP ticket.
 *
 * @fires service-choose - `{ serviceId }` when a tile that takes tickets is tapped.
 * @fires card-read - `{ customerRef }` when a card reader (acting as a keyboard) typed a card's number and Enter.
 */
@localized()
@customElement('start-screen')
export class StartScreen extends LitElement {
  /** The branch's services, in the branch's order. */
  @property({ attribute: false }) services: Service[] = [];

  /** Queue figures from the snapshot, one per service. */
  @property({ attribute: false }) queues: QueueSummary[] = [];

  /** The branch's time zone: opening times are the branch clock's. */
  @property() timeZone = 'UTC';

  /** The time the opening texts are relative to ("today", "tomorrow"); the app passes the snapshot's. */
  @property({ attribute: false }) now: Date = new Date();

  @property() locale: KioskLocale = 'en';

  /** True while the live socket is down: waiting counts may be old, so they are dimmed. */
  @property({ type: Boolean, reflect: true }) stale = false;

  /** A card was read: the customer now chooses the service of their VIP ticket. */
  @property({ type: Boolean, reflect: true, attribute: 'card-read' }) cardRead = false;

  private readonly _reader = createCardReader();

  override connectedCallback(): void {
    super.connectedCallback();
    // The whole window: a swipe needs no tap first, and nothing on this screen takes typing.
    window.addEventListener('keydown', this._onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
    this._reader.reset();
  }

  private _onKey = (event: KeyboardEvent) => {
    const customerRef = this._reader.key(event.key, event.timeStamp);
    if (customerRef === null) return;
    event.preventDefault();
    this.dispatchEvent(new CustomEvent<CardReadDetail>('card-read', { detail: { customerRef }, bubbles: true, composed: true }));
  };

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 28px;
        padding: 32px 48px 40px;
        height: 100%;
      }
      h1 {
        margin: 0;
        font-size: 64px;
        line-height: 1.15;
        font-weight: 800;
      }
      h1 {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 28px;
      }
      .card-read {
        margin: 0;
        padding: 4px 20px;
        border-radius: var(--radius);
        background: var(--accent-soft);
        font-size: 30px;
        font-weight: 700;
      }
      .tiles {
        flex: 1;
        display: grid;
        grid-template-columns: 1fr 1fr;
        grid-auto-rows: minmax(0, 1fr);
        gap: 24px;
        min-height: 0;
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        justify-content: space-between;
        gap: 8px;
        min-height: 96px;
        padding: 24px 32px;
        text-align: left;
        border: 3px solid var(--line);
        border-radius: 28px;
        background: var(--surface);
        box-shadow: 0 4px 0 var(--line);
      }
      .tile:active {
        border-color: var(--accent);
        background: var(--accent-soft);
        transform: translateY(2px);
        box-shadow: none;
      }
      .tile .icon,
      .tile .emoji {
        font-size: 76px;
        color: var(--accent);
        line-height: 1;
      }
      .tile .name {
        font-size: 48px;
        font-weight: 800;
        line-height: 1.2;
      }
      .tile .waiting {
        font-size: 34px;
        color: var(--text-muted);
        font-weight: 600;
      }
      .tile .waiting .number {
        font-size: 44px;
        color: var(--text);
        font-weight: 800;
      }
      :host([stale]) .waiting {
        opacity: 0.45;
      }
      .tile[disabled] {
        border-style: dashed;
        background: var(--surface-alt);
        box-shadow: none;
      }
      .tile[disabled] .icon,
      .tile[disabled] .emoji,
      .tile[disabled] .name {
        color: var(--text-muted);
      }
      .tile .headline {
        font-size: 32px;
        font-weight: 800;
        color: var(--warning-text);
      }
      .tile[disabled] .headline {
        color: var(--text);
      }
      .tile .detail {
        font-size: 28px;
        font-weight: 600;
        color: var(--text-muted);
      }
      .caption {
        margin: 0;
        font-size: 30px;
        color: var(--text-muted);
      }
      /* A 768×1024 kiosk: three tiles a row and smaller type, so every tile and the caption fit. */
      @media (max-height: 1300px) {
        :host {
          gap: 18px;
          padding: 20px 28px 24px;
        }
        h1 {
          font-size: 44px;
        }
        .tiles {
          grid-template-columns: repeat(3, 1fr);
          gap: 16px;
        }
        .tile {
          padding: 16px 18px;
          gap: 4px;
          border-radius: 20px;
        }
        .tile .icon,
        .tile .emoji {
          font-size: 52px;
        }
        .tile .name {
          font-size: 32px;
        }
        .tile .headline,
        .tile .waiting {
          font-size: 24px;
        }
        .tile .waiting .number {
          font-size: 32px;
        }
        .tile .detail,
        .caption,
        .card-read {
          font-size: 24px;
        }
      }
    `,
  ];

  override render() {
    const queues = new Map(this.queues.map((q) => [q.serviceId, q]));
    const services = [...this.services].sort((a, b) => a.sortOrder - b.sortOrder);
    return html`
      <h1>${msg('Choose a service')}</h1>
      <div class="tiles">${services.map((service) => this._renderTile(service, queues.get(service.id)))}</div>
      ${this.cardRead
        ? html`<p class="card-read" role="status" data-testid="card-read">${msg('Card read. Choose a service for your VIP ticket.')}</p>`
        : html`<p class="caption">${msg('Elderly, disabled or pregnant? Choose your service first: we ask about priority next.')}</p>`}
    `;
  }

  private _renderTile(service: Service, queue: QueueSummary | undefined) {
    const waiting = queue?.waitingCount ?? 0;
    const opening = openingText(queue, this.now, this.timeZone, this.locale);
    return html`<button
      type="button"
      class="tile"
      data-testid="service-${service.prefix}"
      data-opening=${queue?.opening ?? 'open'}
      ?disabled=${opening.closed}
      @click=${() => this._onService(service)}
    >
      ${serviceIcon(service.icon)}
      <span class="name">${nameIn(service.name, this.locale)}</span>
      ${opening.headline ? html`<span class="headline" data-testid="opening-${service.prefix}">${opening.headline}</span>` : nothing}
      ${opening.closed
        ? nothing
        : html`<span class="waiting" data-testid="waiting-${service.prefix}" data-count=${waiting}
            >${msg(html`<span class="number">${waiting}</span> waiting`, { desc: 'People waiting now on a service tile' })}</span
          >`}
      ${opening.detail ? html`<span class="detail" data-testid="opening-detail-${service.prefix}">${opening.detail}</span>` : nothing}
    </button>`;
  }

  private _onService(service: Service) {
    this.dispatchEvent(new CustomEvent<ServiceChooseDetail>('service-choose', { detail: { serviceId: service.id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
