import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FiguresReport, FiguresRow } from '../../../protocol/report-routes.js';
import { buttons, tokens } from '../shell/styles.js';
import { csvFileName, csvText, downloadCsv, type CsvCell } from './report-csv.js';
import { reportPage, reportTable } from './report-styles.js';

/** The columns a teller table sorts by. */
export type TellerSortKey = 'teller' | 'served' | 'median-service' | 'mean-rating';

interface Column {
  key: TellerSortKey;
  header: () => string;
  /** The figure as shown (minutes and ratings with one decimal); null shows a dash and sorts last. */
  value: (row: FiguresRow) => number | string | null;
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

const COLUMNS: readonly Column[] = [
  { key: 'teller', header: () => msg('Teller'), value: (row) => row.label ?? row.key },
  { key: 'served', header: () => msg('Served'), value: (row) => row.served },
  { key: 'median-service', header: () => msg('Median service time (min)'), value: (row) => oneDecimal(row.serviceTime.medianSeconds === null ? null : row.serviceTime.medianSeconds / 60) },
  { key: 'mean-rating', header: () => msg('Mean rating (1–5)'), value: (row) => oneDecimal(row.ratings.meanScore) },
];

/** Rated tickets: a mean rating of two ratings is read differently from one of forty. */
const ratingsHeader = () => msg('Ratings');

/**
 * Who served how many, how long a service took them and how customers rated them: one row per
 * teller (the figures by teller, tickets never called left out), sorted by served, most first.
 * A click on a column header sorts by it (again: the other way); `aria-sort` tells screen readers.
 * "Download CSV" writes the rows in the order shown.
 */
@localized()
@customElement('teller-table')
export class TellerTable extends LitElement {
  /** The figures broken down by teller. */
  @property({ attribute: false }) report: FiguresReport | null = null;
  /** The branch, for the CSV's file name. */
  @property() branch = '';

  @state() private _sort: TellerSortKey = 'served';
  @state() private _descending = true;

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
      td,
      thead th {
        text-align: end;
        vertical-align: middle;
      }
      thead th:first-child {
        text-align: start;
      }
      tbody th {
        color: var(--text);
        font-size: 16px;
        font-weight: 600;
        text-align: start;
        white-space: nowrap;
      }
      th button.sort {
        all: unset;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        gap: 4px;
        min-height: 40px;
        font: inherit;
        color: inherit;
      }
      th button.sort:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 2px;
      }
      .arrow {
        display: inline-block;
        width: 1em;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-top: 12px;
      }
    `,
  ];

  /** The tellers' rows in the order shown. */
  get sortedRows(): FiguresRow[] {
    const rows = (this.report?.rows ?? []).filter((row) => row.key !== null);
    const column = COLUMNS.find((c) => c.key === this._sort)!;
    const direction = this._descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      // No figure sorts last, whichever the direction.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order * direction || String(a.label).localeCompare(String(b.label));
    });
  }

  override render() {
    if (!this.report) return nothing;
    const rows = this.sortedRows;
    if (rows.length === 0) return html`<div class="empty" data-testid="tellers-empty">${msg('No teller called a customer in this period.')}</div>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg('Tellers')}>
        <table data-testid="teller-table">
          <thead>
            <tr>
              ${COLUMNS.map((c) => {
                const sorted = c.key === this._sort;
                return html`<th scope="col" data-column=${c.key} aria-sort=${sorted ? (this._descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" class="sort" data-testid="sort-${c.key}" @click=${() => this._sortBy(c.key)}>
                    ${c.header()}<span class="arrow" aria-hidden="true">${sorted ? (this._descending ? '▼' : '▲') : ''}</span>
                  </button>
                </th>`;
              })}
              <th scope="col" data-column="ratings">${ratingsHeader()}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) => html`<tr data-testid="teller-row" data-key=${row.key ?? ''}>
                <th scope="row">${row.label ?? row.key}</th>
                ${COLUMNS.slice(1).map((c) => html`<td data-column=${c.key}>${this._text(c, row)}</td>`)}
                <td data-column="ratings">${row.ratings.count}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" data-testid="tellers-csv" @click=${this._download}>${msg('Download CSV')}</button>
      </div>`;
  }

  private _text(column: Column, row: FiguresRow): string {
    const value = column.value(row);
    if (value === null) return '–';
    return column.key === 'median-service' || column.key === 'mean-rating' ? (value as number).toFixed(1) : String(value);
  }

  /** Another column sorts by it (names A–Z, figures most first); the same column turns the order round. */
  private _sortBy(key: TellerSortKey) {
    if (key === this._sort) {
      this._descending = !this._descending;
    } else {
      this._sort = key;
      this._descending = key !== 'teller';
    }
  }

  private _download() {
    const report = this.report;
    if (!report) return;
    const rows: CsvCell[][] = this.sortedRows.map((row) => [...COLUMNS.map((c) => c.value(row)), row.ratings.count]);
    downloadCsv(csvFileName(this.branch, 'tellers', report), csvText([...COLUMNS.map((c) => c.header()), ratingsHeader()], rows));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'teller-table': TellerTable;
  }
}
