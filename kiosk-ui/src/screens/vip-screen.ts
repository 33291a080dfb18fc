import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/vip-keypad.js';
import type { KeypadPressDetail } from '../components/vip-keypad.js';
import { createCardReader } from '../logic/card-reader.js';
import { CUSTOMER_REF_MAX_DIGITS, CUSTOMER_REF_MIN_DIGITS, isCompleteRef, maskRef, pressKey, type KeypadKey } from '../logic/customer-ref.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import type { Service } from '../../../protocol/index.js';
import { theme } from '../styles/theme.js';

export interface CustomerRefDetail {
  customerRef: string;
}

/**
 * The VIP customer's card or customer number, typed on an on-screen keypad (or a keyboard's digits).
 * The number is masked as it is typed, the last four digits only readable: others queue behind the
 * customer. A card reader that acts as a keyboard works too: its fast burst of track data and Enter
 * sends the card's number at once (the track's expiry date and service code are left out).
 *
 * @fires customer-ref-enter - `{ customerRef }` on Continue.
 * @fires back-to-start - the customer changed their mind.
 */
@localized()
@customElement('vip-screen')
export class VipScreen extends LitElement {
  /** The service the ticket is for. */
  @property({ attribute: false }) service: Service | null = null;

  @property() locale: KioskLocale = 'en';

  @state() private _customerRef = '';

  private readonly _reader = createCardReader();

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture: the reader's Enter must not reach the input's own Enter, which would send every digit typed.
    window.addEventListener('keydown', this._onReaderKey, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onReaderKey, { capture: true });
    this._reader.reset();
  }

  private _onReaderKey = (event: KeyboardEvent) => {
    const customerRef = this._reader.key(event.key, event.timeStamp);
    if (customerRef !== null) {
      event.preventDefault();
      event.stopPropagation();
      this._customerRef = customerRef;
      this._send(customerRef);
      return;
    }
    // A keyboard's digits, Backspace and Enter work like the on-screen keys.
    const key: KeypadKey | 'enter' | null = /^\d$/.test(event.key) ? (event.key as KeypadKey) : event.key === 'Backspace' ? 'delete' : event.key === 'Enter' ? 'enter' : null;
    if (key === 'enter') this._onContinue();
    else if (key) this._customerRef = pressKey(this._customerRef, key);
  };

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 32px;
        padding: 56px 64px 48px;
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
        line-height: 1.2;
        font-weight: 800;
      }
      .how {
        margin: 0;
        font-size: 32px;
        color: var(--text-muted);
      }
      .needed {
        margin: 0;
        font-size: 34px;
        font-weight: 700;
      }
      .ref {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 24px;
        width: 100%;
        min-height: 128px;
        padding: 0 32px;
        border: 4px solid var(--accent);
        border-radius: var(--radius);
        font-family: var(--number-font);
        font-variant-numeric: tabular-nums;
        font-size: 52px;
        letter-spacing: 0.02em;
        color: var(--text);
        background: var(--surface);
      }
      .masked {
        white-space: nowrap;
        overflow: hidden;
      }
      .ref .count {
        flex: none;
        font-family: inherit;
        font-size: 28px;
        letter-spacing: 0;
        color: var(--text-muted);
      }
      .placeholder {
        color: var(--text-muted);
        font-size: 36px;
        letter-spacing: 0;
      }
      vip-keypad {
        margin: 8px 96px 0;
      }
      .actions {
        margin-top: auto;
        display: grid;
        grid-template-columns: 1fr 2fr;
        gap: 24px;
      }
      .actions .button {
        min-height: 128px;
        font-size: 40px;
      }
      /* A 768×1024 kiosk: the keypad and both buttons still fit, keys stay ≥ 96 px. */
      @media (max-height: 1300px) {
        :host {
          gap: 16px;
          padding: 24px 32px;
        }
        h1 {
          font-size: 40px;
        }
        .needed,
        .how,
        .service {
          font-size: 24px;
        }
        .ref {
          min-height: 96px;
          font-size: 40px;
        }
        vip-keypad {
          margin: 0 48px;
          --key-height: 96px;
        }
        .actions .button {
          min-height: 96px;
          font-size: 32px;
        }
      }
    `,
  ];

  override render() {
    const service = this.service;
    return html`
      ${service ? html`<p class="service">${nameIn(service.name, this.locale)}</p>` : ''}
      <h1 id="ask">${msg('Please enter your VIP card number or customer number')}</h1>
      <p class="needed" data-testid="vip-digits-needed">${msg(str`Card number: 16 to ${CUSTOMER_REF_MAX_DIGITS} digits. Customer number: at least ${CUSTOMER_REF_MIN_DIGITS} digits.`)}</p>
      <div class="ref" role="textbox" aria-readonly="true" aria-labelledby="ask" data-testid="vip-ref" data-length=${this._customerRef.length}>
        <span class="masked">${this._customerRef ? maskRef(this._customerRef) : html`<span class="placeholder">${msg('Use the keys below, or swipe your card.')}</span>`}</span>
        ${this._customerRef ? html`<span class="count" data-testid="vip-digit-count">${this._digitCount(this._customerRef.length)}</span>` : ''}
      </div>
      <vip-keypad @keypad-press=${this._onKeypad}></vip-keypad>
      <div class="actions">
        <button type="button" class="button" data-testid="back" @click=${this._onBack}>${msg('Back')}</button>
        <button
          type="button"
          class="button primary"
          data-testid="vip-continue"
          ?disabled=${!isCompleteRef(this._customerRef)}
          @click=${this._onContinue}
        >
          ${msg('Continue')}
        </button>
      </div>
    `;
  }

  private _onKeypad(event: CustomEvent<KeypadPressDetail>) {
    this._customerRef = pressKey(this._customerRef, event.detail.key);
  }

  private _digitCount(count: number): string {
    return count === 1 ? msg('1 digit') : msg(str`${count} digits`);
  }

  private _onContinue() {
    if (isCompleteRef(this._customerRef)) this._send(this._customerRef);
  }

  private _send(customerRef: string) {
    this.dispatchEvent(new CustomEvent<CustomerRefDetail>('customer-ref-enter', { detail: { customerRef }, bubbles: true, composed: true }));
  }

  private _onBack() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vip-screen': VipScreen;
  }
}
