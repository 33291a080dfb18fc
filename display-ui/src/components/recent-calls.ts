import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RecentCall } from '../../../protocol/index.js';
import { englishLine } from '../localization.js';
import { callKey } from '../logic/recent-calls.js';
import { hallTheme } from './hall-theme.js';

/** The right-hand column of the wall display: each counter's latest call, newest first. */
@localized()
@customElement('recent-calls')
export class RecentCalls extends LitElement {
  /** Calls to list, newest first (one per counter). */
  @property({ attribute: false }) calls: RecentCall[] = [];

  /** `callKey` of the call in the big area, which is marked in the list too. */
  @property() spotlightKey: string | null = null;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        background: var(--surface);
        border-radius: 24px;
        box-shadow: 0 2px 10px rgb(16 42 67 / 0.08);
        padding: 20px 28px;
        box-sizing: border-box;
        overflow: hidden;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 40px;
        line-height: 1.2;
      }
      h2 .en {
        font-size: 24px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        column-gap: 24px;
        padding: 6px 16px;
        border-top: 2px solid var(--line);
      }
      li.spotlight {
        background: var(--accent-soft);
        border-radius: 12px;
      }
      .number {
        font-size: 60px;
        line-height: 1.05;
        color: var(--accent);
      }
      .counter {
        font-size: 40px;
        font-weight: 700;
        line-height: 1.1;
        white-space: nowrap;
      }
      .counter .en {
        font-size: 22px;
      }
      .empty {
        font-size: 36px;
        color: var(--muted);
        margin: 24px 0 0;
      }
    `,
  ];

  override render() {
    return html`
      <h2>${msg('Recent calls')}${englishLine('Recent calls')}</h2>
      ${this.calls.length === 0
        ? html`<p class="empty">${msg('No calls yet today')}${englishLine('No calls yet today')}</p>`
        : html`<ol>
            ${repeat(
              this.calls,
              (call) => call.counterId,
              (call) => html`
                <li data-testid="recent-call" class=${callKey(call) === this.spotlightKey ? 'spotlight' : ''}>
                  <span class="number">${call.number}</span>
                  <span class="counter">→ ${msg(str`Counter ${call.counterNumber}`)}${englishLine(`Counter ${call.counterNumber}`)}</span>
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
