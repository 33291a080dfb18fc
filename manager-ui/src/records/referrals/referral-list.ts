import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../protocol/record-kinds.js';
import { referralRoutes, type Referral, type ReferralQuery, type ReferralSummary } from '../../../../protocol/referral-routes.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../../app-context.js';
import { getLocale } from '../../localization.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { referralStyles } from './referral-styles.js';
import { referralStatusLabel, referralTime, urgencyLabel } from './referral-text.js';

/** This month in the branch's calendar (YYYY-MM). */
function monthIn(timeZone: string, at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at).slice(0, 7);
}

/**
 * Every referral of the branch, for the lobby manager and the branch head: filtered by state,
 * account manager and month, with the month's counts by account manager and outcome. Fetched again
 * whenever the live socket says a referral changed.
 */
@localized()
@customElement('referral-list')
export class ReferralList extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _filter: { status: ReferralStatus | ''; to: string; month: string } | null = null;
  @state() private _referrals: Referral[] | null = null;
  @state() private _summary: ReferralSummary | null = null;

  private _requests = new RequestController(this, 'latest');
  /** The hint count the list was last fetched at. */
  private _fetchedAtHint = -1;

  static override styles = [
    tokens,
    buttons,
    referralStyles,
    css`
      :host {
        display: block;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: flex-end;
        margin-bottom: 16px;
      }
      .filters .field {
        margin: 0;
        min-width: 180px;
      }
      h2 {
        font-size: 18px;
        margin: 16px 0 8px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--card);
        border-radius: 12px;
        overflow: hidden;
      }
      th,
      td {
        text-align: start;
        padding: 10px 12px;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      th {
        font-size: 14px;
        color: var(--muted);
        font-weight: 700;
      }
      td.count,
      th.count {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .who {
        font-weight: 700;
      }
      .sub {
        color: var(--muted);
        font-size: 14px;
      }
      .loading {
        opacity: 0.6;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ];

  override willUpdate() {
    const snapshot = this._live.snapshot;
    if (!this._filter && snapshot) {
      this._filter = { status: '', to: '', month: monthIn(snapshot.branch.timeZone, Date.now() + this._live.serverOffsetMs) };
    }
    const hint = this._live.recordHints.referral ?? 0;
    if (this._filter && hint !== this._fetchedAtHint) {
      this._fetchedAtHint = hint;
      void this._fetch();
    }
  }

  private async _fetch() {
    const branchId = this._live.snapshot?.branch.id;
    const filter = this._filter;
    if (!branchId || !filter) return;
    const query: ReferralQuery = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(filter.month ? { month: filter.month } : {}),
    };
    const outcome = await this._requests.run(() =>
      Promise.all([
        this._api.call(referralRoutes.list, { branchId, ...query }),
        this._api.call(referralRoutes.summary, { branchId, ...(filter.month ? { month: filter.month } : {}) }),
      ]),
    );
    if (outcome.status !== 'done') return;
    [this._referrals, this._summary] = outcome.value;
  }

  override render() {
    const filter = this._filter;
    if (!filter) return html`<div class="empty">${msg('Loading…')}</div>`;
    return html`<div class=${this._requests.busy ? 'loading' : ''}>
      <form class="filters" @change=${this._onFilter} @submit=${(e: Event) => e.preventDefault()}>
        <label class="field">
          ${msg('State')}
          <select name="status" data-testid="referral-filter-status">
            <option value="" ?selected=${filter.status === ''}>${msg('All')}</option>
            ${REFERRAL_STATUSES.map((s) => html`<option value=${s} ?selected=${filter.status === s}>${referralStatusLabel(s)}</option>`)}
          </select>
        </label>
        <label class="field">
          ${msg('Account manager')}
          <select name="to" data-testid="referral-filter-to">
            <option value="" ?selected=${filter.to === ''}>${msg('All')}</option>
            ${(this._summary?.byAccountManager ?? []).map(
              (m) => html`<option value=${m.accountManagerId} ?selected=${filter.to === m.accountManagerId}>${m.displayName}</option>`,
            )}
          </select>
        </label>
        <label class="field">
          ${msg('Month')}
          <input type="month" name="month" .value=${filter.month} data-testid="referral-filter-month" />
        </label>
      </form>
      ${this._requests.error ? html`<div class="error" role="alert">${this._requests.error}</div>` : nothing} ${this._renderSummary()}
      ${this._renderList()}
    </div>`;
  }

  private _renderSummary() {
    const summary = this._summary;
    if (!summary) return nothing;
    const row = (name: string, c: ReferralSummary['totals'], testid: string) =>
      html`<tr data-testid=${testid}>
        <td>${name}</td>
        ${(['referred', 'contacted', 'converted', 'declined', 'total'] as const).map((k) => html`<td class="count">${c[k]}</td>`)}
      </tr>`;
    return html`<h2>${msg('The month’s referrals by account manager')}</h2>
      <table data-testid="referral-summary">
        <thead>
          <tr>
            <th>${msg('Account manager')}</th>
            ${REFERRAL_STATUSES.map((s) => html`<th class="count">${referralStatusLabel(s)}</th>`)}
            <th class="count">${msg('Total')}</th>
          </tr>
        </thead>
        <tbody>
          ${summary.byAccountManager.map((m) => row(m.displayName, m, `referral-summary-${m.accountManagerId}`))}
          ${row(msg('All'), summary.totals, 'referral-summary-total')}
        </tbody>
      </table>`;
  }

  private _renderList() {
    const referrals = this._referrals;
    if (!referrals) return nothing;
    const locale = getLocale();
    return html`<h2>${msg('Referrals')}</h2>
      ${referrals.length === 0
        ? html`<div class="empty" data-testid="referral-list-empty">${msg('No referrals match.')}</div>`
        : html`<table data-testid="referral-list">
            <thead>
              <tr>
                <th>${msg('When')}</th>
                <th>${msg('Customer and ticket')}</th>
                <th>${msg('Need')}</th>
                <th>${msg('Account manager')}</th>
                <th>${msg('State')}</th>
              </tr>
            </thead>
            <tbody>
              ${referrals.map(
                (r) => html`<tr data-testid="referral-row-${r.id}">
                  <td class="nowrap">${referralTime(r.createdAt, locale)}<div class="sub">${urgencyLabel(r.urgency)}</div></td>
                  <td>
                    <span class="who">${r.customerName ?? '—'}</span>
                    ${r.ticketNumber ? html`<div class="sub number">${r.ticketNumber}</div>` : nothing}
                    ${r.customerPhone ? html`<div class="sub nowrap">${r.customerPhone}</div>` : nothing}
                  </td>
                  <td>${r.need}${r.productInterest ? html`<div class="sub">${r.productInterest}</div>` : nothing}</td>
                  <td>${r.referredToName}<div class="sub">${msg(str`by ${r.referredByName}`)}</div></td>
                  <td>
                    <span class="status ${r.status}">${referralStatusLabel(r.status)}</span>
                    ${r.note ? html`<div class="sub">${r.note}</div>` : nothing}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  private _onFilter(event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (!this._filter || !target.name) return;
    this._filter = { ...this._filter, [target.name]: target.value };
    void this._fetch();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-list': ReferralList;
  }
}
