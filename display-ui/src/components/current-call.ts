import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecentCall } from '../../../protocol/index.js';
import { englishLine } from '../localization.js';
import { flashStyles } from './flash-styles.js';
import { hallTheme } from './hall-theme.js';

/**
 * The big area of the wall display: the number being called and the counter to go to,
 * readable from the back of the hall. It flashes while a call is new.
 */
@localized()
@customElement('current-call')
export class CurrentCall extends LitElement {
  /** The call to show; null before the first call of the day. */
  @property({ attribute: false }) call: RecentCall | null = null;

  /** Whether the call is new and flashing. */
  @property({ type: Boolean, reflect: true }) flashing = false;

  /** Other calls stand beside this one: a little smaller, so they fit. */
  @property({ type: Boolean, reflect: true }) compact = false;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        text-align: center;
        background: var(--surface);
        border-radius: 24px;
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        padding: 24px 40px;
        box-sizing: border-box;
        overflow: hidden;
      }
      /* English follows the flash's colours, a little softer than the Chinese. */
      .en {
        color: inherit;
        opacity: 0.8;
        font-weight: 500;
      }
      .label {
        margin: 0;
        font-size: 44px;
        font-weight: 700;
        line-height: 1.2;
      }
      .label .en {
        font-size: 32px;
      }
      .number {
        /* About a quarter of a 1080-pixel screen. */
        font-size: 270px;
        line-height: 1;
        margin: 8px 0 16px;
        color: inherit;
      }
      :host(:not([flashing])) .number {
        color: var(--accent);
      }
      .counter {
        font-size: 112px;
        font-weight: 800;
        line-height: 1.1;
      }
      .counter .en {
        font-size: 52px;
        margin-top: 8px;
      }
      :host([compact]) {
        padding: 24px 32px;
      }
      :host([compact]) .number {
        font-size: 200px;
      }
      :host([compact]) .counter {
        font-size: 72px;
      }
      :host([compact]) .counter .en {
        font-size: 40px;
      }
      .label.recall {
        padding: 2px 28px 6px;
        border: 4px solid currentColor;
        border-radius: 24px;
      }
      .welcome {
        font-size: 120px;
        font-weight: 800;
        color: var(--accent);
        margin: 0;
        line-height: 1.2;
      }
      .welcome-hint {
        font-size: 52px;
        font-weight: 600;
        margin: 24px 0 0;
      }
      .welcome .en,
      .welcome-hint .en {
        font-size: 0.45em;
      }
    `,
    // Last: a flashing call's colours win over its resting ones.
    flashStyles,
  ];

  override render() {
    const call = this.call;
    if (!call) {
      return html`
        <p class="welcome">${msg('Welcome')}${englishLine('Welcome')}</p>
        <p class="welcome-hint">${msg('Please take a number and wait to be called')}${englishLine('Please take a number and wait to be called')}</p>
      `;
    }
    const n = call.counterNumber;
    // A recall says so where "Now calling" stands, so the layout does not move.
    const label = call.recall
      ? html`<p class="label recall">${msg('Calling again')}${englishLine('Calling again')}</p>`
      : html`<p class="label">${msg('Now calling')}${englishLine('Now calling')}</p>`;
    return html`
      ${label}
      <div class="number" data-testid="current-number">${call.number}</div>
      <div class="counter" data-testid="current-counter">
        ${msg(str`Please go to Counter ${n}`)}${englishLine(`Please go to Counter ${n}`)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'current-call': CurrentCall;
  }
}
