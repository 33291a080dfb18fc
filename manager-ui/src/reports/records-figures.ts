import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RecordFiguresReport } from '../../../protocol/report-routes.js';
import { pauseReasonLabel } from '../counter/pause-reasons.js';
import { categoryLabel } from '../records/complaints/complaint-text.js';
import { referralStatusLabel } from '../records/referrals/referral-text.js';
import { buttons, tokens } from '../shell/styles.js';
import { csvFileName, csvText, downloadCsv } from './report-csv.js';
import { minutesText } from './report-format.js';
import { reportPage, reportTable } from './report-styles.js';

/**
 * The period's records in numbers, for managers: complaints by category and how they were replied
 * to, referrals by outcome, equipment faults and counters' pauses by reason, compactly side by side.
 * Each of the three tables downloads as CSV.
 */
@localized()
@customElement('records-figures')
export class RecordsFigures extends LitElement {
  @property({ attribute: false }) report: RecordFiguresReport | null = null;
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
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
        gap: 16px 24px;
      }
      .grid > div {
        min-width: 0;
      }
      /* Five columns of figures: the complaints take two of the grid's columns where there are three. */
      .grid > .complaints {
        grid-column: span 2;
      }
      @media (max-width: 700px) {
        .grid > .complaints {
          grid-column: auto;
        }
      }
      h3 {
        margin: 0 0 6px;
        font-size: 17px;
      }
      table {
        font-size: 15px;
      }
      th,
      td {
        padding: 6px 8px;
      }
      tbody th {
        color: var(--text);
        font-size: 15px;
        font-weight: 400;
        text-align: start;
      }
      h3.spaced {
        margin-top: 16px;
      }
      button.csv {
        margin-top: 8px;
        min-height: 40px;
        font-size: 15px;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 4px 12px;
        margin: 0;
      }
      dd {
        margin: 0;
        text-align: end;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const { complaints, referrals, faults, pauses } = report;
    return html`<div class="grid">
      <div class="complaints" data-testid="records-complaints">
        <h3>${msg('Complaints')}</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${msg('Complaints')}>
          <table>
            <thead>
              <tr>
                ${this._complaintHeader().map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${complaints.byCategory.map(
                (c) => html`<tr data-testid="complaints-${c.category}">
                  <th scope="row">${categoryLabel(c.category)}</th>
                  <td>${c.received}</td>
                  <td>${c.repliedInTime}</td>
                  <td>${c.repliedLate}</td>
                  <td>${c.overdue}</td>
                </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr class="total" data-testid="complaints-total">
                <td>${msg('Total')}</td>
                <td>${complaints.received}</td>
                <td>${complaints.repliedInTime}</td>
                <td>${complaints.repliedLate}</td>
                <td>${complaints.overdue}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <button type="button" class="csv" data-testid="complaints-csv" @click=${this._downloadComplaints}>${msg('Download CSV')}</button>
      </div>
      <div data-testid="records-referrals">
        <h3>${msg('Referrals')}</h3>
        <table>
          <tbody>
            ${referrals.byOutcome.map(
              (r) => html`<tr data-testid="referrals-${r.status}">
                <th scope="row">${referralStatusLabel(r.status)}</th>
                <td>${r.referrals}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="total">
              <td>${msg('Referrals made')}</td>
              <td data-testid="referrals-made">${referrals.made}</td>
            </tr>
          </tfoot>
        </table>
        <button type="button" class="csv" data-testid="referrals-csv" @click=${this._downloadReferrals}>${msg('Download CSV')}</button>
        <h3 class="spaced">${msg('Equipment faults')}</h3>
        <dl data-testid="records-faults">
          <dt>${msg('Self-service machines')}</dt>
          <dd>${faults.machines}</dd>
          <dt>${msg('Kiosk printing faults')}</dt>
          <dd>${faults.devices}</dd>
          <dt>${msg('Faulty items in checks')}</dt>
          <dd>${faults.checkItems}</dd>
        </dl>
      </div>
      <div data-testid="records-pauses">
        <h3>${msg('Counter pauses')}</h3>
        <table>
          <thead>
            <tr>
              ${this._pauseHeader().map((h) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${pauses.byReason.map(
              (p) => html`<tr data-testid="pauses-${p.reason}">
                <th scope="row">${pauseReasonLabel(p.reason)}</th>
                <td>${p.pauses}</td>
                <td>${minutesText(p.seconds)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="total">
              <td>${msg('Total')}</td>
              <td>${pauses.pauses}</td>
              <td>${minutesText(pauses.seconds)}</td>
            </tr>
          </tfoot>
        </table>
        <button type="button" class="csv" data-testid="pauses-csv" @click=${this._downloadPauses}>${msg('Download CSV')}</button>
      </div>
    </div>`;
  }

  private _complaintHeader() {
    return [msg('Category'), msg('Received'), msg('Replied in time'), msg('Replied late'), msg('Overdue')];
  }

  private _pauseHeader() {
    return [msg('Reason'), msg('Pauses'), msg('Minutes')];
  }

  private _downloadComplaints() {
    const c = this.report!.complaints;
    const rows = c.byCategory.map((r) => [categoryLabel(r.category), r.received, r.repliedInTime, r.repliedLate, r.overdue]);
    rows.push([msg('Total'), c.received, c.repliedInTime, c.repliedLate, c.overdue]);
    downloadCsv(csvFileName(this.branch, 'complaints', this.report!), csvText(this._complaintHeader(), rows));
  }

  private _downloadReferrals() {
    const r = this.report!.referrals;
    const rows = r.byOutcome.map((o) => [referralStatusLabel(o.status), o.referrals]);
    rows.push([msg('Referrals made'), r.made]);
    downloadCsv(csvFileName(this.branch, 'referrals', this.report!), csvText([msg('Outcome'), msg('Referrals')], rows));
  }

  private _downloadPauses() {
    const p = this.report!.pauses;
    const rows = p.byReason.map((r) => [pauseReasonLabel(r.reason), r.pauses, Number(minutesText(r.seconds))]);
    rows.push([msg('Total'), p.pauses, Number(minutesText(p.seconds))]);
    downloadCsv(csvFileName(this.branch, 'pauses', this.report!), csvText(this._pauseHeader(), rows));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'records-figures': RecordsFigures;
  }
}
