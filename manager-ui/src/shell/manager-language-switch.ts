import { localized } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { chooseLocaleByUser, getLocale } from '../localization.js';
import type { UiLocale } from '../logic/locale.js';
import { buttons, tokens } from './styles.js';

const CHOICES: { locale: UiLocale; label: string; name: string }[] = [
  { locale: 'zh-Hant', label: '中', name: '繁體中文' },
  { locale: 'zh-HK', label: '港', name: '繁體中文（香港）' },
  { locale: 'zh-Hans', label: '简', name: '简体中文' },
  { locale: 'en', label: 'EN', name: 'English' },
];

/** One-tap language switch (中 / 港 / 简 / EN); each label is in its own language, so anyone can find theirs. */
@localized()
@customElement('manager-language-switch')
export class ManagerLanguageSwitch extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: inline-flex;
        gap: 4px;
      }
      button {
        padding: 0 12px;
        border-width: 1px;
        border-color: var(--line);
        color: var(--text);
      }
      button[aria-pressed='true'] {
        background: var(--accent);
        border-color: var(--accent);
        color: #fff;
      }
    `,
  ];

  override render() {
    const current = getLocale();
    return CHOICES.map(
      (c) => html`<button
        lang=${c.locale}
        title=${c.name}
        aria-pressed=${c.locale === current ? 'true' : 'false'}
        data-testid="lang-${c.locale}"
        @click=${() => this._onChoose(c.locale)}
      >
        ${c.label}
      </button>`,
    );
  }

  private async _onChoose(locale: UiLocale) {
    await chooseLocaleByUser(locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-language-switch': ManagerLanguageSwitch;
  }
}
