import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { monthlyReportRoutes, type MonthlyReportSummary } from '../../../protocol/monthly-report-routes.js';
import { apiContext } from '../app-context.js';
import { RequestController } from '../shell/request-controller.js';
import { tokens } from '../shell/styles.js';

/**
 * The branch's saved monthly reports, newest first, for the branch head: each month with its state
 * (draft, or submitted and when) and author, a link to open it. Fetched again when `changed` moves
 * (a draft saved or a report submitted on this page).
 */
@localized()
@customElement('monthly-report-list')
export class MonthlyReportList extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  @property() branchId = '';
  /** The month shown now: marked in the list. */
  @property() month = '';
  /** Moves when a report was saved or submitted here, so the list is read again. */
  @property({ type: Number }) changed = 0;

  @state() private _reports: MonthlyReportSummary[] = [];
  private _requests = new RequestController(this, 'latest');

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 18px;
        margin: 0 0 8px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      a {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: var(--target);
        padding: 0 14px;
        border: 2px solid var(--line);
        border-radius: 10px;
        color: var(--text);
        text-decoration: none;
        font-variant-numeric: tabular-nums;
      }
      a[aria-current='page'] {
        border-color: var(--accent);
        color: var(--accent);
        font-weight: 700;
      }
      a:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 2px;
      }
      .state {
        font-size: 14px;
        color: var(--muted);
      }
      .state.submitted {
        color: var(--ok);
        font-weight: 600;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('branchId') || changed.has('changed')) && this.branchId) void this._load();
  }

  override render() {
    if (this._reports.length === 0) return nothing;
    return html`<h2>${msg('Saved reports')}</h2>
      <ul data-testid="monthly-report-list">
        ${this._reports.map(
          (r) => html`<li>
            <a href="#/reports/monthly?month=${r.month}" aria-current=${r.month === this.month ? 'page' : 'false'} data-testid="monthly-report-${r.month}">
              <span>${r.month}</span>
              <span class="state ${r.status}">${r.status === 'submitted' ? msg('Submitted') : msg('Draft')} · ${r.authorName}</span>
            </a>
          </li>`,
        )}
      </ul>`;
  }

  private async _load() {
    const branchId = this.branchId;
    const outcome = await this._requests.run(() => this._api.call(monthlyReportRoutes.list, { branchId }));
    if (outcome.status === 'done') this._reports = outcome.value.reports;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'monthly-report-list': MonthlyReportList;
  }
}
