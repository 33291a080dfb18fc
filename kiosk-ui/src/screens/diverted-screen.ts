import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../components/kiosk-icons.js';
import type { KioskLocale } from '../logic/locale-choice.js';
import { machineName, type SelfServiceSuggestion } from '../logic/self-service.js';
import { theme } from '../styles/theme.js';

/**
 * After "Take me there": where the machines are. No ticket is issued; the kiosk goes back to the
 * start by itself.
 *
 * @fires back-to-start - the customer is done.
 */
@localized()
@customElement('diverted-screen')
export class DivertedScreen extends LitElement {
  /** The machines the customer was sent to. */
  @property({ attribute: false }) suggestion: SelfServiceSuggestion | null = null;

  /** Machine names are shown in this language, as service names are. */
  @property() locale: KioskLocale = 'en';

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 40px;
        padding: 96px 64px 48px;
        height: 100%;
      }
      .machine {
        font-size: 260px;
        color: var(--accent);
        line-height: 1;
      }
      h1 {
        margin: 0;
        font-size: 72px;
        line-height: 1.2;
        font-weight: 800;
      }
      p {
        margin: 0;
        font-size: 40px;
        line-height: 1.4;
      }
      .labels {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .labels li {
        padding: 12px 28px;
        border-radius: 999px;
        background: var(--accent-soft);
        color: var(--accent);
        font-size: 36px;
        font-weight: 700;
      }
      .help {
        color: var(--text-muted);
      }
      .button {
        margin-top: auto;
        min-height: 140px;
        font-size: 44px;
      }
    `,
  ];

  override render() {
    const suggestion = this.suggestion;
    if (!suggestion) return nothing;
    const atm = suggestion.machineKind === 'atm';
    return html`
      <div class="machine">${icon(atm ? 'atm' : 'terminal')}</div>
      <h1>${atm ? msg('Please go to the ATMs') : msg('Please go to the self-service terminals')}</h1>
      <p>${msg('You will find them in the self-service area. Look for:')}</p>
      <ul class="labels">
        ${suggestion.machines.map((machine) => html`<li data-testid="machine-name">${machineName(machine, this.locale)}</li>`)}
      </ul>
      <p class="help">${msg('Our lobby staff will gladly show you how to use them.')}</p>
      <button type="button" class="button primary" data-testid="done" @click=${this._onDone}>${msg('Done')}</button>
    `;
  }

  private _onDone() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diverted-screen': DivertedScreen;
  }
}
