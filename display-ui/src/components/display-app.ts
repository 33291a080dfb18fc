import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, ApiError, fillPath, isAtCounter, liveUrl, NOTICE_ROUTE, type DomainEvent, type LiveClient, type RecentCall } from '../../../protocol/index.js';
import { hideStoredTokenInAddress } from '../../../protocol/device-address.js';
import { LiveController } from '../../../protocol/live-controller.js';
import { HallAudio } from '../audio/hall-audio.js';
import { HallVoice } from '../audio/hall-voice.js';
import { applyLocale, currentLocale, englishLine } from '../localization.js';
import { AnnouncementQueue } from '../logic/announcement-queue.js';
import { announcementFor, chineseScriptFor } from '../logic/announcement-text.js';
import { readDisplayConfig, rememberedToken, type DisplayConfig } from '../logic/display-config.js';
import { NOTICE_REFRESH_MS, type NoticeBoard } from '../logic/notice-board.js';
import { CallTracker, callKey, callsOfToday } from '../logic/recent-calls.js';
import { Spotlight, spotlightGroup } from '../logic/spotlight.js';
import { hallTheme } from './hall-theme.js';
import './connection-banner.js';
import './counter-display.js';
import type { RatingRequest } from './counter-display.js';
import './enable-sound.js';
import './hall-display.js';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The display page: the wall display of the hall, or with `?counter=3` the screen above one
 * counter. It keeps the branch live, announces every call on the wall display, and fetches
 * the notice boards every few minutes.
 */
@localized()
@customElement('display-app')
export class DisplayApp extends LitElement {
  private readonly config: DisplayConfig = readDisplayConfig(location.search, storage());
  private readonly live = new LiveController(this, () =>
    this.config.branchId && this.config.token ? { url: liveUrl(this.config.branchId, this.config.token) } : null,
  );
  private readonly api = new ApiClient({ token: this.config.token });
  private readonly tracker = new CallTracker();
  private readonly spotlight = new Spotlight();
  // The wall display speaks; a counter screen stays silent, or the hall would hear every call twice.
  private readonly audio = this.config.counterNumber === null ? new HallAudio() : null;
  // The branch's voice pack, built-in pack or speech (settings announcementVoice, announcementLanguages).
  private readonly voice = this.audio && this.config.branchId ? new HallVoice(this.audio, this.config.branchId, this.config.token) : null;
  private readonly announcements = new AnnouncementQueue<RecentCall>({
    chime: () => this.audio?.chime() ?? Promise.resolve(),
    playVoice: (call) => this.voice?.play(call) ?? Promise.resolve(false),
    speak: (text, lang) => this.audio?.speak(text, lang) ?? Promise.resolve(),
    cancelSpeech: () => this.audio?.cancelSpeech(),
    onError: (error) => console.warn('announcement:', error),
  });

  @state() private now = new Date();
  @state() private board: NoticeBoard | null = null;
  @state() private refused: string | null = null;
  /** Per-counter mode: the completed ticket whose customer the rating pad asks. */
  @state() private rating: RatingRequest | null = null;

  /** Server time minus local time: the clock and "today" follow the server, not the PC's clock. */
  private clockOffsetMs = 0;
  private snapshotsSeen = 0;
  private cleanups: (() => void)[] = [];

  static override styles = [
    hallTheme,
    css`
      :host {
        position: fixed;
        inset: 0;
        display: block;
        overflow: hidden;
        background: var(--background);
      }
      /* Banner and sound button stack at the top, over the branch name, never over the calls. */
      .overlays {
        position: absolute;
        inset: 0 0 auto;
        z-index: 10;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 14px;
        pointer-events: none;
      }
      .overlays > * {
        pointer-events: auto;
      }
      connection-banner {
        align-self: stretch;
      }
      connection-banner + enable-sound {
        margin-top: 0;
      }
      enable-sound {
        margin-top: 14px;
      }
      .message {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        height: 100%;
        margin: 0;
        padding: 0 10vw;
        text-align: center;
        font-size: clamp(24px, 4vh, 48px);
        font-weight: 700;
        color: var(--muted);
      }
      .message .en {
        font-size: 0.7em;
        margin-top: 12px;
      }
      .refused {
        position: absolute;
        inset: auto 0 0;
        z-index: 10;
        padding: 12px 24px;
        background: #c62828;
        color: #ffffff;
        font-size: 28px;
        font-weight: 700;
        text-align: center;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    hideStoredTokenInAddress(rememberedToken(storage()));
    if (this.config.locale) void applyLocale(this.config.locale);
    const client = this.live.client;
    if (!client) return;
    this.cleanups.push(client.subscribe((c, event) => this._onLiveChange(c, event)));
    const tick = setInterval(() => (this.now = this.serverNow()), 1000);
    const notices = setInterval(() => void this.loadNotices(), NOTICE_REFRESH_MS);
    this.cleanups.push(() => clearInterval(tick), () => clearInterval(notices));
    if (this.audio) this.cleanups.push(this.audio.onStateChange(() => this.requestUpdate()));
    void this.loadNotices();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.announcements.dispose();
    this.audio?.close();
  }

  override render() {
    const { branchId, token, counterNumber } = this.config;
    if (!branchId || !token) {
      return html`<p class="message">
        ${msg('This display is not set up: open it with its branch and device token in the address.')}
        ${englishLine('This display is not set up: open it with its branch and device token in the address.')}
      </p>`;
    }
    if (this.live.signedOut) {
      // Not "Reconnecting…" forever: the server revoked this display's token, and only staff can set it up again.
      return html`<p class="message" role="alert" data-testid="signed-out">
        ${msg('This device was signed out')} ${englishLine('This device was signed out')}
      </p>`;
    }
    const state = this.live.state;
    const stale = this.live.stale;
    const now = this.now;
    const todaysCalls = state ? callsOfToday(state.recentCalls, now, state.branch.timeZone) : [];
    const localNow = Date.now();
    const atCounter = new Set(state?.tickets.filter((t) => isAtCounter(t.status)).map((t) => t.id));
    const group = spotlightGroup(todaysCalls, atCounter, now.getTime());
    const flashing = new Set(todaysCalls.filter((c) => this.spotlight.isFlashing(c, localNow)).map(callKey));
    return html`
      <div class="overlays">
        ${stale ? html`<connection-banner .connection=${this.live.connection}></connection-banner>` : nothing}
        ${this.audio?.suspended ? html`<enable-sound @enable-sound=${this._onEnableSound}></enable-sound>` : nothing}
      </div>
      ${!state
        ? html`<p class="message"></p>`
        : counterNumber !== null
          ? html`<counter-display
              .state=${state}
              .counterNumber=${counterNumber}
              .rating=${this.rating}
              .api=${this.api}
              ?flashing=${this.spotlight.anyFlashing(localNow) && !stale}
              ?stale=${stale}
              @pad-done=${this._onPadDone}
            ></counter-display>`
          : html`<hall-display
              .state=${state}
              .todaysCalls=${todaysCalls}
              .group=${group}
              .flashing=${flashing}
              ?stale=${stale}
              .now=${now}
              .board=${this.board}
            ></hall-display>`}
      ${this.refused ? html`<div class="refused" role="alert">${msg('The server refused this display’s device token:')} ${this.refused}</div>` : nothing}
    `;
  }

  private serverNow(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  private _onLiveChange(client: LiveClient, event?: DomainEvent): void {
    const state = client.state;
    if (!state) return;
    if (event?.type === 'ticket.completed' && this.config.counterNumber !== null) this.askForRating(event.ticket, event.counter?.id ?? event.ticket.counterId, state);
    if (client.snapshots !== this.snapshotsSeen) {
      // A snapshot's `at` is the server's clock right now; an event's `at` may be older.
      // A snapshot after the first is a resync (branch.configured or a reconnect): the boards may have changed too.
      if (this.snapshotsSeen > 0) {
        void this.loadNotices();
        this.voice?.resynced();
      }
      this.voice?.configure(state.branch);
      this.snapshotsSeen = client.snapshots;
      this.clockOffsetMs = Date.parse(state.at) - Date.now();
      this.now = this.serverNow();
      if (!this.config.locale && currentLocale() !== state.branch.defaultLocale) void applyLocale(state.branch.defaultLocale);
    }
    // Calls show the moment they arrive, all of them; only the sound takes turns.
    for (const call of this.tracker.newCalls(state.recentCalls, state.at)) {
      if (this.config.counterNumber === null) {
        this.showInSpotlight(call);
        const script = chineseScriptFor(currentLocale(), state.branch.defaultLocale);
        this.announcements.enqueue(call, announcementFor(call, script, state.branch.settings.announcementLanguages));
      } else if (call.counterNumber === this.config.counterNumber) {
        this.showInSpotlight(call);
      }
    }
  }

  /** A ticket completed at this display's counter: its customer is asked to rate the service. */
  private askForRating(ticket: { id: string; number: string }, counterId: string | null, state: NonNullable<LiveClient['state']>): void {
    const counter = state.counters.find((c) => c.id === counterId);
    if (counter?.number === this.config.counterNumber) this.rating = { ticketId: ticket.id, ticketNumber: ticket.number };
  }

  private _onPadDone = () => {
    this.rating = null;
  };

  private showInSpotlight(call: RecentCall): void {
    this.spotlight.arrived(call, Date.now());
    this.requestUpdate();
  }

  private async loadNotices(): Promise<void> {
    const { branchId } = this.config;
    if (!branchId || this.live.signedOut) return;
    try {
      this.board = await this.api.get<NoticeBoard>(fillPath(NOTICE_ROUTE, { branchId }));
      this.refused = null;
    } catch (error) {
      // Keep the last boards on a network failure; a refused token is a set-up problem to show.
      if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
        this.refused = error.message;
      } else {
        console.warn('notices:', error);
      }
    }
  }

  private async _onEnableSound(): Promise<void> {
    await this.audio?.unlock();
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
