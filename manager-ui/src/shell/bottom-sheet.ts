import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buttons, tokens } from './styles.js';

/**
 * A sheet that rises from the bottom edge, within reach of the thumb on a tablet held in one hand.
 * Tapping outside it or the ✕ closes it.
 * @slot - the sheet's content
 * @slot heading - the title line
 * @fires sheet-closed - when the user closes it
 */
@localized()
@customElement('bottom-sheet')
export class BottomSheet extends LitElement {
  /** Whether the sheet shows. */
  @property({ type: Boolean, reflect: true }) open = false;

  static override styles = [
    tokens,
    buttons,
    css`
      .backdrop {
        position: fixed;
        inset: 0;
        background: rgb(16 42 67 / 45%);
        z-index: 40;
      }
      section {
        position: fixed;
        left: 50%;
        bottom: 0;
        transform: translateX(-50%);
        width: min(880px, 100vw);
        max-height: 88vh;
        overflow-y: auto;
        box-sizing: border-box;
        background: var(--card);
        border-radius: 18px 18px 0 0;
        padding: 16px 24px 24px;
        z-index: 41;
        box-shadow: 0 -8px 32px rgb(16 42 67 / 25%);
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        margin-bottom: 12px;
      }
      header ::slotted(*) {
        flex: 1;
      }
      .close {
        flex: none;
        border-color: var(--line);
        color: var(--text);
        font-size: 22px;
      }
    `,
  ];

  override render() {
    if (!this.open) return nothing;
    return html`<div class="backdrop" @click=${this._onClose}></div>
      <section role="dialog" aria-modal="true" @keydown=${this._onKeyDown}>
        <header>
          <slot name="heading"></slot>
          <button class="close" @click=${this._onClose} aria-label=${msg('Close')} data-testid="sheet-close">✕</button>
        </header>
        <slot></slot>
      </section>`;
  }

  private _onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') this._onClose();
  }

  private _onClose() {
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bottom-sheet': BottomSheet;
  }
}
