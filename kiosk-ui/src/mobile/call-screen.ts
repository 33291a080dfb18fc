/**
 * The whole phone screen when the ticket is called: where to go, in the customer's language with
 * the other language under it, and the number. It covers the page until the customer taps "OK";
 * a recall shows it again (the page decides when).
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { goToCounter, secondLocale } from '../logic/counter-call.js';
import type { KioskLocale } from '../logic/locale-choice.js';
import { theme } from '../styles/theme.js';

/**
 * @fires call-dismissed - the customer tapped OK
 */
@localized()
@customElement('call-screen')
export class CallScreen extends LitElement {
  /** The counter called to; null when the server does not know its number. */
  @property({ type: Number }) counterNumber: number | null = null;
  /** The ticket's number, e.g. A023. */
  @property() number = '';
  @property() locale: KioskLocale = 'en';
  /** A recall: the teller is still waiting. */
  @property({ type: Boolean }) recall = false;

  static override styles = [
    theme,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 20px;
        padding: 24px;
        background: var(--accent);
        color: #fff;
        text-align: center;
      }
      p {
        margin: 0;
      }
      .lead {
        font-size: 24px;
        font-weight: 700;
      }
      .go {
        font-size: 52px;
        font-weight: 800;
        line-height: 1.15;
      }
      .second {
        font-size: 26px;
        font-weight: 600;
      }
      .number {
        margin-top: 8px;
        padding: 8px 24px;
        border-radius: 16px;
        background: #fff;
        color: var(--accent);
        font-family: var(--number-font);
        font-variant-numeric: tabular-nums;
        font-size: 64px;
        font-weight: 800;
      }
      button {
        margin-top: 16px;
        min-width: 200px;
        min-height: 64px;
        border: 3px solid #fff;
        border-radius: 16px;
        background: transparent;
        color: #fff;
        font-size: 26px;
        font-weight: 800;
      }
      button:focus-visible {
        outline-color: #fff;
      }
    `,
  ];

  override render() {
    const second = secondLocale(this.locale);
    return html`
      <p class="lead">${this.recall ? msg('You are called again') : msg('It is your turn')}</p>
      ${this.counterNumber === null
        ? html`<p class="go" data-testid="call-counter">${msg('Please go to the counter')}</p>`
        : html`<p class="go" data-testid="call-counter">${goToCounter(this.counterNumber, this.locale)}</p>
            <p class="second" lang=${second}>${goToCounter(this.counterNumber, second)}</p>`}
      <p class="number" data-testid="call-number">${this.number}</p>
      <button data-testid="call-dismiss" @click=${this._onDismiss}>${msg('OK, on my way')}</button>
    `;
  }

  override firstUpdated(): void {
    this.setAttribute('role', 'alertdialog');
    this.setAttribute('aria-modal', 'true');
    this.renderRoot.querySelector('button')?.focus();
  }

  override updated(): void {
    // The dialog's name, for screen readers: the same words it shows.
    const go = this.renderRoot.querySelector('.go')?.textContent?.trim() ?? '';
    this.setAttribute('aria-label', go);
  }

  private _onDismiss() {
    this.dispatchEvent(new CustomEvent('call-dismissed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'call-screen': CallScreen;
  }
}
