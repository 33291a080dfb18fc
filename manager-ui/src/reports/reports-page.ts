import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { ArrivalsReport, EstimateAccuracyReport } from '../../../protocol/forecast-schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { getLocale } from '../localization.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import './arrivals-report.js';
import './estimate-accuracy-report.js';
import { reportsApi } from './report-api.js';
import './report-period-form.js';
import { businessDayAt, lastDays, periodText, type ReportPeriod } from './report-period.js';
import { reportPage } from './report-styles.js';

/** Days the reports cover when the page opens. */
const DEFAULT_DAYS = 7;

/**
 * Reports for the lobby manager and the branch head: how honest the promised waits were, and
 * when customers come, for a period of business days (the last 7 by default).
 */
@localized()
@customElement('reports-page')
export class ReportsPage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _period: ReportPeriod | null = null;
  @state() private _accuracy: EstimateAccuracyReport | null = null;
  @state() private _arrivals: ArrivalsReport | null = null;

  /** The latest period wins: answers to one the manager has already left are dropped. */
  private _requests = new RequestController(this, 'latest');

  static override styles = [tokens, buttons, reportPage];

  /** Today in the branch's calendar, by the server's clock. */
  private get _today(): string {
    const branch = this._live.snapshot?.branch;
    return branch ? businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone) : '';
  }

  override willUpdate() {
    // The first snapshot tells us the branch and its calendar: then the default period can load.
    if (!this._period && this._live.snapshot) void this._load(lastDays(this._today, DEFAULT_DAYS));
  }

  override render() {
    const snapshot = this._live.snapshot;
    if (!snapshot) return html`<div class="loading">${msg('Loading…')}</div>`;
    const services = snapshot.services;
    const refreshing = this._requests.busy && this._accuracy ? 'refreshing' : '';
    return html`<div class="page">
      <header class="title">
        <h1>${msg('Reports')}</h1>
        ${this._period ? html`<span class="period" data-testid="report-period">${periodText(this._period, getLocale())}</span>` : nothing}
      </header>
      <report-period-form .period=${this._period} today=${this._today} ?busy=${this._requests.busy} @period-change=${this._onPeriodChange}></report-period-form>
      ${this._requests.error ? html`<div class="error" role="alert" data-testid="report-error">${this._requests.error}</div>` : nothing}
      <section class="card ${refreshing}" data-testid="accuracy-report">
        <h2>${msg('Accuracy of promised waits')}</h2>
        <p class="note">${msg('Each ticket records the wait the kiosk promised; here it is compared with the wait until the customer was called.')}</p>
        ${this._accuracy
          ? html`<estimate-accuracy-report .report=${this._accuracy} .services=${services}></estimate-accuracy-report>`
          : this._placeholder()}
      </section>
      <section class="card ${refreshing}" data-testid="arrivals-report">
        <h2>${msg('Arrivals by hour')}</h2>
        ${this._arrivals ? html`<arrivals-report .report=${this._arrivals} .services=${services}></arrivals-report>` : this._placeholder()}
      </section>
    </div>`;
  }

  private _placeholder() {
    return this._requests.busy ? html`<div class="loading">${msg('Loading…')}</div>` : nothing;
  }

  private _onPeriodChange(event: CustomEvent<ReportPeriod>) {
    void this._load(event.detail);
  }

  private async _load(period: ReportPeriod) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId) return;
    this._period = period;
    const reports = reportsApi(this._api, branchId);
    const outcome = await this._requests.run(() => Promise.all([reports.estimateAccuracy(period), reports.arrivalsByHour(period)]));
    if (outcome.status === 'done') {
      [this._accuracy, this._arrivals] = outcome.value;
    } else if (outcome.status === 'failed') {
      // No figures rather than last period's figures under this period's heading.
      this._accuracy = null;
      this._arrivals = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reports-page': ReportsPage;
  }
}
