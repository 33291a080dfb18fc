import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EstimateAccuracy, EstimateAccuracyReport } from '../../../protocol/forecast-schemas.js';
import type { Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { servicesInOrder } from '../logic/snapshot-views.js';
import { tokens } from '../shell/styles.js';
import { biasDirection, minutesText, percentText, signedMinutesText } from './report-format.js';
import { reportPage, reportTable } from './report-styles.js';

const minutes = (text: string) => msg(str`${text} min`);

/**
 * How good the waits promised at the kiosk were: the mean absolute error, the share within
 * ±5 minutes and the bias, for the branch and per service.
 */
@localized()
@customElement('estimate-accuracy-report')
export class EstimateAccuracyReportView extends LitElement {
  /** The server's report for the period. */
  @property({ attribute: false }) report: EstimateAccuracyReport | null = null;
  /** The branch's services, for names and order. */
  @property({ attribute: false }) services: Service[] = [];

  static override styles = [
    tokens,
    reportPage,
    reportTable,
    css`
      :host {
        display: block;
        padding: 0;
        overflow: visible;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 12px;
        margin-bottom: 16px;
      }
      .tile {
        background: var(--bg);
        border-radius: 10px;
        padding: 12px 14px;
      }
      .tile .label {
        color: var(--muted);
        font-size: 15px;
        font-weight: 600;
      }
      .tile .figure {
        font-size: 30px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        margin: 2px 0;
      }
      .tile .hint {
        color: var(--muted);
        font-size: 14px;
      }
    `,
  ];

  override render() {
    const report = this.report;
    if (!report) return html``;
    if (report.overall.tickets === 0) {
      return html`<div class="empty" data-testid="accuracy-empty">
        ${msg('No customer with a promised wait was called in this period.')}<br />
        ${msg('Customers count once they are called; no-shows and cancellations are left out.')}
      </div>`;
    }
    return html`${this._renderTiles(report.overall)}
      <div class="table-wrap">
        <table data-testid="accuracy-table">
          <thead>
            <tr>
              <th>${msg('Service')}</th>
              <th>${msg('Customers')}</th>
              <th>${msg('Mean error')}</th>
              <th>${msg('Within ±5 min')}</th>
              <th>${msg('Bias')}</th>
            </tr>
          </thead>
          <tbody>
            ${this._rows(report).map(
              ({ service, accuracy }) => html`<tr data-testid="accuracy-${service?.prefix ?? 'other'}">
                <td>${service ? html`<span class="prefix">${service.prefix}</span>${localizedName(service.name, getLocale())}` : msg('Other')}</td>
                <td>${accuracy.tickets}</td>
                ${accuracy.tickets === 0
                  ? html`<td class="dim">—</td><td class="dim">—</td><td class="dim">—</td>`
                  : html`<td>${minutes(minutesText(accuracy.meanAbsoluteErrorSeconds ?? 0))}</td>
                      <td>${percentText(accuracy.withinFiveMinutesShare ?? 0)}</td>
                      <td>${minutes(signedMinutesText(accuracy.meanSignedErrorSeconds ?? 0))}</td>`}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private _renderTiles(overall: EstimateAccuracy) {
    const bias = overall.meanSignedErrorSeconds ?? 0;
    const direction = biasDirection(bias);
    const biasHint =
      direction === 'late' ? msg('Customers waited longer than promised') : direction === 'early' ? msg('Customers waited less than promised') : msg('About as promised');
    return html`<div class="tiles">
      <div class="tile">
        <div class="label">${msg('Customers measured')}</div>
        <div class="figure" data-testid="accuracy-tickets">${overall.tickets}</div>
        <div class="hint">${msg('Called, with a promised wait')}</div>
      </div>
      <div class="tile">
        <div class="label">${msg('Mean error')}</div>
        <div class="figure" data-testid="accuracy-mae">${minutes(minutesText(overall.meanAbsoluteErrorSeconds ?? 0))}</div>
        <div class="hint">${msg('Between the promise and the call, either way')}</div>
      </div>
      <div class="tile">
        <div class="label">${msg('Within ±5 min')}</div>
        <div class="figure" data-testid="accuracy-within">${percentText(overall.withinFiveMinutesShare ?? 0)}</div>
        <div class="hint">${msg('Called within 5 minutes of the promise')}</div>
      </div>
      <div class="tile">
        <div class="label">${msg('Bias')}</div>
        <div class="figure" data-testid="accuracy-bias">${minutes(signedMinutesText(bias))}</div>
        <div class="hint">${biasHint}</div>
      </div>
    </div>`;
  }

  /** Services in the branch's order; a service the snapshot no longer lists (deactivated) comes last. */
  private _rows(report: EstimateAccuracyReport) {
    const ordered = servicesInOrder(this.services);
    const rank = (id: string) => {
      const index = ordered.findIndex((s) => s.id === id);
      return index === -1 ? ordered.length : index;
    };
    return [...report.services]
      .sort((a, b) => rank(a.serviceId) - rank(b.serviceId))
      .map((accuracy) => ({ service: ordered.find((s) => s.id === accuracy.serviceId), accuracy }))
      .filter((row) => row.service || row.accuracy.tickets > 0);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'estimate-accuracy-report': EstimateAccuracyReportView;
  }
}
