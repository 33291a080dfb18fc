import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { REFERRAL_URGENCIES, type ReferralUrgency } from '../../../../protocol/record-kinds.js';
import { REFERRAL_LIMITS, referralRoutes, type AccountManager, type CreateReferralBody } from '../../../../protocol/referral-routes.js';
import type { Ticket, User } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../../app-context.js';
import '../../shell/bottom-sheet.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { referralStyles } from './referral-styles.js';
import { urgencyLabel } from './referral-text.js';

/** The customer resource sheet's customer a referral is about. */
export interface ReferralCustomer {
  id: string;
  name: string;
  phone?: string | null;
}

/**
 * The lobby manager refers a customer to an account manager (轉介理財經理): to whom, the need, the
 * product of interest and how urgent, with the customer's name and phone when they give them. Opened
 * from a waiting ticket's sheet (`ticket`) or from the customer resource sheet (`customer`).
 * @fires record-saved - detail `{ message }`, a line for the page's toast, once the referral is stored
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('referral-form-sheet')
export class ReferralFormSheet extends LitElement {
  /** The ticket of the customer referred; the sheet is open while it (or `customer`) is set. */
  @property({ attribute: false }) ticket: Ticket | null = null;
  /** The customer resource sheet's customer referred; fills the name (and phone). */
  @property({ attribute: false }) customer: ReferralCustomer | null = null;

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _managers: AccountManager[] | null = null;
  @state() private _draft = { referredTo: '', need: '', productInterest: '', urgency: 'today' as ReferralUrgency, customerName: '', customerPhone: '' };
  @state() private _problem = '';

  private _load = new RequestController(this, 'latest');
  private _save = new RequestController(this, 'one-at-a-time');

  static override styles = [
    tokens,
    buttons,
    referralStyles,
    css`
      h2 {
        margin: 0;
        font-size: 22px;
      }
      .two {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 16px;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 12px;
        margin-top: 8px;
      }
    `,
  ];

  private get _open() {
    return this.ticket !== null || this.customer !== null;
  }

  private get _branchId(): string | null {
    return this.ticket?.branchId ?? this._user?.branchId ?? this._live.snapshot?.branch.id ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('ticket') || changed.has('customer')) && this._open) this._reset();
  }

  /** A fresh form for the customer now referred, and the account managers to pick from. */
  private _reset() {
    this._problem = '';
    this._draft = {
      referredTo: this._managers?.length === 1 ? this._managers[0].id : '',
      need: '',
      productInterest: '',
      urgency: this.ticket ? 'now' : 'today',
      customerName: this.customer?.name ?? '',
      customerPhone: this.customer?.phone ?? '',
    };
    if (!this._managers) void this._loadManagers();
  }

  private async _loadManagers() {
    const branchId = this._branchId;
    if (!branchId) return;
    const outcome = await this._load.run(() => this._api.call(referralRoutes.accountManagers, { branchId }));
    if (outcome.status !== 'done') return;
    this._managers = outcome.value;
    // One account manager in the branch: nothing to choose.
    if (outcome.value.length === 1 && !this._draft.referredTo) this._draft = { ...this._draft, referredTo: outcome.value[0].id };
  }

  override render() {
    if (!this._open) return nothing;
    const who = this.ticket?.number ?? this.customer?.name ?? '';
    return html`<bottom-sheet open @sheet-closed=${this._onClosed}>
      <h2 slot="heading" data-testid="referral-sheet-heading">${msg(str`Refer ${who} to an account manager`)}</h2>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput} novalidate>
        ${this._renderManagers()}
        <label class="field">
          ${msg('What the customer needs')}
          <textarea name="need" maxlength=${REFERRAL_LIMITS.needLength} required data-testid="referral-need" .value=${this._draft.need}></textarea>
        </label>
        <label class="field">
          ${msg('Product of interest')}
          <input type="text" name="productInterest" maxlength=${REFERRAL_LIMITS.productInterestLength} data-testid="referral-product" .value=${this._draft.productInterest} />
        </label>
        <fieldset>
          <legend>${msg('How urgent')}</legend>
          <div class="chips">
            ${REFERRAL_URGENCIES.map(
              (urgency) =>
                html`<label class="chip"
                  ><input type="radio" name="urgency" value=${urgency} .checked=${this._draft.urgency === urgency} data-testid="referral-urgency-${urgency}" />${urgencyLabel(
                    urgency,
                  )}</label
                >`,
            )}
          </div>
        </fieldset>
        <div class="two">
          <label class="field">
            <span>${msg('Customer name')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="text" name="customerName" autocomplete="off" maxlength=${REFERRAL_LIMITS.customerNameLength} data-testid="referral-name" .value=${this._draft.customerName} />
          </label>
          <label class="field">
            <span>${msg('Phone')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="tel" name="customerPhone" autocomplete="off" maxlength="24" data-testid="referral-phone" .value=${this._draft.customerPhone} />
          </label>
        </div>
        ${this._problem || this._save.error || this._load.error
          ? html`<div class="error" role="alert" data-testid="referral-error">${this._problem || this._save.error || this._load.error}</div>`
          : nothing}
        <div class="actions">
          <button type="button" @click=${this._onClosed}>${msg('Cancel')}</button>
          <button type="submit" class="primary" data-testid="referral-submit" ?disabled=${this._save.busy}>${msg('Refer')}</button>
        </div>
      </form>
    </bottom-sheet>`;
  }

  private _renderManagers() {
    const managers = this._managers;
    return html`<fieldset>
      <legend>${msg('Refer to')}</legend>
      ${managers === null
        ? html`<div class="hint">${msg('Loading…')}</div>`
        : managers.length === 0
          ? html`<div class="error" data-testid="referral-no-managers">${msg('This branch has no account managers yet. An admin can add one.')}</div>`
          : html`<div class="chips">
              ${managers.map(
                (m) =>
                  html`<label class="chip"
                    ><input type="radio" name="referredTo" value=${m.id} .checked=${this._draft.referredTo === m.id} data-testid="referral-to-${m.id}" />${m.displayName}</label
                  >`,
              )}
            </div>`}
    </fieldset>`;
  }

  private _onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    this._draft = { ...this._draft, [target.name]: target.value };
    this._problem = '';
  };

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const branchId = this._branchId;
    const d = this._draft;
    // The form says what is missing before the server would.
    if (!d.referredTo) return void (this._problem = msg('Choose the account manager to refer to.'));
    if (!d.need.trim()) return void (this._problem = msg('Say what the customer needs.'));
    if (d.customerPhone.trim() && !new RegExp(REFERRAL_LIMITS.customerPhonePattern).test(d.customerPhone.trim())) {
      return void (this._problem = msg('The phone number may hold only digits, spaces and + ( ) -.'));
    }
    if (!branchId) return;
    const body: CreateReferralBody = {
      referredTo: d.referredTo,
      need: d.need.trim(),
      urgency: d.urgency,
      ...(d.productInterest.trim() ? { productInterest: d.productInterest.trim() } : {}),
      ...(d.customerName.trim() ? { customerName: d.customerName.trim() } : {}),
      ...(d.customerPhone.trim() ? { customerPhone: d.customerPhone.trim() } : {}),
      ...(this.ticket ? { ticketId: this.ticket.id } : {}),
      ...(this.customer ? { customerId: this.customer.id } : {}),
    };
    const outcome = await this._save.run(() => this._api.call(referralRoutes.create, { branchId }, body));
    if (outcome.status !== 'done') return;
    const referral = outcome.value;
    const message = msg(str`Referred ${referral.ticketNumber ?? referral.customerName ?? ''} to ${referral.referredToName}`);
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
    'referral-form-sheet': ReferralFormSheet;
  }
}
