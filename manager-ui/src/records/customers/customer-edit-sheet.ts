import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { CUSTOMER_LIMITS, customerRoutes, type Customer, type CustomerManager } from '../../../../protocol/customer-routes.js';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../../protocol/record-kinds.js';
import { apiContext } from '../../app-context.js';
import '../../shell/bottom-sheet.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { customerStyles } from './customer-styles.js';
import { numberLabel, tierLabel, visitLabel } from './customer-text.js';

interface Draft {
  name: string;
  number: string;
  tier: CustomerTier;
  phone: string;
  needs: string;
  notes: string;
  managerId: string;
}

const EMPTY: Draft = { name: '', number: '', tier: 'valued', phone: '', needs: '', notes: '', managerId: '' };

/**
 * Adds a customer to the resource sheet, or edits one (`customer`). The number is typed only when
 * adding; afterwards the sheet shows its last four digits (••••1234). Deleting asks once more.
 * @fires customer-saved - detail `{ message }` once stored or deleted
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('customer-edit-sheet')
export class CustomerEditSheet extends LitElement {
  /** Open while true. */
  @property({ type: Boolean }) open = false;
  /** The customer edited; null to add one. */
  @property({ attribute: false }) customer: Customer | null = null;
  @property() branchId = '';
  /** Who may look after a customer. */
  @property({ attribute: false }) managers: CustomerManager[] = [];
  @property() timeZone: string | undefined;

  @consume({ context: apiContext }) private _api!: ApiClient;

  @state() private _draft: Draft = EMPTY;
  @state() private _problem = '';
  @state() private _confirmDelete = false;

  private _save = new RequestController(this, 'one-at-a-time');

  static override styles = [
    tokens,
    buttons,
    customerStyles,
    css`
      h2 {
        margin: 0;
        font-size: 22px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 16px;
        margin: 0 0 14px;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('open') || changed.has('customer')) && this.open) {
      const c = this.customer;
      this._draft = c
        ? { name: c.name, number: '', tier: c.tier, phone: c.phone ?? '', needs: c.needs ?? '', notes: c.notes ?? '', managerId: c.managerId ?? '' }
        : EMPTY;
      this._problem = '';
      this._confirmDelete = false;
    }
  }

  override render() {
    if (!this.open) return nothing;
    const c = this.customer;
    const d = this._draft;
    return html`<bottom-sheet open @sheet-closed=${this._onClosed}>
      <h2 slot="heading">${c ? msg(str`Customer ${c.name}`) : msg('Add a customer')}</h2>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput} novalidate>
        <div class="two">
          <label class="field">
            ${msg('Name')}
            <input type="text" name="name" autocomplete="off" required maxlength=${CUSTOMER_LIMITS.nameLength} data-testid="customer-name" .value=${d.name} />
          </label>
          ${c
            ? html`<dl>
                <dt>${msg('Card or customer number')}</dt>
                <dd class="number" data-testid="customer-number-hint">${numberLabel(c.numberHint)}</dd>
                <dt>${msg('Last visit')}</dt>
                <dd>${visitLabel(c.lastVisitAt, this.timeZone)}</dd>
              </dl>`
            : html`<label class="field">
                ${msg('Card or customer number')}
                <input type="text" name="number" inputmode="numeric" autocomplete="off" required maxlength=${CUSTOMER_LIMITS.numberLength} data-testid="customer-number" .value=${d.number} />
              </label>`}
        </div>
        <fieldset>
          <legend>${msg('Tier')}</legend>
          <div class="chips">
            ${CUSTOMER_TIERS.map(
              (tier) => html`<label class="chip"><input type="radio" name="tier" value=${tier} .checked=${d.tier === tier} data-testid="customer-tier-${tier}" />${tierLabel(tier)}</label>`,
            )}
          </div>
        </fieldset>
        <div class="two">
          <label class="field">
            <span>${msg('Phone')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="tel" name="phone" autocomplete="off" maxlength="24" data-testid="customer-phone" .value=${d.phone} />
          </label>
          <label class="field">
            <span>${msg('Looked after by')} <span class="hint">${msg('(optional)')}</span></span>
            <select name="managerId" data-testid="customer-manager">
              <option value="" ?selected=${!d.managerId}>${msg('Nobody yet')}</option>
              ${this.managers.map((m) => html`<option value=${m.id} ?selected=${d.managerId === m.id}>${m.displayName}</option>`)}
            </select>
          </label>
        </div>
        <label class="field">
          <span>${msg('Needs')} <span class="hint">${msg('(optional)')}</span></span>
          <textarea name="needs" maxlength=${CUSTOMER_LIMITS.needsLength} data-testid="customer-needs" .value=${d.needs}></textarea>
        </label>
        <label class="field">
          <span>${msg('Notes')} <span class="hint">${msg('(optional)')}</span></span>
          <textarea name="notes" maxlength=${CUSTOMER_LIMITS.notesLength} data-testid="customer-notes" .value=${d.notes}></textarea>
        </label>
        ${this._problem || this._save.error ? html`<div class="error" role="alert" data-testid="customer-error">${this._problem || this._save.error}</div>` : nothing}
        <div class="actions">
          ${c
            ? this._confirmDelete
              ? html`<button type="button" class="danger primary" data-testid="customer-delete-confirm" @click=${this._onDelete}>${msg('Delete for good')}</button>`
              : html`<button type="button" class="danger" data-testid="customer-delete" @click=${() => (this._confirmDelete = true)}>${msg('Delete')}</button>`
            : nothing}
          <span class="spacer"></span>
          <button type="button" @click=${this._onClosed}>${msg('Cancel')}</button>
          <button type="submit" class="primary" data-testid="customer-save" ?disabled=${this._save.busy}>${msg('Save')}</button>
        </div>
      </form>
    </bottom-sheet>`;
  }

  private _onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    this._draft = { ...this._draft, [target.name]: target.value };
    this._problem = '';
  };

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const d = this._draft;
    const c = this.customer;
    // The form says what is missing before the server would.
    if (!d.name.trim()) return void (this._problem = msg('Give the customer’s name.'));
    if (!c && !/^[\d\s-]{4,40}$/.test(d.number.trim())) return void (this._problem = msg('Type the card or customer number: digits only.'));
    if (d.phone.trim() && !new RegExp(CUSTOMER_LIMITS.phonePattern).test(d.phone.trim())) {
      return void (this._problem = msg('The phone number may hold only digits, spaces and + ( ) -.'));
    }
    const fields = {
      name: d.name.trim(),
      tier: d.tier,
      phone: d.phone.trim() || null,
      needs: d.needs.trim() || null,
      notes: d.notes.trim() || null,
      managerId: d.managerId || null,
    };
    const branchId = this.branchId;
    const outcome = await this._save.run(() =>
      c
        ? this._api.call(customerRoutes.update, { branchId, customerId: c.id }, fields)
        : this._api.call(customerRoutes.create, { branchId }, { ...fields, number: d.number.trim() }),
    );
    if (outcome.status !== 'done') return;
    this._saved(msg(str`Saved ${outcome.value.name}`));
  }

  private async _onDelete() {
    const c = this.customer;
    if (!c) return;
    const outcome = await this._save.run(() => this._api.call(customerRoutes.remove, { branchId: this.branchId, customerId: c.id }));
    if (outcome.status === 'done') this._saved(msg(str`Deleted ${c.name}`));
  }

  private _saved(message: string) {
    this.dispatchEvent(new CustomEvent('customer-saved', { detail: { message }, bubbles: true, composed: true }));
  }

  private _onClosed = (event?: Event) => {
    event?.stopPropagation();
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-edit-sheet': CustomerEditSheet;
  }
}
