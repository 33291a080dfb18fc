import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { ArrivalsReport, EstimateAccuracyReport } from '../../../protocol/forecast-schemas.js';
import type { FiguresBreakdown, FiguresReport, RecordFiguresReport } from '../../../protocol/report-routes.js';
import type { User } from '../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../app-context.js';
import { getLocale } from '../localization.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import './arrivals-report.js';
import './estimate-accuracy-report.js';
import './figures-table.js';
import './hour-bar-chart.js';
import './service-level-chart.js';
import './ratings-trend-chart.js';
import './complaints-chart.js';
import './teller-table.js';
import { hourRangeLabel } from './report-format.js';
import './records-figures.js';
import './monthly-report.js';
import { reportsApi } from './report-api.js';
import './report-period-form.js';
import { businessDayAt, periodText, presetPeriod, type ReportPeriod } from './report-period.js';
import { reportPage } from './report-styles.js';

/** The breakdowns a manager may choose; a teller's own figures break down by day, hour or service. */
const MANAGER_BREAKDOWNS: readonly FiguresBreakdown[] = ['day', 'hour', 'service', 'counter', 'teller'];
const TELLER_BREAKDOWNS: readonly FiguresBreakdown[] = ['day', 'hour', 'service'];

/**
 * Reports for the lobby manager and the branch head, for a period of business days (this week by
 * default): the queue's figures by day, hour, service, counter or teller; the period's records in
 * numbers; how honest the promised waits were, and when customers come. A teller sees only the
 * figures of their own tickets (the server limits them to those).
 */
@localized()
@customElement('reports-page')
export class ReportsPage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;

  @state() private _period: ReportPeriod | null = null;
  @state() private _accuracy: EstimateAccuracyReport | null = null;
  @state() private _arrivals: ArrivalsReport | null = null;
  @state() private _by: FiguresBreakdown = 'day';
  @state() private _figures: FiguresReport | null = null;
  @state() private _records: RecordFiguresReport | null = null;
  /** The figures by hour, whatever the breakdown: the chart of waits by hour. */
  @state() private _byHour: FiguresReport | null = null;
  /** The figures by day, whatever the breakdown: the service level and ratings charts. */
  @state() private _byDay: FiguresReport | null = null;
  /** The figures by teller (managers): the teller table. */
  @state() private _byTeller: FiguresReport | null = null;

  /** The latest period wins: answers to one the manager has already left are dropped. */
  private _requests = new RequestController(this, 'latest');
  /** The figures alone, when only the breakdown changes. */
  private _figureRequests = new RequestController(this, 'latest');

  static override styles = [
    tokens,
    buttons,
    reportPage,
    css`
      .card-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        margin-bottom: 4px;
      }
      .breakdown {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .breakdown button {
        min-height: 40px;
        font-size: 15px;
      }
      .breakdown button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
    `,
  ];

  /** Today in the branch's calendar, by the server's clock. */
  private get _today(): string {
    const branch = this._live.snapshot?.branch;
    return branch ? businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone) : '';
  }

  override willUpdate() {
    // The first snapshot tells us the branch and its calendar: then the default period can load.
    if (!this._period && this._live.snapshot && this._user) void this._load(presetPeriod('this-week', this._today));
  }

  /** Tellers read their own figures only: no records, no planning reports (the server refuses them both). */
  private get _teller(): boolean {
    return this._user?.role === 'teller';
  }

  /** #/reports/monthly shows the monthly report (定期報告) instead of the figures. */
  @state() private _monthly = location.hash.startsWith('#/reports/monthly');
  private _onHash = () => (this._monthly = location.hash.startsWith('#/reports/monthly'));
  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHash);
  }
  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this._onHash);
  }

  override render() {
    if (this._monthly && this._user && !this._teller) {
      return html`<div class="page"><header class="title"><h1>${msg('Monthly report')}</h1><a href="#/reports" data-testid="reports-link">${msg('Back to reports')}</a></header><monthly-report></monthly-report></div>`;
    }
    const snapshot = this._live.snapshot;
    if (!snapshot || !this._user) return html`<div class="loading">${msg('Loading…')}</div>`;
    const services = snapshot.services;
    const busy = this._requests.busy || this._figureRequests.busy;
    const refreshing = (busy && this._figures ? 'refreshing' : '');
    const error = this._requests.error || this._figureRequests.error;
    return html`<div class="page">
      <header class="title">
        <h1>${this._teller ? msg('My figures') : msg('Reports')}</h1>
        ${this._period ? html`<span class="period" data-testid="report-period">${periodText(this._period, getLocale())}</span>` : nothing}
        ${this._teller ? nothing : html`<a href="#/reports/monthly" data-testid="monthly-report-link">${msg('Monthly report')}</a>`}
      </header>
      <report-period-form calendar .period=${this._period} today=${this._today} ?busy=${busy} @period-change=${this._onPeriodChange}></report-period-form>
      ${error ? html`<div class="error" role="alert" data-testid="report-error">${error}</div>` : nothing}
      <section class="card ${refreshing}" data-testid="figures-report">
        <div class="card-head">
          <h2>${this._teller ? msg('Tickets I handled') : msg('Queue figures')}</h2>
          <div class="breakdown" role="group" aria-label=${msg('Breakdown')}>
            ${(this._teller ? TELLER_BREAKDOWNS : MANAGER_BREAKDOWNS).map(
              (by) => html`<button type="button" data-testid="breakdown-${by}" aria-pressed=${this._by === by} ?disabled=${busy} @click=${() => this._onBreakdown(by)}>
                ${this._breakdownText(by)}
              </button>`,
            )}
          </div>
        </div>
        <p class="note">${msg('Waits are from issue to the first call. Called within target: the share of called tickets first called within their service’s target wait.')}</p>
        ${this._figures
          ? html`<figures-table .report=${this._figures} .services=${services} branch=${snapshot.branch.id}></figures-table>`
          : this._placeholder()}
      </section>
      <section class="card ${refreshing}" data-testid="waits-report">
        <h2>${msg('Waits by hour of issue')}</h2>
        ${this._byHour ? this._waitsChart(this._byHour) : this._placeholder()}
      </section>
      <section class="card ${refreshing}" data-testid="service-level-report">
        <h2>${msg('Service level by day')}</h2>
        <p class="note">${msg('Share of called customers first called within their service’s target wait, branch-wide, against the goal of 80%.')}</p>
        ${this._byDay ? html`<service-level-chart data-testid="service-level-chart" .report=${this._byDay} summary=${msg('Service level by day')}></service-level-chart>` : this._placeholder()}
      </section>
      <section class="card ${refreshing}" data-testid="ratings-report">
        <h2>${msg('Ratings by day')}</h2>
        ${this._byDay ? html`<ratings-trend-chart data-testid="ratings-chart" .report=${this._byDay} summary=${msg('Mean rating and share of served customers who rated, by day')}></ratings-trend-chart>` : this._placeholder()}
      </section>
      ${this._teller
        ? nothing
        : html`<section class="card ${refreshing}" data-testid="records-report">
              <h2>${msg('Complaints, referrals and faults')}</h2>
              ${this._records ? html`<records-figures .report=${this._records} branch=${snapshot.branch.id}></records-figures>` : this._placeholder()}
            </section>
            <section class="card ${refreshing}" data-testid="complaints-report">
              <h2>${msg('Complaints by category')}</h2>
              ${this._records
                ? this._records.complaints.received === 0
                  ? html`<div class="empty" data-testid="complaints-empty">${msg('No complaints in this period.')}</div>`
                  : html`<complaints-chart data-testid="complaints-chart" .report=${this._records} summary=${msg('Complaints received by category')}></complaints-chart>`
                : this._placeholder()}
            </section>
            <section class="card ${refreshing}" data-testid="tellers-report">
              <h2>${msg('Tellers')}</h2>
              ${this._byTeller ? html`<teller-table .report=${this._byTeller} branch=${snapshot.branch.id}></teller-table>` : this._placeholder()}
            </section>
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
            </section>`}
    </div>`;
  }

  /** Mean wait per hour as bars, the 90th percentile as the outlined bar behind each. */
  private _waitsChart(report: FiguresReport) {
    const hours = report.rows.filter((row) => row.key !== null && row.wait.meanSeconds !== null);
    if (hours.length === 0) return html`<div class="empty" data-testid="waits-empty">${msg('Nobody was called in this period.')}</div>`;
    const minutes = (seconds: number | null) => Math.round((seconds ?? 0) / 6) / 10;
    const worst = hours.reduce((a, b) => ((b.wait.p90Seconds ?? 0) > (a.wait.p90Seconds ?? 0) ? b : a));
    const worstHour = hourRangeLabel(Number(worst.key));
    const worstMinutes = minutes(worst.wait.p90Seconds).toFixed(1);
    return html`<hour-bar-chart
      data-testid="waits-chart"
      .bars=${hours.map((row) => ({ hour: Number(row.key), value: minutes(row.wait.meanSeconds), valueLabel: minutes(row.wait.meanSeconds).toFixed(1), ghost: minutes(row.wait.p90Seconds) }))}
      summary=${msg(str`Longest waits at ${worstHour}: 90% of customers waited at most ${worstMinutes} minutes.`)}
      .keys=${[
        { kind: 'bar', label: msg('Mean wait (min)') },
        { kind: 'ghost', label: msg('90% waited at most (min)') },
      ]}
    ></hour-bar-chart>`;
  }

  private _breakdownText(by: FiguresBreakdown): string {
    if (by === 'hour') return msg('By hour');
    if (by === 'service') return msg('By service');
    if (by === 'counter') return msg('By counter');
    if (by === 'teller') return msg('By teller');
    return msg('By day');
  }

  private async _onBreakdown(by: FiguresBreakdown) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId || !this._period || by === this._by) return;
    this._by = by;
    const period = this._period;
    const outcome = await this._figureRequests.run(() => reportsApi(this._api, branchId).figures(period, by));
    if (outcome.status === 'done') this._figures = outcome.value;
    else if (outcome.status === 'failed') this._figures = null;
  }

  private _placeholder() {
    return this._requests.busy || this._figureRequests.busy ? html`<div class="loading">${msg('Loading…')}</div>` : nothing;
  }

  private _onPeriodChange(event: CustomEvent<ReportPeriod>) {
    void this._load(event.detail);
  }

  private async _load(period: ReportPeriod) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId) return;
    this._period = period;
    const reports = reportsApi(this._api, branchId);
    const by = this._by;
    const teller = this._teller;
    const outcome = await this._requests.run(() =>
      Promise.all([
        reports.figures(period, by),
        teller ? null : reports.recordFigures(period),
        teller ? null : reports.estimateAccuracy(period),
        teller ? null : reports.arrivalsByHour(period),
        reports.figures(period, 'hour'),
        reports.figures(period, 'day'),
        teller ? null : reports.figures(period, 'teller'),
      ]),
    );
    if (outcome.status === 'done') {
      [this._figures, this._records, this._accuracy, this._arrivals, this._byHour, this._byDay, this._byTeller] = outcome.value;
    } else if (outcome.status === 'failed') {
      // No figures rather than last period's figures under this period's heading.
      this._figures = null;
      this._records = null;
      this._accuracy = null;
      this._arrivals = null;
      this._byHour = null;
      this._byDay = null;
      this._byTeller = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reports-page': ReportsPage;
  }
}
