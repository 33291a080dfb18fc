import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RecentCall } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { counterName } from '../logic/hall-format.js';
import { callKey } from '../logic/recent-calls.js';
import { hallTheme } from './hall-theme.js';

/**
 * The right-hand column of the wall display: the last calls, newest first, whichever counter made
 * them, for the customer who looked away. Calls also in the big area are marked.
 */
@localized()
@customElement('recent-calls')
export class RecentCalls extends LitElement {
  /** Calls to list, newest first (logic/recent-calls.ts `latestCalls`). */
  @property({ attribute: false }) calls: RecentCall[] = [];

  /** `callKey`s of the calls in the big area, which are marked in the list too. */
  @property({ attribute: false }) spotlightKeys: ReadonlySet<string> = new Set();

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        background: var(--surface);
        border-radius: 24px;
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        padding: 14px 24px;
        box-sizing: border-box;
        overflow: hidden;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 40px;
        line-height: 1.2;
        white-space: nowrap;
      }
      /* English beside the Chinese, not under it: eight rows must fit at a size read from afar. */
      .en {
        display: inline;
        margin-left: 14px;
        font-size: 32px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: minmax(136px, auto) auto minmax(0, 1fr);
        align-items: baseline;
        column-gap: 16px;
        padding: 2px 12px;
        border-top: 2px solid var(--line);
      }
      li.spotlight {
        background: var(--accent-soft);
        border-radius: 12px;
      }
      .number {
        font-size: 46px;
        line-height: 1.15;
        color: var(--accent);
      }
      .arrow {
        font-size: 36px;
        font-weight: 800;
        color: var(--muted);
      }
      .counter {
        font-size: 40px;
        font-weight: 700;
        line-height: 1.1;
        white-space: nowrap;
      }
      .empty {
        font-size: 36px;
        color: var(--muted);
        margin: 24px 0 0;
      }
    `,
  ];

  override render() {
    const locale = currentLocale();
    return html`
      <h2>${msg('Recent calls')}${englishLine('Recent calls')}</h2>
      ${this.calls.length === 0
        ? html`<p class="empty">${msg('No calls yet today')}${englishLine('No calls yet today')}</p>`
        : html`<ol>
            ${repeat(
              this.calls,
              callKey,
              (call) => html`
                <li data-testid="recent-call" class=${this.spotlightKeys.has(callKey(call)) ? 'spotlight' : ''}>
                  <span class="number">${call.number}</span>
                  <span class="arrow" aria-hidden="true">→</span>
                  <span class="counter">${counterName(call.counterNumber, locale)}${englishLine(counterName(call.counterNumber, 'en'))}</span>
                </li>
              `,
            )}
          </ol>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'recent-calls': RecentCalls;
  }
}
