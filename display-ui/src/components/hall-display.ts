import { localized } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecentCall, Snapshot } from '../../../protocol/index.js';
import { currentLocale, englishLine } from '../localization.js';
import { localName } from '../logic/hall-format.js';
import type { NoticeBoard } from '../logic/notice-board.js';
import { callKey, latestCalls, RECENT_LIST_SIZE } from '../logic/recent-calls.js';
import type { SpotlightGroup } from '../logic/spotlight.js';
import { hallTheme } from './hall-theme.js';
import './call-board.js';
import './hall-clock.js';
import './notice-ticker.js';
import './queue-strip.js';
import './recent-calls.js';

/**
 * The wall display of the hall (1920×1080): the newest call in big type with the calls of the last
 * seconds beside it, the last calls, the queues, the time, and the notice and rate boards scrolling
 * at the bottom.
 */
@localized()
@customElement('hall-display')
export class HallDisplay extends LitElement {
  /** The branch as the live socket keeps it. */
  @property({ attribute: false }) state!: Snapshot;

  /** Today's calls, newest first. */
  @property({ attribute: false }) todaysCalls: RecentCall[] = [];

  /** The calls in the big area (logic/spotlight.ts). */
  @property({ attribute: false }) group: SpotlightGroup = { newest: null, beside: [] };

  /** Which calls flash now, by `callKey`. */
  @property({ attribute: false }) flashing: ReadonlySet<string> = new Set();

  /** True while the socket is not live: the data is dimmed, never passed off as current. */
  @property({ type: Boolean }) stale = false;

  @property({ attribute: false }) now = new Date();

  @property({ attribute: false }) board: NoticeBoard | null = null;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: grid;
        grid-template-rows: 68px minmax(0, 1fr) auto 68px;
        grid-template-columns: minmax(0, 1fr) 620px;
        grid-template-areas:
          'top top'
          'call recent'
          'queues queues'
          'ticker ticker';
        gap: 14px 24px;
        height: 100%;
        box-sizing: border-box;
        padding: 16px 32px 0;
        background: var(--background);
      }
      header {
        grid-area: top;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 32px;
        min-width: 0;
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
        font-size: 32px;
      }
      call-board {
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
    const { branch, services, queues, counters } = this.state;
    const dim = this.stale ? 'stale' : '';
    const { newest, beside } = this.group;
    const inBigArea = new Set([newest, ...beside].filter((c): c is RecentCall => c !== null).map(callKey));
    return html`
      <header>
        <h1>${localName(branch.name, currentLocale())}${englishLine(branch.name.en)}</h1>
        <hall-clock .now=${this.now} timeZone=${branch.timeZone}></hall-clock>
      </header>
      <call-board class=${dim} .group=${this.group} .flashing=${this.stale ? new Set<string>() : this.flashing}></call-board>
      <recent-calls class=${dim} .calls=${latestCalls(this.todaysCalls, RECENT_LIST_SIZE)} .spotlightKeys=${inBigArea}></recent-calls>
      <queue-strip
        class=${dim}
        .services=${services}
        .counters=${counters}
        .queues=${queues}
        .now=${this.now}
        timeZone=${branch.timeZone}
      ></queue-strip>
      <notice-ticker .board=${this.board}></notice-ticker>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-display': HallDisplay;
  }
}
