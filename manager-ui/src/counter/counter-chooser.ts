import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Counter, Service, User } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { counterName, counterStatusLabel } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/**
 * The counters of the branch, to pick the one to work at. A counter another teller staffs cannot be taken.
 * @fires counter-chosen - detail: { counterId }
 */
@localized()
@customElement('counter-chooser')
export class CounterChooser extends LitElement {
  /** Counters in number order. */
  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) services: Service[] = [];
  /** The signed-in user. */
  @property({ attribute: false }) user: User | null = null;
  /** Disables the buttons while a request runs. */
  @property({ type: Boolean }) busy = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        padding: 24px 32px;
      }
      h1 {
        margin: 0 0 16px;
        font-size: 28px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 16px;
      }
      li {
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 12px;
        padding: 16px;
        display: grid;
        gap: 8px;
      }
      .name {
        font-size: 24px;
        font-weight: 700;
      }
      .status,
      .serves {
        color: var(--muted);
      }
      .tags {
        display: flex;
        gap: 6px;
      }
      .tags span {
        font-size: 13px;
        font-weight: 700;
        border-radius: 6px;
        padding: 1px 8px;
        background: #e3edf8;
        color: var(--accent);
      }
      button {
        min-height: 52px;
        font-size: 19px;
      }
    `,
  ];

  override render() {
    return html`<h1>${msg('Choose your counter')}</h1>
      <ul>
        ${this.counters.map((counter) => this._renderCounter(counter))}
      </ul>`;
  }

  private _renderCounter(counter: Counter) {
    const locale = getLocale();
    const serves = this.services.filter((s) => counter.serviceIds.includes(s.id));
    const takenBy = counter.status !== 'closed' && counter.tellerId && counter.tellerId !== this.user?.id ? counter.tellerName : null;
    const label = counter.status === 'closed' ? msg('Open this counter') : counter.status === 'paused' ? msg('Resume here') : msg('Work here');
    return html`<li>
      <span class="name">${counterName(counter.number)}</span>
      <span class="tags">${counter.vip ? html`<span>★ ${msg('VIP counter')}</span>` : ''}${counter.lowCounter ? html`<span>${msg('Low counter')}</span>` : ''}</span>
      <span class="serves">${serves.map((s) => `${s.prefix} ${localizedName(s.name, locale)}`).join(' · ')}</span>
      <span class="status">${counterStatusLabel(counter.status)}${takenBy ? ` · ${takenBy}` : ''}</span>
      <button
        class=${takenBy ? '' : 'primary'}
        data-testid="open-counter-${counter.number}"
        ?disabled=${this.busy || takenBy !== null}
        @click=${() => this._onChoose(counter.id)}
      >
        ${takenBy ? msg(str`Staffed by ${takenBy}`) : label}
      </button>
    </li>`;
  }

  private _onChoose(counterId: string) {
    this.dispatchEvent(new CustomEvent('counter-chosen', { detail: { counterId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-chooser': CounterChooser;
  }
}
