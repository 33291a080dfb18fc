import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ArrivalsReport } from '../../../protocol/forecast-schemas.js';
import type { Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { servicesInOrder } from '../logic/snapshot-views.js';
import { tokens } from '../shell/styles.js';
import './hour-bar-chart.js';
import { activeHours, hourRangeLabel, minutesText, rateText, sumByHour } from './report-format.js';
import { reportPage, reportTable } from './report-styles.js';

/**
 * When customers come: the average number per day in each hour of the branch's day, per service,
 * as a chart and a table, with each service's mean time at the counter.
 */
@localized()
@customElement('arrivals-report')
export class ArrivalsReportView extends LitElement {
  /** The server's report for the period. */
  @property({ attribute: false }) report: ArrivalsReport | null = null;
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
      hour-bar-chart {
        margin: 8px 0 20px;
      }
    `,
  ];

  override render() {
    const report = this.report;
    if (!report) return html``;
    const rows = this._serviceRows(report);
    const hours = activeHours(rows.map((r) => r.arrivals.ticketsByHour));
    if (hours.length === 0) {
      return html`<div class="empty" data-testid="arrivals-empty">${msg('No tickets were issued in this period.')}</div>`;
    }
    const total = sumByHour(rows.map((r) => r.arrivals.arrivalsPerHour));
    const locale = getLocale();
    const peak = hours.reduce((best, h) => (total[h] > total[best] ? h : best), hours[0]);
    return html`<p class="note">
        ${msg(str`Average customers per day in each hour, branch time (${report.timeZone}), over ${report.days} days with tickets.`)}
      </p>
      <hour-bar-chart
        data-testid="arrivals-chart"
        .bars=${hours.map((hour) => ({ hour, value: total[hour], valueLabel: rateText(total[hour]) }))}
        summary=${msg(str`Busiest hour ${hourRangeLabel(peak)}, ${rateText(total[peak])} customers a day on average.`)}
        .keys=${[{ kind: 'bar', label: msg('Customers per day, all services') }]}
      ></hour-bar-chart>
      <div class="table-wrap">
        <table data-testid="arrivals-table">
          <thead>
            <tr>
              <th>${msg('Hour')}</th>
              <th>${msg('All services')}</th>
              ${rows.map(({ service }) => html`<th><span class="prefix">${service.prefix}</span>${localizedName(service.name, locale)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${hours.map(
              (hour) => html`<tr>
                <td>${hourRangeLabel(hour)}</td>
                <td><strong>${rateText(total[hour])}</strong></td>
                ${rows.map(({ arrivals }) => html`<td class=${arrivals.arrivalsPerHour[hour] ? '' : 'dim'}>${rateText(arrivals.arrivalsPerHour[hour])}</td>`)}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="total">
              <td>${msg('Per day')}</td>
              <td>${rateText(report.days ? rows.reduce((sum, r) => sum + r.arrivals.tickets, 0) / report.days : 0)}</td>
              ${rows.map(({ arrivals }) => html`<td>${rateText(report.days ? arrivals.tickets / report.days : 0)}</td>`)}
            </tr>
            <tr>
              <td>${msg('Mean service time')}</td>
              <td></td>
              ${rows.map(({ arrivals }) => html`<td>${msg(str`${minutesText(arrivals.meanServiceSeconds)} min`)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>`;
  }

  /** The report's services the branch still offers, in the branch's order. */
  private _serviceRows(report: ArrivalsReport) {
    return servicesInOrder(this.services).flatMap((service) => {
      const arrivals = report.services.find((s) => s.serviceId === service.id);
      return arrivals ? [{ service, arrivals }] : [];
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'arrivals-report': ArrivalsReportView;
  }
}
