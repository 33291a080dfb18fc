import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FiguresBreakdown, FiguresReport, FiguresRow, QueueFigures } from '../../../protocol/report-routes.js';
import type { Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { buttons, tokens } from '../shell/styles.js';
import { csvFileName, csvText, downloadCsv, type CsvCell } from './report-csv.js';
import { hourRangeLabel } from './report-format.js';
import { reportPage, reportTable } from './report-styles.js';

/** One column of the table and of its CSV: the header and the figure, already rounded as shown. */
interface Column {
  key: string;
  header: () => string;
  value: (figures: QueueFigures) => number | null;
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** The key figures of docs/reports.md, in the order a branch head reads them. */
const COLUMNS: readonly Column[] = [
  { key: 'issued', header: () => msg('Issued'), value: (f) => f.issued },
  { key: 'served', header: () => msg('Served'), value: (f) => f.served },
  { key: 'no-shows', header: () => msg('No-shows'), value: (f) => f.noShows },
  { key: 'diverted', header: () => msg('Diverted to self-service'), value: (f) => f.divertedAtKiosk + f.divertedByManager },
  { key: 'mean-wait', header: () => msg('Mean wait (min)'), value: (f) => minutes(f.wait.meanSeconds) },
  { key: 'p90-wait', header: () => msg('90% waited at most (min)'), value: (f) => minutes(f.wait.p90Seconds) },
  { key: 'service-level', header: () => msg('Called within target (%)'), value: (f) => percent(f.serviceLevel.share) },
  { key: 'mean-rating', header: () => msg('Mean rating (1–5)'), value: (f) => (f.ratings.meanScore === null ? null : Math.round(f.ratings.meanScore * 10) / 10) },
  { key: 'rated', header: () => msg('Rated (% of served)'), value: (f) => (f.served ? Math.round((f.ratings.count / f.served) * 100) : null) },
];

/** The figures as the table shows them: one decimal for minutes and ratings, whole percents; a dash for none. */
function cellText(value: number | null, key: string): string {
  if (value === null) return '–';
  if (key === 'mean-wait' || key === 'p90-wait' || key === 'mean-rating') return value.toFixed(1);
  return String(value);
}

/**
 * The queue's figures for a period: one row per day, hour, service, counter or teller, and the
 * total, with the key figures as columns. Scrolls sideways inside itself on a narrow screen.
 * "Download CSV" writes the same table in the page's language.
 */
@localized()
@customElement('figures-table')
export class FiguresTable extends LitElement {
  @property({ attribute: false }) report: FiguresReport | null = null;
  /** The branch's services, for their names. */
  @property({ attribute: false }) services: Service[] = [];
  /** The branch, for the CSV's file name. */
  @property() branch = '';

  static override styles = [
    tokens,
    buttons,
    reportPage,
    reportTable,
    css`
      :host {
        display: block;
        padding: 0;
        overflow: visible;
        min-width: 0;
      }
      .table-wrap {
        max-width: 100%;
      }
      th:first-child,
      td:first-child {
        position: sticky;
        inset-inline-start: 0;
        background: var(--card);
      }
      tbody tr:nth-child(even) > :first-child {
        background: var(--bg);
      }
      tbody th,
      tfoot th {
        color: var(--text);
        font-size: 16px;
        font-weight: 600;
        white-space: nowrap;
      }
      td {
        text-align: end;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-top: 12px;
      }
    `,
  ];

  override render() {
    const report = this.report;
    if (!report) return nothing;
    if (report.total.issued === 0 && report.total.divertedAtKiosk === 0) {
      return html`<div class="empty" data-testid="figures-empty">${msg('No tickets were issued in this period.')}</div>`;
    }
    return html`<div class="table-wrap" data-testid="figures-scroll" tabindex="0" role="region" aria-label=${msg('Figures table')}>
        <table data-testid="figures-table">
          <thead>
            <tr>
              <th scope="col">${this._groupHeader(report.by)}</th>
              ${COLUMNS.map((c) => html`<th scope="col" data-column=${c.key}>${c.header()}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${report.rows.map(
              (row) => html`<tr data-testid="figures-row" data-key=${row.key ?? ''}>
                <th scope="row">${this._rowLabel(report.by, row)}</th>
                ${COLUMNS.map((c) => html`<td data-column=${c.key}>${cellText(c.value(row), c.key)}</td>`)}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="total" data-testid="figures-total">
              <th scope="row">${msg('Total')}</th>
              ${COLUMNS.map((c) => html`<td data-column=${c.key}>${cellText(c.value(report.total), c.key)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
      <div class="actions">
        <button type="button" data-testid="figures-csv" @click=${this._download}>${msg('Download CSV')}</button>
      </div>`;
  }

  private _groupHeader(by: FiguresBreakdown): string {
    if (by === 'hour') return msg('Hour');
    if (by === 'service') return msg('Service');
    if (by === 'counter') return msg('Counter');
    if (by === 'teller') return msg('Teller');
    return msg('Day');
  }

  private _rowLabel(by: FiguresBreakdown, row: FiguresRow): string {
    if (row.key === null) return msg('Not called to a counter');
    if (by === 'hour') return hourRangeLabel(Number(row.key));
    if (by === 'service') {
      const service = this.services.find((s) => s.id === row.key);
      return service ? `${service.prefix} ${localizedName(service.name, getLocale())}` : (row.label ?? row.key);
    }
    if (by === 'counter') return msg(str`Counter ${row.label ?? row.key}`);
    return row.label ?? row.key;
  }

  private _download() {
    const report = this.report;
    if (!report) return;
    const cells = (figures: QueueFigures): CsvCell[] => COLUMNS.map((c) => c.value(figures));
    const text = csvText(
      [this._groupHeader(report.by), ...COLUMNS.map((c) => c.header())],
      [...report.rows.map((row) => [this._rowLabel(report.by, row), ...cells(row)]), [msg('Total'), ...cells(report.total)]],
    );
    downloadCsv(csvFileName(this.branch, 'figures', report), text);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'figures-table': FiguresTable;
  }
}
