import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Service, Tier } from '../../../protocol/index.js';
import { icon, serviceIcon } from '../components/kiosk-icons.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { theme } from '../styles/theme.js';

export interface TierChooseDetail {
  tier: Tier;
}

/**
 * The one question after the service, only where it applies: "Do you need priority service?",
 * with "I am a VIP customer" when the branch offers it here (tier-choice.ts). Three large answers,
 * the ordinary one last and filled, as most customers take it.
 *
 * @fires tier-choose - `{ tier }` for the answer tapped.
 * @fires back-to-start - the customer chose the wrong service.
 */
@localized()
@customElement('tier-screen')
export class TierScreen extends LitElement {
  /** The service chosen on the start screen. */
  @property({ attribute: false }) service: Service | null = null;

  /** The answers offered: regular and priority, sometimes VIP. */
  @property({ attribute: false }) tiers: Tier[] = ['regular', 'priority'];

  @property() locale: KioskLocale = 'en';

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 36px;
        padding: 56px 64px 48px;
        height: 100%;
      }
      .service {
        display: flex;
        align-items: center;
        gap: 20px;
        margin: 0;
        font-size: 40px;
        font-weight: 700;
        color: var(--accent);
      }
      .service .icon,
      .service .emoji {
        font-size: 56px;
      }
      h1 {
        margin: 0;
        font-size: 68px;
        line-height: 1.2;
        font-weight: 800;
      }
      .choices {
        display: flex;
        flex-direction: column;
        gap: 28px;
        margin-top: 16px;
      }
      .choice {
        display: flex;
        align-items: center;
        gap: 32px;
        min-height: 176px;
        padding: 24px 40px;
        text-align: left;
        border: 4px solid var(--accent);
        border-radius: 28px;
        background: var(--surface);
        color: var(--text);
        box-shadow: 0 4px 0 var(--line);
      }
      .choice:active {
        background: var(--accent-soft);
        transform: translateY(2px);
        box-shadow: none;
      }
      .choice .icon {
        flex: none;
        font-size: 88px;
        color: var(--accent);
      }
      .choice .label {
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .choice .title {
        font-size: 52px;
        font-weight: 800;
        line-height: 1.15;
      }
      .choice .detail {
        font-size: 32px;
        font-weight: 600;
        color: var(--text-muted);
      }
      .choice.regular {
        justify-content: center;
        background: var(--accent);
        color: #fff;
      }
      .back {
        margin-top: auto;
        align-self: flex-start;
        min-width: 280px;
        min-height: 120px;
        font-size: 40px;
      }
      @media (max-height: 1300px) {
        :host {
          gap: 20px;
          padding: 28px 36px;
        }
        h1 {
          font-size: 48px;
        }
        .choice {
          min-height: 128px;
        }
        .choice .title {
          font-size: 40px;
        }
        .back {
          min-height: 96px;
          font-size: 32px;
        }
      }
    `,
  ];

  override render() {
    const service = this.service;
    return html`
      ${service ? html`<p class="service">${serviceIcon(service.icon)}${nameIn(service.name, this.locale)}</p>` : nothing}
      <h1 id="question">${msg('Do you need priority service?')}</h1>
      <div class="choices" role="group" aria-labelledby="question">
        ${this.tiers.includes('priority')
          ? this._renderChoice(
              'priority',
              html`${icon('accessible')}<span class="label"
                  ><span class="title">${msg('Yes, priority service')}</span
                  ><span class="detail">${msg('Elderly, disabled, pregnant')}</span></span
                >`,
            )
          : nothing}
        ${this.tiers.includes('vip')
          ? this._renderChoice('vip', html`${icon('star')}<span class="label"><span class="title">${msg('I am a VIP customer')}</span></span>`)
          : nothing}
        ${this._renderChoice('regular', html`<span class="label"><span class="title">${msg('No, a regular ticket')}</span></span>`)}
      </div>
      <button type="button" class="button back" data-testid="back" @click=${this._onBack}>${msg('Back')}</button>
    `;
  }

  private _renderChoice(tier: Tier, label: unknown) {
    return html`<button type="button" class="choice ${tier}" data-testid="tier-${tier}" @click=${() => this._choose(tier)}>${label}</button>`;
  }

  private _choose(tier: Tier) {
    this.dispatchEvent(new CustomEvent<TierChooseDetail>('tier-choose', { detail: { tier }, bubbles: true, composed: true }));
  }

  private _onBack() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tier-screen': TierScreen;
  }
}
