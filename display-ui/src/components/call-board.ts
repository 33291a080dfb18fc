import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RecentCall } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { counterName } from '../logic/hall-format.js';
import { callKey } from '../logic/recent-calls.js';
import type { SpotlightGroup } from '../logic/spotlight.js';
import { flashStyles } from './flash-styles.js';
import { hallTheme } from './hall-theme.js';
import './current-call.js';

/**
 * The big area of the wall display: the newest call large, and the other counters' calls of the
 * last seconds beside it, so that calls made together are all on screen at once.
 */
@localized()
@customElement('call-board')
export class CallBoard extends LitElement {
  /** The newest call and those beside it (logic/spotlight.ts). */
  @property({ attribute: false }) group: SpotlightGroup = { newest: null, beside: [] };

  /** Which calls flash now, by `callKey`. */
  @property({ attribute: false }) flashing: ReadonlySet<string> = new Set();

  static override styles = [
    hallTheme,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 20px;
        min-height: 0;
      }
      :host([beside]) {
        grid-template-columns: minmax(0, 1fr) 600px;
      }
      current-call {
        min-width: 0;
        min-height: 0;
      }
      .beside {
        display: grid;
        grid-auto-rows: minmax(0, 168px);
        align-content: start;
        gap: 12px;
        min-height: 0;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .call {
        display: grid;
        grid-template-columns: auto auto minmax(0, 1fr);
        align-items: center;
        column-gap: 14px;
        padding: 8px 20px;
        border-radius: 20px;
        background: var(--surface);
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        overflow: hidden;
      }
      .call .number {
        font-size: 80px;
        line-height: 1;
        color: var(--accent);
      }
      .call.flash .number {
        color: inherit;
      }
      .arrow {
        font-size: 52px;
        font-weight: 800;
        color: var(--muted);
      }
      .call.flash .arrow {
        color: inherit;
      }
      /* "Counter 12" on one line: a number split from its counter misleads. */
      .counter {
        font-size: 44px;
        font-weight: 800;
        line-height: 1.1;
        white-space: nowrap;
      }
      .counter .en {
        font-size: 32px;
        color: inherit;
        opacity: 0.8;
      }
    `,
    // Last: a flashing call's colours win over its resting ones.
    flashStyles,
  ];

  override updated(): void {
    this.toggleAttribute('beside', this.group.beside.length > 0);
  }

  override render() {
    const { newest, beside } = this.group;
    const locale = currentLocale();
    return html`
      <current-call .call=${newest} ?flashing=${this.isFlashing(newest)} ?compact=${beside.length > 0}></current-call>
      ${beside.length > 0
        ? html`<ol class="beside" aria-label=${msg('Also calling')}>
            ${repeat(
              beside,
              callKey,
              (call) => html`<li class="call ${this.isFlashing(call) ? 'flash' : ''}" data-testid="beside-call">
                <span class="number" data-testid="beside-number">${call.number}</span>
                <span class="arrow" aria-hidden="true">→</span>
                <span class="counter">${counterName(call.counterNumber, locale)}${englishLine(counterName(call.counterNumber, 'en'))}</span>
              </li>`,
            )}
          </ol>`
        : null}
    `;
  }

  private isFlashing(call: RecentCall | null): boolean {
    return call !== null && this.flashing.has(callKey(call));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'call-board': CallBoard;
  }
}
