import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { CUSTOMER_LIMITS, customerRoutes, type ImportReport } from '../../../../protocol/customer-routes.js';
import { apiContext } from '../../app-context.js';
import '../../shell/bottom-sheet.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { customerStyles } from './customer-styles.js';
import { importProblemLabel, numberLabel, tierLabel } from './customer-text.js';

/**
 * Imports customers from the core banking system's CSV export (name, number, tier, phone, needs,
 * manager): first a preview of every row with what is wrong with it, then the import of the rows
 * without a problem. Rows with a problem (a number already on the sheet among them) are skipped.
 * @fires customer-saved - detail `{ message }` once imported
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('customer-import-sheet')
export class CustomerImportSheet extends LitElement {
  @property({ type: Boolean }) open = false;
  @property() branchId = '';

  @consume({ context: apiContext }) private _api!: ApiClient;

  @state() private _csv = '';
  @state() private _fileName = '';
  @state() private _preview: ImportReport | null = null;
  @state() private _problem = '';

  private _send = new RequestController(this, 'one-at-a-time');

  static override styles = [
    tokens,
    buttons,
    customerStyles,
    css`
      h2 {
        margin: 0;
        font-size: 22px;
      }
      .file {
        display: flex;
        align-items: center;
        gap: 12px;
        flex-wrap: wrap;
        margin-bottom: 14px;
      }
      .file input {
        min-height: var(--target);
        font: inherit;
      }
      .file input::file-selector-button {
        min-height: var(--target);
        padding: 0 18px;
        margin-inline-end: 12px;
        border-radius: 10px;
        border: 2px solid var(--accent);
        background: var(--card);
        color: var(--accent);
        font: inherit;
        font-weight: 600;
      }
      .table {
        max-height: 320px;
        overflow: auto;
        border: 1px solid var(--line);
        border-radius: 10px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 6px 10px;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      th {
        position: sticky;
        top: 0;
        background: var(--bg);
      }
      tr.bad td {
        background: #fff5f5;
      }
      .problems {
        color: var(--alarm);
        font-weight: 600;
      }
      .ok {
        color: var(--ok);
        font-weight: 600;
      }
      .summary {
        font-weight: 700;
        margin: 12px 0 0;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('open') && this.open) {
      this._csv = '';
      this._fileName = '';
      this._preview = null;
      this._problem = '';
    }
  }

  override render() {
    if (!this.open) return nothing;
    const preview = this._preview;
    const good = preview ? preview.rows.length - preview.skipped : 0;
    return html`<bottom-sheet open @sheet-closed=${this._onClosed}>
      <h2 slot="heading">${msg('Import customers from core banking')}</h2>
      <p class="hint">${msg('A CSV file with a header row: name, number, tier, phone, needs, manager (a username).')}</p>
      <div class="file">
        <label class="field" style="margin:0">
          ${msg('CSV file')}
          <input type="file" accept=".csv,text/csv" data-testid="import-file" @change=${this._onFile} />
        </label>
      </div>
      ${this._problem || this._send.error ? html`<div class="error" role="alert" data-testid="import-error">${this._problem || this._send.error}</div>` : nothing}
      ${preview?.fileProblem ? html`<div class="error" role="alert" data-testid="import-file-problem">${preview.fileProblem}</div>` : nothing}
      ${preview && !preview.fileProblem ? this._renderPreview(preview) : nothing}
      ${preview && !preview.fileProblem
        ? html`<p class="summary" data-testid="import-summary">${msg(str`${good} to import, ${preview.skipped} with a problem (skipped)`)}</p>`
        : nothing}
      <div class="actions">
        <button type="button" @click=${this._onClosed}>${msg('Cancel')}</button>
        <button type="button" data-testid="import-preview" ?disabled=${!this._csv || this._send.busy} @click=${() => this._run(true)}>${msg('Check the file')}</button>
        <button type="button" class="primary" data-testid="import-confirm" ?disabled=${!preview || good === 0 || this._send.busy} @click=${() => this._run(false)}>
          ${msg(str`Import ${good} customers`)}
        </button>
      </div>
    </bottom-sheet>`;
  }

  private _renderPreview(preview: ImportReport) {
    return html`<div class="table" tabindex="0" role="region" aria-label=${msg('Rows of the file')}>
      <table data-testid="import-rows">
        <thead>
          <tr>
            <th>${msg('Line')}</th>
            <th>${msg('Name')}</th>
            <th>${msg('Number')}</th>
            <th>${msg('Tier')}</th>
            <th>${msg('Looked after by')}</th>
            <th>${msg('Check')}</th>
          </tr>
        </thead>
        <tbody>
          ${preview.rows.map(
            (row) => html`<tr class=${row.problems.length > 0 ? 'bad' : ''} data-testid="import-row">
              <td>${row.line}</td>
              <td>${row.name}</td>
              <td class="number">${numberLabel(row.numberHint)}</td>
              <td>${row.tier ? tierLabel(row.tier) : '—'}</td>
              <td>${row.managerName ?? '—'}</td>
              <td>
                ${row.problems.length === 0
                  ? html`<span class="ok">${msg('OK')}</span>`
                  : html`<span class="problems">${row.problems.map(importProblemLabel).join(' · ')}</span>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private async _onFile(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    this._preview = null;
    this._problem = '';
    if (!file) return;
    if (file.size > CUSTOMER_LIMITS.importChars) return void (this._problem = msg('The file is too large: at most 2 MB.'));
    this._fileName = file.name;
    this._csv = await file.text();
    await this._run(true);
  }

  /** Checks the file (dry run) or imports it; a check's report is the preview. */
  private async _run(dryRun: boolean) {
    if (!this._csv) return;
    const outcome = await this._send.run(() => this._api.call(customerRoutes.import, { branchId: this.branchId }, { csv: this._csv, dryRun }));
    if (outcome.status !== 'done') return;
    if (dryRun) return void (this._preview = outcome.value);
    const { imported } = outcome.value;
    this.dispatchEvent(new CustomEvent('customer-saved', { detail: { message: msg(str`Imported ${imported} customers`) }, bubbles: true, composed: true }));
  }

  private _onClosed = (event?: Event) => {
    event?.stopPropagation();
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-import-sheet': CustomerImportSheet;
  }
}
