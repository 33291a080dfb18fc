import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { CUSTOMER_LIMITS, customerRoutes, type Customer, type CustomerManager, type CustomerQuery } from '../../../../protocol/customer-routes.js';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../../protocol/record-kinds.js';
import type { User } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../../app-context.js';
import '../../shell/toast-message.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import '../referrals/referral-form-sheet.js';
import type { ReferralCustomer } from '../referrals/referral-form-sheet.js';
import './customer-edit-sheet.js';
import './customer-import-sheet.js';
import { customerStyles } from './customer-styles.js';
import { numberLabel, tierLabel, visitLabel } from './customer-text.js';

type OpenSheet = { kind: 'edit'; customer: Customer | null } | { kind: 'import' } | { kind: 'refer'; customer: ReferralCustomer } | null;

/**
 * The customer resource sheet (客戶資源信息表): the branch's valued and potential customers, searched
 * by name or by a whole card or customer number (the server hashes it to search), and filtered by
 * tier. A tap on a customer edits them; each has a Refer button for an account manager. Managers
 * add customers by hand or import a CSV from the core banking system. Every read is audited by
 * the server. The list fetches again when the live socket says a customer changed.
 */
@localized()
@customElement('customer-sheet')
export class CustomerSheet extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _query: { q: string; tier: CustomerTier | '' } = { q: '', tier: '' };
  @state() private _customers: Customer[] | null = null;
  @state() private _truncated = false;
  @state() private _managers: CustomerManager[] = [];
  @state() private _sheet: OpenSheet = null;
  @state() private _toast = '';

  private _load = new RequestController(this, 'latest');
  /** The hint count the list was last fetched at: when it moves, someone changed a customer. */
  private _seenHints = -1;
  private _managersLoaded = false;

  static override styles = [
    tokens,
    buttons,
    customerStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px;
      }
      .bar form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px;
        flex: 1;
      }
      .bar .field {
        margin: 0;
      }
      .bar .search {
        flex: 1;
        min-width: 240px;
      }
      .bar .tier-filter {
        min-width: 150px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--card);
        border-radius: 10px;
      }
      th,
      td {
        text-align: start;
        padding: 8px 10px;
        border-bottom: 1px solid var(--line);
        vertical-align: middle;
      }
      th {
        font-size: 14px;
        color: var(--muted);
        font-weight: 600;
      }
      td.name button {
        border: none;
        padding: 0;
        min-height: var(--target);
        text-align: start;
        background: none;
        color: var(--accent);
        text-decoration: underline;
        font-weight: 700;
      }
      td.needs {
        max-width: 220px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      td.act {
        text-align: end;
      }
    `,
  ];

  private get _branchId(): string | null {
    return this._user?.branchId ?? this._live.snapshot?.branch.id ?? null;
  }

  protected override willUpdate(_changed: PropertyValues<this>) {
    const hints = this._live.recordHints.customer ?? 0;
    if (this._branchId && hints !== this._seenHints) {
      this._seenHints = hints;
      void this._fetch();
    }
    if (this._branchId && !this._managersLoaded) {
      this._managersLoaded = true;
      void this._fetchManagers();
    }
  }

  private async _fetch() {
    const branchId = this._branchId;
    if (!branchId) return;
    const q = this._query.q.trim();
    const query: CustomerQuery = { ...(q ? { q } : {}), ...(this._query.tier ? { tier: this._query.tier } : {}) };
    const outcome = await this._load.run(() => this._api.call(customerRoutes.list, { branchId, ...query }));
    if (outcome.status !== 'done') return;
    this._customers = outcome.value.customers;
    this._truncated = outcome.value.truncated;
  }

  private async _fetchManagers() {
    const branchId = this._branchId;
    if (!branchId) return;
    try {
      this._managers = await this._api.call(customerRoutes.managers, { branchId });
    } catch {
      this._managersLoaded = false; // asked again on the next update
    }
  }

  override render() {
    const branchId = this._branchId ?? '';
    const sheet = this._sheet;
    const timeZone = this._live.snapshot?.branch.timeZone;
    return html`${this._renderBar()}
      ${this._load.error ? html`<div class="error" role="alert">${this._load.error}</div>` : nothing}
      ${this._renderList(timeZone)}
      ${this._truncated ? html`<p class="hint">${msg('More customers match: narrow the search.')}</p>` : nothing}
      <customer-edit-sheet
        ?open=${sheet?.kind === 'edit'}
        .customer=${sheet?.kind === 'edit' ? sheet.customer : null}
        .branchId=${branchId}
        .managers=${this._managers}
        .timeZone=${timeZone}
        @customer-saved=${this._onSaved}
        @sheet-closed=${this._onClosed}
      ></customer-edit-sheet>
      <customer-import-sheet ?open=${sheet?.kind === 'import'} .branchId=${branchId} @customer-saved=${this._onSaved} @sheet-closed=${this._onClosed}></customer-import-sheet>
      ${sheet?.kind === 'refer'
        ? html`<referral-form-sheet .customer=${sheet.customer} @record-saved=${this._onSaved} @sheet-closed=${this._onClosed}></referral-form-sheet>`
        : nothing}
      <toast-message .message=${this._toast} @toast-dismissed=${() => (this._toast = '')}></toast-message>`;
  }

  private _renderBar() {
    const q = this._query;
    return html`<div class="bar">
      <form role="search" aria-label=${msg('Find customers')} @submit=${this._onSearch} @change=${this._onTier}>
        <label class="field search">
          ${msg('Name or card / customer number')}
          <input type="search" name="q" autocomplete="off" maxlength=${CUSTOMER_LIMITS.searchLength} data-testid="customer-search" .value=${q.q} @input=${this._onQueryInput} />
        </label>
        <label class="field tier-filter">
          ${msg('Tier')}
          <select name="tier" data-testid="customer-tier-filter">
            <option value="" ?selected=${!q.tier}>${msg('All tiers')}</option>
            ${CUSTOMER_TIERS.map((tier) => html`<option value=${tier} ?selected=${q.tier === tier}>${tierLabel(tier)}</option>`)}
          </select>
        </label>
        <button type="submit" data-testid="customer-search-go">${msg('Search')}</button>
      </form>
      <button type="button" data-testid="customer-import" @click=${() => (this._sheet = { kind: 'import' })}>${msg('Import CSV')}</button>
      <button type="button" class="primary" data-testid="customer-add" @click=${() => (this._sheet = { kind: 'edit', customer: null })}>${msg('Add a customer')}</button>
    </div>`;
  }

  private _renderList(timeZone: string | undefined) {
    const customers = this._customers;
    if (customers === null) return html`<div class="empty">${msg('Loading…')}</div>`;
    if (customers.length === 0) return html`<div class="empty" data-testid="customers-empty">${msg('No customers match.')}</div>`;
    return html`<table data-testid="customer-list">
      <thead>
        <tr>
          <th>${msg('Name')}</th>
          <th>${msg('Number')}</th>
          <th>${msg('Tier')}</th>
          <th>${msg('Needs')}</th>
          <th>${msg('Looked after by')}</th>
          <th>${msg('Last visit')}</th>
          <th><span class="hint">${msg('Refer')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${customers.map(
          (c) => html`<tr data-testid="customer-row" data-id=${c.id}>
            <td class="name"><button type="button" data-testid="customer-open" @click=${() => (this._sheet = { kind: 'edit', customer: c })}>${c.name}</button></td>
            <td class="number">${numberLabel(c.numberHint)}</td>
            <td><span class="tier ${c.tier}">${tierLabel(c.tier)}</span></td>
            <td class="needs" title=${c.needs ?? ''}>${c.needs ?? ''}</td>
            <td>${c.managerName ?? '—'}</td>
            <td>${visitLabel(c.lastVisitAt, timeZone)}</td>
            <td class="act">
              <button type="button" data-testid="customer-refer" aria-label=${`${msg('Refer')} ${c.name}`} @click=${() => (this._sheet = { kind: 'refer', customer: { id: c.id, name: c.name } })}>
                ${msg('Refer')}
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private _onQueryInput = (event: Event) => {
    this._query = { ...this._query, q: (event.target as HTMLInputElement).value };
  };

  private _onSearch = (event: Event) => {
    event.preventDefault();
    void this._fetch();
  };

  private _onTier = (event: Event) => {
    const target = event.target as HTMLSelectElement;
    if (target.name !== 'tier') return;
    this._query = { ...this._query, tier: target.value as CustomerTier | '' };
    void this._fetch();
  };

  /** A saved, deleted or imported customer (or a referral made): the toast says so and the list fetches again. */
  private _onSaved = (event: CustomEvent<{ message: string }>) => {
    this._toast = event.detail.message;
    this._sheet = null;
    void this._fetch();
  };

  private _onClosed = () => {
    this._sheet = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-sheet': CustomerSheet;
  }
}
