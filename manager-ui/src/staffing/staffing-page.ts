import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { ArrivalsReport } from '../../../protocol/forecast-schemas.js';
import type { Service } from '../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { getLocale } from '../localization.js';
import { servicesInOrder } from '../logic/snapshot-views.js';
import '../reports/hour-bar-chart.js';
import type { ChartKey } from '../reports/hour-bar-chart.js';
import { reportsApi, staffingLookup } from '../reports/report-api.js';
import { hourRangeLabel } from '../reports/report-format.js';
import '../reports/report-period-form.js';
import { businessDayAt, lastDays, periodText, type ReportPeriod } from '../reports/report-period.js';
import { reportPage } from '../reports/report-styles.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { cachedLookup, computeStaffingPlan, DEFAULT_TARGET, peakHour, type StaffingHour, type StaffingTarget } from './staffing-plan.js';
import './staffing-table.js';
import './staffing-target-form.js';

/** Days of history the plan averages by default: four weeks, so every weekday counts alike. */
const DEFAULT_DAYS = 28;

/**
 * Counters needed per hour of the day for the branch's target, planned from the branch's own
 * arrivals by hour and service times with the Erlang C calculator.
 */
@localized()
@customElement('staffing-page')
export class StaffingPage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _period: ReportPeriod | null = null;
  @state() private _target: StaffingTarget = DEFAULT_TARGET;
  @state() private _arrivals: ArrivalsReport | null = null;
  @state() private _plan: StaffingHour[] | null = null;

  private _lookup: ReturnType<typeof cachedLookup> | null = null;
  /** The latest period and target win: answers to ones the manager has already left are dropped. */
  private _requests = new RequestController(this, 'latest');

  static override styles = [
    tokens,
    buttons,
    reportPage,
    css`
      .settings {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 12px 24px;
        align-items: center;
      }
      .settings h2 {
        margin: 0;
        font-size: 17px;
        color: var(--muted);
      }
      .peak {
        font-size: 18px;
        margin: 0 0 8px;
      }
      .peak strong {
        color: var(--accent);
      }
      details {
        margin-top: 12px;
        color: var(--muted);
        line-height: 1.5;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--accent);
        min-height: var(--target);
        display: flex;
        align-items: center;
      }
    `,
  ];

  private get _today(): string {
    const branch = this._live.snapshot?.branch;
    return branch ? businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone) : '';
  }

  /** The branch's services that the report covers, in the branch's order. */
  private get _services(): Service[] {
    const reported = new Set(this._arrivals?.services.map((s) => s.serviceId));
    return servicesInOrder(this._live.snapshot?.services ?? []).filter((s) => reported.has(s.id));
  }

  override willUpdate() {
    if (!this._period && this._live.snapshot) void this._load(lastDays(this._today, DEFAULT_DAYS), this._target);
  }

  override render() {
    const snapshot = this._live.snapshot;
    if (!snapshot) return html`<div class="loading">${msg('Loading…')}</div>`;
    return html`<div class="page">
      <header class="title">
        <h1>${msg('Staffing plan')}</h1>
        ${this._period ? html`<span class="period" data-testid="report-period">${msg(str`From the arrivals of ${periodText(this._period, getLocale())}`)}</span>` : nothing}
      </header>
      <section class="card settings">
        <h2>${msg('Target')}</h2>
        <staffing-target-form .target=${this._target} ?busy=${this._requests.busy} @target-change=${this._onTargetChange}></staffing-target-form>
        <h2>${msg('History')}</h2>
        <report-period-form .period=${this._period} today=${this._today} ?busy=${this._requests.busy} @period-change=${this._onPeriodChange}></report-period-form>
      </section>
      ${this._requests.error ? html`<div class="error" role="alert" data-testid="staffing-error">${this._requests.error}</div>` : nothing}
      ${this._renderPlan(snapshot.counters.length)}
    </div>`;
  }

  private _renderPlan(counters: number) {
    const plan = this._plan;
    if (!plan) return this._requests.busy ? html`<div class="loading">${msg('Planning…')}</div>` : nothing;
    if (plan.length === 0) {
      return html`<section class="card"><div class="empty" data-testid="staffing-empty">
        ${msg('No tickets were issued in this period, so there is nothing to plan from yet.')}<br />
        ${msg('A new branch needs a few days of business first; or choose a longer period.')}
      </div></section>`;
    }
    const peak = peakHour(plan)!;
    const keys: ChartKey[] = [
      { kind: 'bar', label: msg('Counters needed (shared)') },
      { kind: 'ghost', label: msg('Sum of services (each with its own counters)') },
      { kind: 'reference', label: msg(str`Counters in the branch: ${counters}`) },
    ];
    if (plan.some((h) => h.shared > counters)) keys.push({ kind: 'warn', label: msg('More than the branch has') });
    return html`<section class="card ${this._requests.busy ? 'refreshing' : ''}">
        <h2>${msg('Counters needed by hour')}</h2>
        <p class="peak" data-testid="staffing-peak">
          ${msg(str`Busiest hour ${hourRangeLabel(peak.hour)}:`)} <strong>${msg(str`${peak.shared} counters`)}</strong>
          ${peak.sumOfServices > peak.shared ? msg(str`(${peak.sumOfServices} if each service had its own)`) : nothing}
        </p>
        <hour-bar-chart
          data-testid="staffing-chart"
          .bars=${plan.map((h) => ({ hour: h.hour, value: h.shared, ghost: h.sumOfServices, warn: h.shared > counters }))}
          .reference=${{ value: counters, label: msg(str`${counters} counters`) }}
          .keys=${keys}
          summary=${msg(str`Counters needed per hour; the most, ${peak.shared}, at ${hourRangeLabel(peak.hour)}. The table below lists every hour.`)}
        ></hour-bar-chart>
        <details>
          <summary>${msg('How the plan is worked out')}</summary>
          ${msg(
            'For each hour, the average number of customers who came in the period and each service’s mean time at the counter go into the Erlang C staffing calculator, which finds the fewest counters that call the target share of customers within the target wait.',
          )}
          ${msg(
            '“Shared” treats all services as one queue served by counters that take any of them; “sum of services” gives each service counters of its own. Most counters serve several services, so the real need lies between the two, nearer the shared figure.',
          )}
        </details>
      </section>
      <section class="card ${this._requests.busy ? 'refreshing' : ''}">
        <staffing-table .plan=${plan} .services=${this._services} .counters=${counters}></staffing-table>
      </section>`;
  }

  private _onTargetChange(event: CustomEvent<StaffingTarget>) {
    if (this._period) void this._load(this._period, event.detail);
  }

  private _onPeriodChange(event: CustomEvent<ReportPeriod>) {
    void this._load(event.detail, this._target);
  }

  /** Fetches the arrivals when the period changed, then plans every hour for the target. */
  private async _load(period: ReportPeriod, target: StaffingTarget) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId) return;
    const samePeriod = this._arrivals && this._period?.from === period.from && this._period?.to === period.to;
    this._period = period;
    this._target = target;
    const outcome = await this._requests.run(async () => {
      const arrivals = samePeriod ? this._arrivals! : await reportsApi(this._api, branchId).arrivalsByHour(period);
      this._lookup ??= cachedLookup(staffingLookup(this._api));
      const active = new Set(this._live.snapshot?.services.map((s) => s.id));
      const plan = await computeStaffingPlan(
        arrivals.services.filter((s) => active.has(s.serviceId)),
        target,
        this._lookup,
      );
      return { arrivals, plan };
    });
    if (outcome.status === 'done') {
      this._arrivals = outcome.value.arrivals;
      this._plan = outcome.value.plan;
    } else if (outcome.status === 'failed') {
      this._plan = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staffing-page': StaffingPage;
  }
}
