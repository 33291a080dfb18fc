import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LocalizedName } from '../../../protocol/index.js';
import { isChinese, nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { theme } from '../styles/theme.js';
import './language-switch.js';

/**
 * The kiosk's top bar: the branch's name in the chosen language (English second, smaller, under
 * Chinese) and the language switch.
 *
 * @fires locale-change - from the language switch.
 */
@customElement('kiosk-header')
export class KioskHeader extends LitElement {
  /** The branch's name; null until the first snapshot. */
  @property({ attribute: false }) branchName: LocalizedName | null = null;

  @property() locale: KioskLocale = 'en';

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 24px;
        padding: 28px 48px;
        background: var(--surface);
        border-bottom: 2px solid var(--line);
      }
      .branch {
        min-width: 0;
        display: flex;
        flex-direction: column;
      }
      .name {
        font-size: 44px;
        font-weight: 800;
        color: var(--accent);
        line-height: 1.15;
      }
      .second {
        font-size: 26px;
        color: var(--text-muted);
      }
      /* A 768-wide kiosk: the four language buttons leave less room for the branch's name. */
      @media (max-width: 900px) {
        :host {
          padding: 16px 24px;
        }
        .name {
          font-size: 34px;
          white-space: nowrap;
        }
        .second {
          font-size: 22px;
          white-space: nowrap;
        }
      }
    `,
  ];

  override render() {
    const name = this.branchName;
    return html`
      <div class="branch">
        ${name
          ? html`<span class="name">${nameIn(name, this.locale)}</span>
              ${isChinese(this.locale) ? html`<span class="second" lang="en">${name.en}</span>` : nothing}`
          : nothing}
      </div>
      <language-switch .locale=${this.locale}></language-switch>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-header': KioskHeader;
  }
}
