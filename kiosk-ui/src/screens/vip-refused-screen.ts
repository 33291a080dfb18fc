import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../components/kiosk-icons.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import type { Service, Tier } from '../../../protocol/index.js';
import { theme } from '../styles/theme.js';

export interface VipRefusedChooseDetail {
  tier: Exclude<Tier, 'vip'>;
}

/**
 * The branch keeps a list of its VIP customers and the card or number given is not on it. Said
 * kindly and in big type, never with a name: the customer may take a regular or priority ticket for
 * the same service, or ask the lobby manager, who is in the hall.
 *
 * @fires vip-refused-choose - `{ tier }`: a regular or priority ticket instead.
 * @fires back-to-start - the customer would rather ask the lobby manager, or start again.
 */
@localized()
@customElement('vip-refused-screen')
export class VipRefusedScreen extends LitElement {
  /** The service the customer chose. */
  @property({ attribute: false }) service: Service | null = null;

  @property() locale: KioskLocale = 'en';

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 40px;
        padding: 72px 64px 56px;
        height: 100%;
      }
      .service {
        margin: 0;
        font-size: 34px;
        font-weight: 700;
        color: var(--accent);
      }
      h1 {
        margin: 0;
        font-size: 60px;
        line-height: 1.25;
        font-weight: 800;
      }
      p {
        margin: 0;
        font-size: 44px;
        line-height: 1.4;
      }
      .choices {
        margin-top: auto;
        display: flex;
        flex-direction: column;
        gap: 28px;
      }
      .choices .button {
        min-height: 136px;
        font-size: 44px;
      }
      .button .icon {
        vertical-align: -8px;
        margin-right: 12px;
      }
    `,
  ];

  override render() {
    const service = this.service;
    return html`
      ${service ? html`<p class="service">${nameIn(service.name, this.locale)}</p>` : ''}
      <h1 role="alert" data-testid="vip-refused">${msg("Sorry, we could not find this card on our branch's VIP list.")}</h1>
      <p>${msg('You are welcome to take a regular or priority ticket, or to ask our lobby manager in the hall for help.')}</p>
      <div class="choices">
        <button type="button" class="button primary" data-testid="vip-refused-regular" @click=${() => this._choose('regular')}>
          ${msg('Take a regular ticket')}
        </button>
        <button type="button" class="button" data-testid="vip-refused-priority" @click=${() => this._choose('priority')}>
          ${icon('accessible')}${msg('Take a priority ticket')}
        </button>
        <button type="button" class="button" data-testid="back" @click=${this._onBack}>${msg('I will ask the lobby manager')}</button>
      </div>
    `;
  }

  private _choose(tier: VipRefusedChooseDetail['tier']) {
    this.dispatchEvent(new CustomEvent<VipRefusedChooseDetail>('vip-refused-choose', { detail: { tier }, bubbles: true, composed: true }));
  }

  private _onBack() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vip-refused-screen': VipRefusedScreen;
  }
}
