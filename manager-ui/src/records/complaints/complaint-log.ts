import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { complaintRoutes, type Complaint, type ComplaintQuery, type ComplaintSummary } from '../../../../protocol/complaint-routes.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from '../../../../protocol/record-kinds.js';
import type { User } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../../app-context.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { TickController } from '../../shell/tick-controller.js';
import './complaint-detail.js';
import { complaintStyles } from './complaint-styles.js';
import './complaint-summary.js';
import { categoryLabel, complaintStatusLabel, dateTimeLabel, overdueLabel } from './complaint-text.js';

interface Filter {
  status: ComplaintStatus | '';
  category: ComplaintCategory | '';
  month: string;
  overdue: boolean;
}

/**
 * The complaint log (客戶投訴記錄表): the branch's complaints, newest first, filtered by state,
 * category, month and overdue, with counts by category and month. Overdue ones (no reply past the
 * deadline) are marked in red with how long. A tap opens one in the detail panel to edit, reply,
 * close or reopen it. The log fetches again when the live socket says a complaint changed.
 */
@localized()
@customElement('complaint-log')
export class ComplaintLog extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _filter: Filter = { status: '', category: '', month: '', overdue: false };
  @state() private _complaints: Complaint[] | null = null;
  @state() private _summary: ComplaintSummary | null = null;
  @state() private _selectedId: string | null = null;

  private _load = new RequestController(this, 'latest');
  private _tick = new TickController(this, 30_000);
  /** The hint count the log was last fetched at: when it moves, someone changed a complaint. */
  private _seenHints = -1;

  static override styles = [
    tokens,
    buttons,
    complaintStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px;
      }
      .filters .field {
        margin: 0;
        min-width: 150px;
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .body.with-detail {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li button {
        width: 100%;
        text-align: start;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 4px 12px;
        padding: 10px 14px;
        border: 2px solid var(--line);
        color: var(--text);
        font-weight: 400;
      }
      li button[aria-pressed='true'] {
        border-color: var(--accent);
        background: #e3edf8;
      }
      li button.is-overdue {
        border-inline-start: 6px solid var(--alarm);
      }
      .title {
        font-weight: 700;
      }
      .excerpt {
        grid-column: 1 / -1;
        color: var(--muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .meta {
        text-align: end;
      }
    `,
  ];

  private get _branchId(): string | null {
    return this._user?.branchId ?? this._live.snapshot?.branch.id ?? null;
  }

  private get _timeZone(): string | undefined {
    return this._live.snapshot?.branch.timeZone;
  }

  private get _now() {
    return Date.now() + this._live.serverOffsetMs;
  }

  protected override willUpdate(_changed: PropertyValues<this>) {
    const hints = this._live.recordHints.complaint ?? 0;
    if (this._branchId && hints !== this._seenHints) {
      this._seenHints = hints;
      void this._fetch();
    }
  }

  /** Fetches the log as filtered and the counts, together. */
  private async _fetch() {
    const branchId = this._branchId;
    if (!branchId) return;
    const f = this._filter;
    const query: ComplaintQuery = {
      ...(f.status ? { status: f.status } : {}),
      ...(f.category ? { category: f.category } : {}),
      ...(f.month ? { month: f.month } : {}),
      ...(f.overdue ? { overdue: true } : {}),
    };
    const outcome = await this._load.run(() =>
      Promise.all([this._api.call(complaintRoutes.list, { branchId, ...query }), this._api.call(complaintRoutes.summary, { branchId })]),
    );
    if (outcome.status !== 'done') return;
    [this._complaints, this._summary] = outcome.value;
  }

  override render() {
    const selected = this._complaints?.find((c) => c.id === this._selectedId) ?? null;
    return html`${this._renderFilters()}
      <complaint-summary .summary=${this._summary}></complaint-summary>
      ${this._load.error ? html`<div class="error" role="alert">${this._load.error}</div>` : nothing}
      <div class="body ${selected ? 'with-detail' : ''}">
        ${this._renderList()}
        ${selected
          ? html`<complaint-detail data-testid="complaint-detail" .complaint=${selected} .now=${this._now} .timeZone=${this._timeZone} @complaint-changed=${this._onChanged}></complaint-detail>`
          : nothing}
      </div>`;
  }

  private _renderFilters() {
    const f = this._filter;
    return html`<form class="filters" role="search" aria-label=${msg('Filter complaints')} @change=${this._onFilter} @submit=${(e: Event) => e.preventDefault()}>
      <label class="field">
        ${msg('State')}
        <select name="status" data-testid="filter-status">
          <option value="" ?selected=${!f.status}>${msg('All states')}</option>
          ${COMPLAINT_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${complaintStatusLabel(s)}</option>`)}
        </select>
      </label>
      <label class="field">
        ${msg('Category')}
        <select name="category" data-testid="filter-category">
          <option value="" ?selected=${!f.category}>${msg('All categories')}</option>
          ${COMPLAINT_CATEGORIES.map((c) => html`<option value=${c} ?selected=${f.category === c}>${categoryLabel(c)}</option>`)}
        </select>
      </label>
      <label class="field">
        ${msg('Month')}
        <input type="month" name="month" data-testid="filter-month" .value=${f.month} />
      </label>
      <label class="chip"><input type="checkbox" name="overdue" data-testid="filter-overdue" .checked=${f.overdue} />${msg('Overdue only')}</label>
    </form>`;
  }

  private _renderList() {
    const complaints = this._complaints;
    if (complaints === null) return html`<div class="empty">${msg('Loading…')}</div>`;
    if (complaints.length === 0) return html`<div class="empty" data-testid="complaints-empty">${msg('No complaints match.')}</div>`;
    const now = this._now;
    return html`<ul aria-label=${msg('Complaints')} data-testid="complaint-list">
      ${complaints.map((c) => {
        const overdue = (c.status === 'open' || c.status === 'reopened') && Date.parse(c.replyDueAt) < now;
        const due = dateTimeLabel(c.replyDueAt, this._timeZone);
        return html`<li>
          <button
            class=${overdue ? 'is-overdue' : ''}
            aria-pressed=${String(c.id === this._selectedId)}
            data-testid="complaint-row"
            data-id=${c.id}
            @click=${() => (this._selectedId = this._selectedId === c.id ? null : c.id)}
          >
            <span class="title">${c.ticketNumber ? `${c.ticketNumber} · ` : ''}${categoryLabel(c.category)}</span>
            <span class="meta">
              <span class="status ${c.status}">${complaintStatusLabel(c.status)}</span>
            </span>
            <span class="hint">${dateTimeLabel(c.receivedAt, this._timeZone)}</span>
            <span class="meta ${overdue ? 'overdue' : 'hint'}" data-testid=${overdue ? 'complaint-overdue' : 'complaint-due'}>
              ${overdue ? overdueLabel(c.replyDueAt, now) : c.status === 'open' || c.status === 'reopened' ? msg(str`Reply by ${due}`) : ''}
            </span>
            <span class="excerpt">${c.content}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private _onFilter = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    this._filter = { ...this._filter, [target.name]: value };
    void this._fetch();
  };

  /** A change from the detail panel shows at once; the hint that follows fetches the log again. */
  private _onChanged = (event: CustomEvent<{ complaint: Complaint }>) => {
    const changed = event.detail.complaint;
    this._complaints = this._complaints?.map((c) => (c.id === changed.id ? changed : c)) ?? null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-log': ComplaintLog;
  }
}
