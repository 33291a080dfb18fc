import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { buttons, tokens } from './styles.js';

/** The element that has the focus, looking inside shadow roots (document.activeElement stops at the first host). */
function focusedElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * A sheet that rises from the bottom edge, within reach of the thumb on a tablet held in one hand.
 * A modal dialog named by its heading: it takes the focus when it opens and gives it back to what had
 * it when it closes. Escape, a tap outside it or the ✕ closes it.
 * @slot - the sheet's content
 * @slot heading - the title line, which names the dialog
 * @fires sheet-closed - when the user closes it
 */
@localized()
@customElement('bottom-sheet')
export class BottomSheet extends LitElement {
  /** Whether the sheet shows. */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('section') private _sheet!: HTMLElement;
  /** What had the focus before the sheet opened, to give it back. */
  private _opener: HTMLElement | null = null;

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
        outline: none;
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
      #heading {
        flex: 1;
        min-width: 0;
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
      <section role="dialog" aria-modal="true" aria-labelledby="heading" tabindex="-1">
        <header>
          <div id="heading"><slot name="heading"></slot></div>
          <button class="close" @click=${this._onClose} aria-label=${msg('Close')} data-testid="sheet-close">✕</button>
        </header>
        <slot></slot>
      </section>`;
  }

  protected override updated(changed: Map<string, unknown>) {
    if (!changed.has('open')) return;
    if (this.open) this._onOpened();
    else if (changed.get('open')) this._onHidden();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Most sheets leave the page when they close, rather than turning `open` off.
    if (this.open) this._onHidden();
  }

  private _onOpened() {
    this._opener = focusedElement();
    document.addEventListener('keydown', this._onDocumentKeyDown);
    this._sheet.focus();
  }

  private _onHidden() {
    document.removeEventListener('keydown', this._onDocumentKeyDown);
    if (this._opener?.isConnected) this._opener.focus();
    this._opener = null;
  }

  /** Escape closes the sheet wherever the focus is (a tap elsewhere may have taken it off the sheet). */
  private _onDocumentKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this._onClose();
  };

  private _onClose() {
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bottom-sheet': BottomSheet;
  }
}
