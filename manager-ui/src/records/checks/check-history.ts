import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { checkRoutes, type HallCheck } from '../../../../protocol/check-routes.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../../app-context.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { checkKindLabel, checklistItemLabel, clockTime } from './check-labels.js';

/** This month in the branch's calendar (YYYY-MM). */
function monthIn(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/** The checks of past days, one month at a time: who checked when, and what was found wrong. */
@localized()
@customElement('check-history')
export class CheckHistory extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _month = '';
  @state() private _checks: HallCheck[] | null = null;

  private _loads = new RequestController(this, 'latest');
  private _hintsSeen = -1;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        flex-wrap: wrap;
      }
      h2 {
        font-size: 20px;
        margin: 0;
        flex: 1;
      }
      label {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      input {
        font: inherit;
        min-height: var(--target);
        padding: 0 10px;
        border: 2px solid var(--line);
        border-radius: 8px;
        color: var(--text);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-top: 10px;
        background: var(--card);
      }
      th,
      td {
        text-align: start;
        padding: 8px 10px;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      th {
        color: var(--muted);
        font-weight: 600;
      }
      .fault {
        color: var(--alarm);
      }
      .ok {
        color: var(--ok);
      }
      .empty {
        color: var(--muted);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues) {
    if (!changed.has('_live')) return;
    if (!this._month && this._live.snapshot) {
      this._month = monthIn(this._live.snapshot.branch.timeZone);
      void this._load();
    }
    const hints = this._live.recordHints.check ?? 0;
    if (this._hintsSeen >= 0 && hints !== this._hintsSeen) void this._load();
    this._hintsSeen = hints;
  }

  private async _load() {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId || !this._month) return;
    const outcome = await this._loads.run(() => this._api.call(checkRoutes.month, { branchId, month: this._month }));
    if (outcome.status === 'done') this._checks = outcome.value.checks;
  }

  override render() {
    return html`<header>
        <h2>${msg('Past checks')}</h2>
        <label
          >${msg('Month')}
          <input type="month" data-testid="check-month" .value=${this._month} @change=${this._onMonth} />
        </label>
      </header>
      ${this._loads.error ? html`<p class="fault">${this._loads.error}</p>` : nothing} ${this._renderTable()}`;
  }

  private _renderTable() {
    const checks = this._checks;
    if (!checks) return nothing;
    if (checks.length === 0) return html`<p class="empty" data-testid="check-history-empty">${msg('No checks this month.')}</p>`;
    const timeZone = this._live.snapshot?.branch.timeZone;
    return html`<table data-testid="check-history">
      <thead>
        <tr>
          <th scope="col">${msg('Day')}</th>
          <th scope="col">${msg('Check')}</th>
          <th scope="col">${msg('Checked by')}</th>
          <th scope="col">${msg('Found')}</th>
        </tr>
      </thead>
      <tbody>
        ${checks.map((check) => {
          const faults = check.items.filter((i) => !i.ok);
          return html`<tr>
            <td class="number">${check.businessDay}</td>
            <td>${checkKindLabel(check.kind)}</td>
            <td>${check.checkedByName} <span class="number">${clockTime(check.checkedAt, timeZone)}</span></td>
            <td>
              ${faults.length === 0
                ? html`<span class="ok">✓ ${msg('All OK')}</span>`
                : faults.map((f) => html`<div class="fault">✕ ${checklistItemLabel(f)}: ${f.note}</div>`)}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private _onMonth(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    this._month = value;
    void this._load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'check-history': CheckHistory;
  }
}
