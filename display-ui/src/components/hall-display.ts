import { localized } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecentCall, Snapshot } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { localName } from '../logic/hall-format.js';
import type { NoticeBoard } from '../logic/notice-board.js';
import { callKey, latestCallPerCounter } from '../logic/recent-calls.js';
import { hallTheme } from './hall-theme.js';
import './current-call.js';
import './hall-clock.js';
import './notice-ticker.js';
import './queue-strip.js';
import './recent-calls.js';

/** Rows in the recent-calls column: one per counter of a typical branch, at a size read from afar. */
const RECENT_ROWS = 6;

/**
 * The wall display of the hall (1920×1080): the call in big type, each counter's latest call,
 * the queues, the time, and the notice and rate boards scrolling at the bottom.
 */
@localized()
@customElement('hall-display')
export class HallDisplay extends LitElement {
  /** The branch as the live socket keeps it. */
  @property({ attribute: false }) state!: Snapshot;

  /** Today's calls, newest first. */
  @property({ attribute: false }) todaysCalls: RecentCall[] = [];

  /** The call in the big area (the one being announced, else the latest). */
  @property({ attribute: false }) spotlight: RecentCall | null = null;

  /** Whether the big area flashes (a new call). */
  @property({ type: Boolean }) flashing = false;

  /** True while the socket is not live: the data is dimmed, never passed off as current. */
  @property({ type: Boolean }) stale = false;

  @property({ attribute: false }) now = new Date();

  @property({ attribute: false }) board: NoticeBoard | null = null;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: grid;
        grid-template-rows: 88px minmax(0, 1fr) 188px 76px;
        grid-template-columns: minmax(0, 1fr) 600px;
        grid-template-areas:
          'top top'
          'call recent'
          'queues queues'
          'ticker ticker';
        gap: 20px 24px;
        height: 100%;
        box-sizing: border-box;
        padding: 20px 32px 0;
        background: var(--background);
      }
      header {
        grid-area: top;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 32px;
      }
      h1 {
        margin: 0;
        font-size: 48px;
        line-height: 1.1;
        color: var(--accent);
        white-space: nowrap;
      }
      h1 .en {
        display: inline;
        margin-left: 20px;
        font-size: 30px;
      }
      current-call {
        grid-area: call;
      }
      recent-calls {
        grid-area: recent;
      }
      queue-strip {
        grid-area: queues;
      }
      notice-ticker {
        grid-area: ticker;
        margin: 0 -32px;
      }
    `,
  ];

  override render() {
    const { branch, services, queues } = this.state;
    const dim = this.stale ? 'stale' : '';
    return html`
      <header>
        <h1>${localName(branch.name, currentLocale())}${englishLine(branch.name.en)}</h1>
        <hall-clock .now=${this.now} timeZone=${branch.timeZone}></hall-clock>
      </header>
      <current-call class=${dim} .call=${this.spotlight} ?flashing=${this.flashing && !this.stale}></current-call>
      <recent-calls
        class=${dim}
        .calls=${latestCallPerCounter(this.todaysCalls, RECENT_ROWS)}
        .spotlightKey=${this.spotlight ? callKey(this.spotlight) : null}
      ></recent-calls>
      <queue-strip class=${dim} .services=${services} .queues=${queues}></queue-strip>
      <notice-ticker .board=${this.board}></notice-ticker>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-display': HallDisplay;
  }
}
