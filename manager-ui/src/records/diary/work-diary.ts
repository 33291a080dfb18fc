import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../../../../protocol/api-client.js';
import type { DiaryEntry, DiaryEntryBody, DiaryFigures } from '../../../../protocol/diary-routes.js';
import type { User } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../../app-context.js';
import { getLocale } from '../../localization.js';
import { businessDayAt } from '../../reports/report-period.js';
import { errorText } from '../../shell/error-text.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { diaryApi } from './diary-api.js';
import './diary-entry-card.js';
import './diary-entry-form.js';
import type { DiaryEntryForm } from './diary-entry-form.js';
import './diary-figures.js';
import { diaryPage } from './diary-styles.js';
import { dayText, monthText, shiftMonth } from './diary-text.js';

/**
 * The lobby manager's work diary (大堂經理工作日誌): the signed-in manager's entry for today (or for
 * yesterday, until the end of today), with the day's figures from the hall's records above it; and
 * every manager's entries by month, each locked once the end of its next business day has passed.
 * Admins and branch heads read; only lobby managers write.
 */
@localized()
@customElement('work-diary')
export class WorkDiary extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  /** The branch's business day, as the server last said (a guess from the branch's clock until then). */
  @state() private _today = '';
  /** The month the list shows (YYYY-MM). */
  @state() private _month = '';
  @state() private _entries: DiaryEntry[] | null = null;
  /** Entries of today's month, where the manager's own entry for today is. */
  @state() private _todayMonth: DiaryEntry[] = [];
  /** A past entry of the manager's, still open, chosen to be changed; null for today's. */
  @state() private _editing: DiaryEntry | null = null;
  @state() private _figures: DiaryFigures | null = null;
  @state() private _saveError = '';
  @state() private _saveStatus = '';

  private _lists = new RequestController(this, 'latest');
  private _figureRequests = new RequestController(this, 'latest');
  private _saves = new RequestController(this, 'one-at-a-time');
  private _hintsSeen: number | undefined;

  static override styles = [tokens, buttons, diaryPage];

  private get _branchId() {
    return this._live.snapshot?.branch.id ?? null;
  }

  private get _day() {
    return this._editing?.businessDay ?? this._today;
  }

  private get _writes() {
    return this._user?.role === 'manager';
  }

  override willUpdate() {
    const branch = this._live.snapshot?.branch;
    if (!branch) return;
    if (!this._today) {
      // Until the server answers, the branch's clock tells which month to ask for.
      this._today = businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone);
      this._month = this._today.slice(0, 7);
      this._hintsSeen = this._live.recordHints.diary;
      void this._loadLists();
      void this._loadFigures(this._today);
    } else if (this._live.recordHints.diary !== this._hintsSeen) {
      // Another screen saved an entry: fetch the lists again.
      this._hintsSeen = this._live.recordHints.diary;
      void this._loadLists();
    }
  }

  override render() {
    if (!this._live.snapshot || !this._today) return html`<p class="loading">${msg('Loading…')}</p>`;
    return html`<div class="page">${this._renderDay()} ${this._renderMonth()}</div>`;
  }

  private _renderDay() {
    const locale = getLocale();
    const day = this._day;
    const own = this._editing ?? this._todayMonth.find((e) => e.businessDay === day && e.authorId === this._user?.id) ?? null;
    return html`<section class="card" aria-labelledby="day-title" data-testid="diary-day">
      <header class="section-head">
        <h2 id="day-title">
          ${this._editing ? msg(str`Diary of ${dayText(day, locale)}`) : msg(str`Today's diary · ${dayText(day, locale)}`)}
        </h2>
        ${this._editing
          ? html`<button type="button" data-testid="diary-back-to-today" @click=${this._onBackToToday}>${msg('Back to today')}</button>`
          : nothing}
      </header>
      <h3>${msg('Figures of the day')}</h3>
      <p class="note">${msg("Counted from the hall's tickets and records; they cannot be edited here.")}</p>
      ${this._figureRequests.error ? html`<p class="error" role="alert">${this._figureRequests.error}</p>` : nothing}
      <diary-figures .figures=${this._figures}></diary-figures>
      ${this._writes
        ? html`<h3>${msg('Notes')}</h3>
            <diary-entry-form
              .day=${day}
              .entry=${own}
              ?busy=${this._saves.busy}
              .error=${this._saveError}
              .status=${this._saveStatus}
              @diary-save=${this._onSave}
            ></diary-entry-form>`
        : html`<p class="note" data-testid="diary-readers-note">${msg('Lobby managers write the diary; here you can read every entry.')}</p>`}
    </section>`;
  }

  private _renderMonth() {
    const locale = getLocale();
    const latest = this._today.slice(0, 7);
    return html`<section class="card" aria-labelledby="month-title" data-testid="diary-month">
      <header class="section-head">
        <h2 id="month-title">${msg(str`Entries of ${monthText(this._month, locale)}`)}</h2>
        <div class="month-picker">
          <button type="button" aria-label=${msg('Previous month')} data-testid="diary-month-previous" @click=${() => this._showMonth(shiftMonth(this._month, -1))}>‹</button>
          <input
            type="month"
            aria-label=${msg('Month')}
            data-testid="diary-month-input"
            .value=${this._month}
            max=${latest}
            @change=${this._onMonthInput}
          />
          <button
            type="button"
            aria-label=${msg('Next month')}
            data-testid="diary-month-next"
            ?disabled=${this._month >= latest}
            @click=${() => this._showMonth(shiftMonth(this._month, 1))}
          >
            ›
          </button>
        </div>
      </header>
      ${this._lists.error ? html`<p class="error" role="alert">${this._lists.error}</p>` : nothing}
      ${this._entries === null
        ? html`<p class="loading">${msg('Loading…')}</p>`
        : this._entries.length === 0
          ? html`<p class="empty" data-testid="diary-empty">${msg('No diary entries this month.')}</p>`
          : html`<div class="entries" @diary-edit=${this._onEdit}>
              ${this._entries.map((entry) => html`<diary-entry-card .entry=${entry} ?mine=${entry.authorId === this._user?.id}></diary-entry-card>`)}
            </div>`}
    </section>`;
  }

  private async _loadLists() {
    const branchId = this._branchId;
    if (!branchId) return;
    const api = diaryApi(this._api, branchId);
    const month = this._month;
    const outcome = await this._lists.run(async () => {
      const shown = await api.month(month);
      const todayMonth = shown.today.slice(0, 7);
      return { shown, todayEntries: todayMonth === month ? shown.entries : (await api.month(todayMonth)).entries };
    });
    if (outcome.status !== 'done') return;
    const { shown, todayEntries } = outcome.value;
    const dayChanged = shown.today !== this._today;
    this._today = shown.today;
    this._entries = shown.entries;
    this._todayMonth = todayEntries;
    // The entry being changed, as saved now; back to today once it has locked.
    if (this._editing) {
      const now = [...shown.entries, ...todayEntries].find((e) => e.id === this._editing!.id) ?? this._editing;
      this._editing = now.locked ? null : now;
    }
    if (dayChanged && !this._editing) void this._loadFigures(this._today);
  }

  private async _loadFigures(day: string) {
    const branchId = this._branchId;
    if (!branchId) return;
    this._figures = null;
    const outcome = await this._figureRequests.run(() => diaryApi(this._api, branchId).figures(day));
    if (outcome.status === 'done') this._figures = outcome.value;
  }

  private _showMonth(month: string) {
    if (!/^\d{4}-\d{2}$/.test(month) || month > this._today.slice(0, 7)) return;
    this._month = month;
    this._entries = null;
    void this._loadLists();
  }

  private _onMonthInput(event: Event) {
    this._showMonth((event.target as HTMLInputElement).value);
  }

  private _onEdit(event: CustomEvent<DiaryEntry>) {
    this._editing = event.detail.businessDay === this._today ? null : event.detail;
    this._saveError = '';
    this._saveStatus = '';
    void this._loadFigures(this._day);
    this.renderRoot.querySelector('#day-title')?.scrollIntoView({ block: 'start' });
  }

  private _onBackToToday() {
    this._editing = null;
    this._saveError = '';
    this._saveStatus = '';
    void this._loadFigures(this._today);
  }

  private async _onSave(event: CustomEvent<DiaryEntryBody>) {
    const branchId = this._branchId;
    if (!branchId) return;
    const day = this._day;
    this._saveError = '';
    this._saveStatus = '';
    const outcome = await this._saves.run(() => diaryApi(this._api, branchId).save(day, event.detail));
    if (outcome.status === 'failed') {
      const locked = outcome.error instanceof ApiError && outcome.error.code === 'RECORD_LOCKED';
      this._saveError = locked ? msg('This entry is locked: the end of its next business day has passed.') : errorText(outcome.error);
      if (locked) void this._loadLists();
      return;
    }
    if (outcome.status !== 'done') return;
    const saved = outcome.value;
    this.renderRoot.querySelector<DiaryEntryForm>('diary-entry-form')?.markSaved();
    if (this._editing) this._editing = saved;
    this._todayMonth = [...this._todayMonth.filter((e) => e.id !== saved.id), saved];
    this._saveStatus = msg(str`Saved at ${this._timeText(saved.updatedAt)}`);
    void this._loadLists();
  }

  /** A time of day on the branch's clock: 16:02. */
  private _timeText(iso: string): string {
    const timeZone = this._live.snapshot?.branch.timeZone;
    return new Date(iso).toLocaleTimeString(getLocale(), { hour: '2-digit', minute: '2-digit', hour12: false, ...(timeZone ? { timeZone } : {}) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'work-diary': WorkDiary;
  }
}
