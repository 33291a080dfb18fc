import { localized } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { currentLocale } from '../localization.js';
import { formatClockDate, formatClockTime } from '../logic/hall-format.js';
import { hallTheme } from './hall-theme.js';

/** The time and date in the branch's time zone, whatever zone the display's computer is set to. */
@localized()
@customElement('hall-clock')
export class HallClock extends LitElement {
  /** The current time (the server's clock, as the display keeps it). */
  @property({ attribute: false }) now = new Date();

  /** IANA time zone of the branch, e.g. Asia/Shanghai. */
  @property() timeZone = 'UTC';

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        align-items: baseline;
        gap: 20px;
        white-space: nowrap;
      }
      .date {
        font-size: 32px;
        font-weight: 600;
        color: var(--muted);
      }
      .time {
        font-size: 64px;
        line-height: 1;
      }
    `,
  ];

  override render() {
    return html`
      <span class="date">${formatClockDate(this.now, this.timeZone, currentLocale())}</span>
      <time class="time number" datetime=${this.now.toISOString()}>${formatClockTime(this.now, this.timeZone)}</time>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-clock': HallClock;
  }
}
