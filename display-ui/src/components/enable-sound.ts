import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { englishLine } from '../localization.js';
import { hallTheme } from './hall-theme.js';

/**
 * The one tap that browsers require before a page may make sound. Staff tap it once after the
 * display starts; the app hides it as soon as audio runs.
 *
 * @fires enable-sound - when tapped; the app unlocks audio inside this gesture.
 */
// Drawn, not an emoji: the display's fonts may have no emoji glyphs.
const speakerIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
  <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
</svg>`;

@localized()
@customElement('enable-sound')
export class EnableSound extends LitElement {
  static override styles = [
    hallTheme,
    css`
      button {
        display: flex;
        align-items: center;
        gap: 16px;
        min-height: 60px;
        padding: 8px 28px;
        border: 4px solid #ffffff;
        border-radius: 999px;
        background: var(--accent);
        color: #ffffff;
        font: inherit;
        font-size: 30px;
        font-weight: 800;
        box-shadow: 0 6px 24px rgb(16 42 67 / 0.35);
        cursor: pointer;
      }
      button:focus-visible {
        outline: 6px solid var(--warning-fill);
      }
      svg {
        width: 40px;
        height: 40px;
        flex: none;
      }
      .en {
        display: inline;
        color: inherit;
        opacity: 0.85;
        font-size: 24px;
      }
    `,
  ];

  override render() {
    return html`<button type="button" data-testid="enable-sound" @click=${this._onClick}>
      ${speakerIcon}${msg('Enable sound')}${englishLine('Enable sound')}
    </button>`;
  }

  private _onClick(): void {
    this.dispatchEvent(new CustomEvent('enable-sound', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'enable-sound': EnableSound;
  }
}
