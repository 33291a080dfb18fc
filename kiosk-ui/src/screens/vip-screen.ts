import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../components/vip-keypad.js';
import type { KeypadPressDetail } from '../components/vip-keypad.js';
import { createCardReader } from '../logic/card-reader.js';
import { digitsOnly, isCompleteRef, pressKey } from '../logic/customer-ref.js';
import { nameIn, type KioskLocale } from '../logic/locale-choice.js';
import type { Service } from '../../../protocol/index.js';
import { theme } from '../styles/theme.js';

export interface CustomerRefDetail {
  customerRef: string;
}

/**
 * The VIP customer's card or customer number, typed on an on-screen keypad. A card reader that acts
 * as a keyboard works too: its fast burst of track data and Enter sends the card's number at once
 * (the track's expiry date and service code, which the input would keep as digits, are left out).
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

  @query('input') private _input!: HTMLInputElement;

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
    if (customerRef === null) return;
    event.preventDefault();
    event.stopPropagation();
    this._customerRef = customerRef;
    this._send(customerRef);
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
      label {
        font-size: 32px;
        color: var(--text-muted);
      }
      input {
        width: 100%;
        min-height: 128px;
        padding: 0 32px;
        border: 4px solid var(--accent);
        border-radius: var(--radius);
        font-family: var(--number-font);
        font-variant-numeric: tabular-nums;
        font-size: 64px;
        letter-spacing: 0.12em;
        color: var(--text);
        background: var(--surface);
      }
      input:focus {
        outline: 4px solid var(--accent-soft);
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
    `,
  ];

  override render() {
    const service = this.service;
    return html`
      ${service ? html`<p class="service">${nameIn(service.name, this.locale)} · ${msg('VIP ticket')}</p>` : ''}
      <h1>${msg('Please enter your VIP card number or customer number')}</h1>
      <label for="ref">${msg('Use the keys below, or swipe your card.')}</label>
      <input
        id="ref"
        data-testid="vip-ref"
        type="text"
        inputmode="none"
        autocomplete="off"
        spellcheck="false"
        .value=${this._customerRef}
        @input=${this._onInput}
        @keydown=${this._onKeydown}
      />
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

  private _onInput() {
    const digits = digitsOnly(this._input.value);
    this._customerRef = digits;
    // Lit does not rewrite the value when the state did not change, so drop a typed letter here.
    if (this._input.value !== digits) this._input.value = digits;
  }

  private _onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') this._onContinue();
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
