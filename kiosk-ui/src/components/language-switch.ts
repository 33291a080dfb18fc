import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KIOSK_LOCALES, type KioskLocale } from '../logic/locale-choice.js';
import { theme } from '../styles/theme.js';

/** Each language is labelled in itself, so a customer finds theirs without reading the others. */
const LABELS: Record<KioskLocale, { short: string; full: string }> = {
  'zh-Hant': { short: '中', full: '繁體中文' },
  // Hong Kong branches: the same script in Hong Kong's words (櫃位, 分行).
  'zh-HK': { short: '港', full: '繁體中文（香港）' },
  'zh-Hans': { short: '简', full: '简体中文' },
  en: { short: 'EN', full: 'English' },
};

/** The short label read first, then the language's full name: the name holds the visible text (WCAG 2.5.3). */
const accessibleName = (locale: KioskLocale) => `${LABELS[locale].short} ${LABELS[locale].full}`;

export interface LocaleChangeDetail {
  locale: KioskLocale;
}

/**
 * The one-tap language switch: 中 / 港 / 简 / EN.
 *
 * @fires locale-change - `{ locale }` when the customer taps another language.
 */
@customElement('language-switch')
export class LanguageSwitch extends LitElement {
  /** The language shown now. */
  @property() locale: KioskLocale = 'en';

  /** `phone` makes the buttons 48 px for the mobile ticket page; the kiosk's are 96 px. */
  @property({ reflect: true }) size: 'kiosk' | 'phone' = 'kiosk';

  static override styles = [
    theme,
    css`
      :host {
        display: inline-flex;
        gap: 12px;
      }
      button {
        min-width: 112px;
        min-height: 96px;
        padding: 0 20px;
        border-radius: 16px;
        border: 3px solid var(--accent);
        background: var(--surface);
        color: var(--accent);
        font-size: 36px;
        font-weight: 700;
      }
      button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      :host([size='phone']) {
        gap: 6px;
      }
      :host([size='phone']) button {
        min-width: 52px;
        min-height: 48px;
        padding: 0 10px;
        border-width: 2px;
        border-radius: 10px;
        font-size: 20px;
      }
    `,
  ];

  override render() {
    return KIOSK_LOCALES.map(
      (locale) => html`<button
        type="button"
        lang=${locale}
        aria-pressed=${locale === this.locale}
        aria-label=${accessibleName(locale)}
        data-testid="lang-${locale}"
        @click=${() => this._onChoose(locale)}
      >
        ${LABELS[locale].short}
      </button>`,
    );
  }

  private _onChoose(locale: KioskLocale) {
    if (locale === this.locale) return;
    this.dispatchEvent(new CustomEvent<LocaleChangeDetail>('locale-change', { detail: { locale }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'language-switch': LanguageSwitch;
  }
}
