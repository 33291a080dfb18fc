import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buttons, tokens } from './styles.js';

const SHOW_MS = 8000;

/**
 * A short message at the top of the screen (errors from the server, mostly); it goes away by itself.
 * @fires toast-dismissed - when it times out or is closed
 */
@localized()
@customElement('toast-message')
export class ToastMessage extends LitElement {
  /** The text to show; empty hides the toast. */
  @property() message = '';
  /** 'error' is red-bordered; 'info' is neutral. */
  @property() tone: 'error' | 'info' = 'error';

  private _timer: ReturnType<typeof setTimeout> | null = null;

  static override styles = [
    tokens,
    buttons,
    css`
      /* Under the top bar, clear of the counters strip and the big buttons at the bottom; taps pass through
         the message to what is beneath it, so only the close button catches them. */
      :host {
        position: fixed;
        left: 50%;
        top: 76px;
        pointer-events: none;
        transform: translateX(-50%);
        z-index: 50;
        max-width: min(720px, calc(100vw - 32px));
      }
      div {
        display: flex;
        align-items: center;
        gap: 16px;
        background: var(--text);
        color: #fff;
        border-left: 8px solid var(--accent);
        border-radius: 10px;
        padding: 8px 8px 8px 20px;
        font-size: 18px;
        box-shadow: 0 6px 24px rgb(16 42 67 / 30%);
      }
      div.error {
        border-left-color: var(--alarm);
      }
      button {
        pointer-events: auto;
        border-color: #fff;
        color: #fff;
        background: transparent;
        flex: none;
      }
    `,
  ];

  override updated(changed: Map<string, unknown>) {
    if (!changed.has('message')) return;
    if (this._timer) clearTimeout(this._timer);
    if (this.message) this._timer = setTimeout(() => this._onDismiss(), SHOW_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this._timer) clearTimeout(this._timer);
  }

  override render() {
    if (!this.message) return nothing;
    return html`<div class=${this.tone} role=${this.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>${this.message}</span>
      <button @click=${this._onDismiss} aria-label=${msg('Dismiss')}>✕</button>
    </div>`;
  }

  private _onDismiss() {
    this.dispatchEvent(new Event('toast-dismissed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'toast-message': ToastMessage;
  }
}
