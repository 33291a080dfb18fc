import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueueSummary, Service, Tier } from '../../../protocol/index.js';
import { icon, serviceIcon } from '../components/kiosk-icons.js';
import { createCardReader } from '../logic/card-reader.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { theme } from '../styles/theme.js';

export interface ServiceChooseDetail {
  serviceId: string;
}
export interface TierChooseDetail {
  tier: Tier;
}
export interface CardReadDetail {
  customerRef: string;
}

/**
 * The start screen: a big tile per service with the people waiting now, and the tier choices
 * (ordinary, priority, VIP) as secondary buttons below.
 *
 * @fires service-choose - `{ serviceId }` when a tile is tapped.
 * @fires tier-choose - `{ tier }` when a tier button is tapped.
 * @fires card-read - `{ customerRef }` when a card reader (acting as a keyboard) typed a card's number and Enter.
 */
@localized()
@customElement('start-screen')
export class StartScreen extends LitElement {
  /** The branch's services, in the branch's order. */
  @property({ attribute: false }) services: Service[] = [];

  /** Queue figures from the snapshot, one per service. */
  @property({ attribute: false }) queues: QueueSummary[] = [];

  /** The tier chosen so far. */
  @property() tier: Tier = 'regular';

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
        gap: 32px;
        padding: 40px 48px 48px;
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
      .chosen-tier {
        padding: 8px 28px;
        border-radius: 999px;
        background: var(--accent);
        color: #fff;
        font-size: 34px;
        font-weight: 700;
      }
      /* In the caption's place, so the tier buttons below keep theirs. */
      .card-read {
        margin: 0;
        padding: 4px 20px;
        border-radius: var(--radius);
        background: var(--accent-soft);
        font-size: 30px;
        font-weight: 700;
      }
      .chosen-tier .icon {
        vertical-align: -6px;
        margin-right: 8px;
      }
      .tiles {
        flex: 1;
        display: grid;
        grid-template-columns: 1fr 1fr;
        grid-auto-rows: minmax(240px, 1fr);
        gap: 28px;
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        justify-content: space-between;
        gap: 12px;
        padding: 32px 36px;
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
        font-size: 88px;
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
      .tiers-caption {
        margin: 0;
        font-size: 30px;
        color: var(--text-muted);
      }
      .tiers {
        display: grid;
        grid-template-columns: 0.8fr 1.2fr 1fr;
        gap: 20px;
      }
      .tier {
        min-height: 120px;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 4px;
        padding: 12px 16px;
        border: 3px solid var(--accent);
        border-radius: var(--radius);
        background: var(--surface);
        color: var(--accent);
        font-size: 32px;
        font-weight: 800;
        line-height: 1.2;
      }
      .tier .detail {
        font-size: 24px;
        font-weight: 600;
      }
      .tier .icon {
        font-size: 40px;
        vertical-align: -8px;
        margin-right: 6px;
      }
      .tier[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
    `,
  ];

  override render() {
    const queues = new Map(this.queues.map((q) => [q.serviceId, q]));
    const services = [...this.services].sort((a, b) => a.sortOrder - b.sortOrder);
    return html`
      <h1>
        ${msg('Choose a service')}
        ${this.tier === 'regular'
          ? nothing
          : html`<span class="chosen-tier">${icon(this.tier === 'vip' ? 'star' : 'accessible')}${this._tierTitle(this.tier)}</span>`}
      </h1>
      <div class="tiles">${services.map((service) => this._renderTile(service, queues.get(service.id)))}</div>
      ${this.cardRead
        ? html`<p class="card-read" role="status" data-testid="card-read">${msg('Card read. Choose a service for your VIP ticket.')}</p>`
        : html`<p class="tiers-caption">${msg('Priority or VIP customer? Tap here first, then choose a service.')}</p>`}
      <div class="tiers" role="group" aria-label=${msg('Ticket type')}>
        ${this._renderTier('regular', html`${msg('Ordinary')}`)}
        ${this._renderTier(
          'priority',
          html`<span>${icon('accessible')}${msg('Priority')}</span>
            <span class="detail">${msg('Elderly, disabled, pregnant')}</span>`,
        )}
        ${this._renderTier('vip', html`<span>${icon('star')}${msg('I am a VIP customer')}</span>`)}
      </div>
    `;
  }

  private _renderTile(service: Service, queue: QueueSummary | undefined) {
    const waiting = queue?.waitingCount ?? 0;
    return html`<button type="button" class="tile" data-testid="service-${service.prefix}" @click=${() => this._onService(service)}>
      ${serviceIcon(service.icon)}
      <span class="name">${nameIn(service.name, this.locale)}</span>
      <span class="waiting" data-testid="waiting-${service.prefix}" data-count=${waiting}
        >${msg(html`<span class="number">${waiting}</span> waiting`, { desc: 'People waiting now on a service tile' })}</span
      >
    </button>`;
  }

  private _renderTier(tier: Tier, label: unknown) {
    return html`<button
      type="button"
      class="tier"
      data-testid="tier-${tier}"
      aria-pressed=${this.tier === tier}
      @click=${() => this._onTier(tier)}
    >
      ${label}
    </button>`;
  }

  private _tierTitle(tier: Tier): string {
    return tier === 'vip' ? msg('VIP ticket') : msg('Priority ticket');
  }

  private _onService(service: Service) {
    this.dispatchEvent(new CustomEvent<ServiceChooseDetail>('service-choose', { detail: { serviceId: service.id }, bubbles: true, composed: true }));
  }

  private _onTier(tier: Tier) {
    this.dispatchEvent(new CustomEvent<TierChooseDetail>('tier-choose', { detail: { tier }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
