import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { COMPLAINT_LIMITS, complaintRoutes, type CreateComplaintBody } from '../../../../protocol/complaint-routes.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, type ComplaintCategory, type ComplaintChannel } from '../../../../protocol/record-kinds.js';
import type { Ticket } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../../app-context.js';
import '../../shell/bottom-sheet.js';
import { counterName } from '../../shell/labels.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { complaintStyles } from './complaint-styles.js';
import { categoryLabel, channelLabel, dateTimeLabel } from './complaint-text.js';

interface Draft {
  channel: ComplaintChannel;
  category: ComplaintCategory | '';
  content: string;
  customerName: string;
  customerPhone: string;
}

const EMPTY_DRAFT: Draft = { channel: 'hall', category: '', content: '', customerName: '', customerPhone: '' };

/**
 * Logs a complaint about a visit (客戶投訴記錄表), filled from the ticket the customer held: its number,
 * and the counter and teller when it was at a counter (the server takes those from the ticket). The
 * channel is "in the hall" unless changed. Opened from the triage screen's ticket sheet and from the
 * counter page's current ticket; a teller may log one about their own counter's ticket.
 * @fires record-saved - detail `{ message }`, a line for the page's toast, once the complaint is stored
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('complaint-form-sheet')
export class ComplaintFormSheet extends LitElement {
  /** The ticket the complaint is about; the sheet is open while it is set. */
  @property({ attribute: false }) ticket: Ticket | null = null;

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _draft: Draft = EMPTY_DRAFT;
  @state() private _problem = '';

  private _save = new RequestController(this, 'one-at-a-time');

  static override styles = [
    tokens,
    buttons,
    complaintStyles,
    css`
      h2 {
        margin: 0;
        font-size: 22px;
      }
      .visit {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 20px;
        margin: 0 0 14px;
        padding: 10px 14px;
        background: var(--bg);
        border-radius: 10px;
        color: var(--text);
      }
      .visit .number {
        color: var(--accent);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ticket') && this.ticket) {
      this._draft = EMPTY_DRAFT;
      this._problem = '';
    }
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) return nothing;
    return html`<bottom-sheet open @sheet-closed=${this._onClosed}>
      <h2 slot="heading" data-testid="complaint-sheet-heading">${msg(str`Log a complaint about ${ticket.number}`)}</h2>
      <form @submit=${this._onSubmit} @input=${this._onInput} @change=${this._onInput} novalidate>
        ${this._renderVisit(ticket)}
        <fieldset>
          <legend>${msg('Category')}</legend>
          <div class="chips">
            ${COMPLAINT_CATEGORIES.map(
              (category) =>
                html`<label class="chip"
                  ><input type="radio" name="category" value=${category} .checked=${this._draft.category === category} data-testid="complaint-category-${category}" />${categoryLabel(
                    category,
                  )}</label
                >`,
            )}
          </div>
        </fieldset>
        <label class="field">
          ${msg('What the customer complained of')}
          <textarea name="content" maxlength=${COMPLAINT_LIMITS.contentLength} required data-testid="complaint-content" .value=${this._draft.content}></textarea>
        </label>
        <div class="two">
          <label class="field">
            ${msg('Channel')}
            <select name="channel" data-testid="complaint-channel" .value=${this._draft.channel}>
              ${COMPLAINT_CHANNELS.map((channel) => html`<option value=${channel} ?selected=${this._draft.channel === channel}>${channelLabel(channel)}</option>`)}
            </select>
          </label>
          <span></span>
          <label class="field">
            <span>${msg('Customer name')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="text" name="customerName" autocomplete="off" maxlength=${COMPLAINT_LIMITS.customerNameLength} data-testid="complaint-name" .value=${this._draft.customerName} />
          </label>
          <label class="field">
            <span>${msg('Phone')} <span class="hint">${msg('(optional)')}</span></span>
            <input type="tel" name="customerPhone" autocomplete="off" maxlength="24" data-testid="complaint-phone" .value=${this._draft.customerPhone} />
          </label>
        </div>
        ${this._problem || this._save.error ? html`<div class="error" role="alert" data-testid="complaint-error">${this._problem || this._save.error}</div>` : nothing}
        <div class="actions">
          <button type="button" @click=${this._onClosed}>${msg('Cancel')}</button>
          <button type="submit" class="primary" data-testid="complaint-submit" ?disabled=${this._save.busy}>${msg('Log complaint')}</button>
        </div>
      </form>
    </bottom-sheet>`;
  }

  /** The visit the complaint is about, as the server will record it. */
  private _renderVisit(ticket: Ticket) {
    const counter = ticket.counterId ? this._live.snapshot?.counters.find((c) => c.id === ticket.counterId) : undefined;
    const issued = dateTimeLabel(ticket.issuedAt, this._live.snapshot?.branch.timeZone);
    return html`<div class="visit" data-testid="complaint-visit">
      <span>${msg('Ticket')} <span class="number">${ticket.number}</span></span>
      ${counter ? html`<span data-testid="complaint-counter">${counterName(counter.number)}</span>` : nothing}
      ${counter?.tellerName ? html`<span data-testid="complaint-teller">${msg(str`Teller: ${counter.tellerName}`)}</span>` : nothing}
      <span class="hint">${msg(str`Issued ${issued}`)}</span>
    </div>`;
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
    const d = this._draft;
    // The form says what is missing before the server would.
    if (!d.category) return void (this._problem = msg('Choose the category of the complaint.'));
    if (!d.content.trim()) return void (this._problem = msg('Write down what the customer complained of.'));
    const phone = d.customerPhone.trim();
    if (phone && !new RegExp(COMPLAINT_LIMITS.customerPhonePattern).test(phone)) {
      return void (this._problem = msg('The phone number may hold only digits, spaces and + ( ) -.'));
    }
    if (!ticket) return;
    const body: CreateComplaintBody = {
      channel: d.channel,
      category: d.category,
      content: d.content.trim(),
      ticketId: ticket.id,
      ...(d.customerName.trim() ? { customerName: d.customerName.trim() } : {}),
      ...(phone ? { customerPhone: phone } : {}),
    };
    const outcome = await this._save.run(() => this._api.call(complaintRoutes.create, { branchId: ticket.branchId }, body));
    if (outcome.status !== 'done') return;
    const due = dateTimeLabel(outcome.value.replyDueAt, this._live.snapshot?.branch.timeZone);
    const message = msg(str`Complaint about ${ticket.number} logged; reply due by ${due}`);
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
    'complaint-form-sheet': ComplaintFormSheet;
  }
}
