import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { currentLocale, englishLine } from '../localization.js';
import { tickerDurationSeconds } from '../logic/hall-format.js';
import { tickerLines, type NoticeBoard } from '../logic/notice-board.js';
import { hallTheme } from './hall-theme.js';

/**
 * The bottom line of the wall display: the branch's notices and its interest-rate board
 * (利率牌), scrolling slowly from right to left at a steady pace, whatever their length.
 */
@localized()
@customElement('notice-ticker')
export class NoticeTicker extends LitElement {
  /** The boards to scroll; null until they are loaded. */
  @property({ attribute: false }) board: NoticeBoard | null = null;

  @query('.copy') private copy!: HTMLElement | null;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        align-items: center;
        overflow: hidden;
        background: var(--accent);
        color: #ffffff;
        font-size: 36px;
        font-weight: 600;
        white-space: nowrap;
      }
      .title {
        flex: none;
        align-self: stretch;
        display: flex;
        align-items: center;
        padding: 0 28px;
        background: #083a73;
        font-weight: 800;
        z-index: 1;
      }
      .window {
        flex: 1;
        overflow: hidden;
      }
      .track {
        display: inline-flex;
        animation: scroll var(--ticker-duration, 60s) linear infinite;
      }
      @keyframes scroll {
        to {
          transform: translateX(-50%);
        }
      }
      .copy {
        display: inline-flex;
        align-items: baseline;
      }
      .line {
        padding: 0 28px;
      }
      .line + .line::before {
        content: '◆';
        padding-right: 56px;
        font-size: 0.6em;
        vertical-align: middle;
        opacity: 0.7;
      }
      .en {
        display: inline;
        color: inherit;
        opacity: 0.85;
        /* 32 px: English read from 5 m. */
        font-size: 32px;
        margin-left: 16px;
      }
      .rate {
        font-family: var(--number-font);
        font-weight: 700;
        color: #ffe08a;
        margin-left: 16px;
      }
      .rates-heading {
        color: #ffe08a;
        font-weight: 800;
      }
    `,
  ];

  override render() {
    const lines = this.board ? tickerLines(this.board, currentLocale()) : [];
    const firstRate = lines.findIndex((l) => l.kind === 'rate');
    const copy = html`${lines.map(
      (line, i) => html`<span class="line">
        ${i === firstRate ? html`<span class="rates-heading">${msg('Deposit rates (per year)')}${englishLine('Deposit rates (per year)')}</span> ` : null}
        ${line.text}${line.english ? html`<span class="en" lang="en">${line.english}</span>` : null}
        ${line.value ? html`<span class="rate">${line.value}</span>` : null}
      </span>`,
    )}`;
    return html`
      <span class="title">${msg('Notices')}${englishLine(' · Notices', 'en')}</span>
      <div class="window">
        ${lines.length > 0
          ? // Two copies side by side: when the first has scrolled away, the second is exactly where it began.
            html`<div class="track"><span class="copy">${copy}</span><span class="copy" aria-hidden="true">${copy}</span></div>`
          : null}
      </div>
    `;
  }

  // Every update, because a change of language changes the width too; the value rarely changes.
  protected override updated(): void {
    if (!this.copy) return;
    const duration = `${tickerDurationSeconds(this.copy.getBoundingClientRect().width)}s`;
    if (this.style.getPropertyValue('--ticker-duration') !== duration) this.style.setProperty('--ticker-duration', duration);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notice-ticker': NoticeTicker;
  }
}
