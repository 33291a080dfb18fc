import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { CUSTOMER_LIMITS, customerRoutes, type CreateCustomerBody } from '../../../../protocol/customer-routes.js';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../../protocol/record-kinds.js';
import type { Ticket } from '../../../../protocol/schemas.js';
import { apiContext } from '../../app-context.js';
import '../../shell/bottom-sheet.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { customerStyles } from './customer-styles.js';
import { tierLabel } from './customer-text.js';

/**
 * "Note this customer" from a ticket in the hall: a potential customer by default, their name, a
 * number when they give one (else the number they gave at the kiosk, if any), and their needs. The
 * customer is linked to the ticket, so the triage knows them while they wait.
 * @fires record-saved - detail `{ message }`, a line for the page's toast, once the customer is stored
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('customer-form-sheet')
export class CustomerFormSheet extends LitElement {
  /** The ticket the customer holds; the sheet is open while it is set. */
  @property({ attribute: false }) ticket: Ticket | null = null;

  @consume({ context: apiContext }) private _api!: ApiClient;

  @state() private _draft = { name: '', number: '', tier: 'potential' as CustomerTier, needs: '' };
  @state() private _problem = '';

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
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ticket') && this.ticket) {
      this._draft = { name: '', number: '', tier: 'potential', needs: '' };
      this._problem = '';
    }
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) return nothing;
    const d = this._draft;
    return html`<bottom-sheet open @sheet-closed=${this._onClosed}>
      <h2 slot="heading" data-testid="customer-form-heading">${msg(str`Note the customer holding ${ticket.number}`)}</h2>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput} novalidate>
        <div class="two">
          <label class="field">
            ${msg('Name')}
            <input type="text" name="name" autocomplete="off" required maxlength=${CUSTOMER_LIMITS.nameLength} data-testid="customer-form-name" .value=${d.name} />
          </label>
          <label class="field">
            <span>${msg('Card or customer number')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="text" name="number" inputmode="numeric" autocomplete="off" maxlength=${CUSTOMER_LIMITS.numberLength} data-testid="customer-form-number" .value=${d.number} />
          </label>
        </div>
        <fieldset>
          <legend>${msg('Tier')}</legend>
          <div class="chips">
            ${CUSTOMER_TIERS.map(
              (tier) => html`<label class="chip"><input type="radio" name="tier" value=${tier} .checked=${d.tier === tier} data-testid="customer-form-tier-${tier}" />${tierLabel(tier)}</label>`,
            )}
          </div>
        </fieldset>
        <label class="field">
          <span>${msg('Needs')} <span class="hint">${msg('(optional)')}</span></span>
          <textarea name="needs" maxlength=${CUSTOMER_LIMITS.needsLength} data-testid="customer-form-needs" .value=${d.needs}></textarea>
        </label>
        ${this._problem || this._save.error ? html`<div class="error" role="alert" data-testid="customer-form-error">${this._problem || this._save.error}</div>` : nothing}
        <div class="actions">
          <button type="button" @click=${this._onClosed}>${msg('Cancel')}</button>
          <button type="submit" class="primary" data-testid="customer-form-submit" ?disabled=${this._save.busy}>${msg('Note this customer')}</button>
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
    const ticket = this.ticket;
    if (!ticket) return;
    const d = this._draft;
    if (!d.name.trim()) return void (this._problem = msg('Give the customer’s name.'));
    if (d.number.trim() && !/^[\d\s-]{4,40}$/.test(d.number.trim())) return void (this._problem = msg('Type the card or customer number: digits only.'));
    const body: CreateCustomerBody = {
      name: d.name.trim(),
      tier: d.tier,
      ticketId: ticket.id,
      ...(d.number.trim() ? { number: d.number.trim() } : {}),
      ...(d.needs.trim() ? { needs: d.needs.trim() } : {}),
    };
    const outcome = await this._save.run(() => this._api.call(customerRoutes.create, { branchId: ticket.branchId }, body));
    if (outcome.status !== 'done') return;
    const message = msg(str`Noted ${outcome.value.name} (${ticket.number}) on the customer sheet`);
    this.dispatchEvent(new CustomEvent('record-saved', { detail: { message }, bubbles: true, composed: true }));
  }

  private _onClosed = (event?: Event) => {
    // The bottom sheet's own event stops here: the page hears this sheet's, once.
    event?.stopPropagation();
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-form-sheet': CustomerFormSheet;
  }
}
