import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { KeypadKey } from '../logic/customer-ref.js';
import { theme } from '../styles/theme.js';

export interface KeypadPressDetail {
  key: KeypadKey;
}

const DIGIT_ROWS: KeypadKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/**
 * An on-screen numeric keypad, phone layout (1 2 3 on top), for customers who touch rather than type.
 *
 * @fires keypad-press - `{ key }`: a digit, `delete` or `clear`.
 */
@localized()
@customElement('vip-keypad')
export class VipKeypad extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 20px;
      }
      button {
        /* 128 px on the portrait kiosk; a shorter screen sets --key-height (never under 96 px). */
        min-height: var(--key-height, 128px);
        border-radius: var(--radius);
        border: 3px solid var(--line);
        background: var(--surface);
        font-size: 60px;
        font-weight: 700;
        box-shadow: 0 4px 0 var(--line);
      }
      button:active {
        background: var(--accent-soft);
        border-color: var(--accent);
        transform: translateY(2px);
        box-shadow: none;
      }
      .digit {
        font-family: var(--number-font);
      }
      .command {
        font-size: 34px;
        color: var(--accent);
      }
    `,
  ];

  override render() {
    return html`
      ${DIGIT_ROWS.flat().map((digit) => this._renderKey(digit, digit, 'digit'))}
      ${this._renderKey('clear', msg('Clear'), 'command')} ${this._renderKey('0', '0', 'digit')}
      ${this._renderKey('delete', msg('⌫ Delete'), 'command')}
    `;
  }

  private _renderKey(key: KeypadKey, label: string, kind: 'digit' | 'command') {
    return html`<button type="button" class=${kind} data-testid="key-${key}" @click=${() => this._onPress(key)}>${label}</button>`;
  }

  private _onPress(key: KeypadKey) {
    this.dispatchEvent(new CustomEvent<KeypadPressDetail>('keypad-press', { detail: { key }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vip-keypad': VipKeypad;
  }
}
