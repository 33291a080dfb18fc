import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MACHINE_KINDS, type Machine, type MachineKind, type Service, type Ticket, type Tier } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { triageActionsFor } from '../logic/ticket-actions.js';
import { elapsedMinutes } from '../logic/wait-time.js';
import '../shell/bottom-sheet.js';
import { machineKindLabel, tierLabel, TIER_SYMBOL } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/** What the lobby manager chose to do with a ticket. */
export type TicketActionDetail =
  | { ticketId: string; kind: 'divert'; machineKind: MachineKind }
  | { ticketId: string; kind: 'tier'; tier: Tier }
  | { ticketId: string; kind: 'transfer'; serviceId: string }
  | { ticketId: string; kind: 'cancel' };

/**
 * Everything the lobby manager can do for one waiting customer, on one sheet.
 * Only cancelling asks for confirmation; the rest are routine and happen on the first tap.
 * @fires ticket-action - detail: TicketActionDetail
 * @fires record-request - detail: RecordRequest, to log a complaint, note the customer or refer them
 * @fires sheet-closed - when dismissed
 */
/** A record to start from a ticket: the form it opens is filled from the ticket. */
export interface RecordRequest {
  kind: 'complaint' | 'customer' | 'referral';
  ticket: Ticket;
}

@localized()
@customElement('ticket-action-sheet')
export class TicketActionSheet extends LitElement {
  /** The ticket to act on; null hides the sheet. */
  @property({ attribute: false }) ticket: Ticket | null = null;
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) machines: Machine[] = [];
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  /** Disables the buttons while a request runs. */
  @property({ type: Boolean }) busy = false;

  @state() private _confirmingCancel = false;

  static override styles = [
    tokens,
    buttons,
    css`
      .heading {
        display: flex;
        align-items: baseline;
        gap: 16px;
        flex-wrap: wrap;
      }
      .heading .number {
        font-size: 40px;
        color: var(--accent);
      }
      .heading .meta {
        font-size: 20px;
        color: var(--muted);
      }
      h3 {
        margin: 14px 0 8px;
        font-size: 16px;
        color: var(--muted);
        font-weight: 600;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
      .row button {
        min-height: 60px;
        font-size: 19px;
      }
      .confirm {
        display: flex;
        align-items: center;
        gap: 12px;
        background: #fdecea;
        border-radius: 10px;
        padding: 10px 14px;
        font-size: 19px;
        font-weight: 600;
      }
      .confirm span {
        flex: 1;
      }
      .hint {
        font-size: 14px;
        font-weight: 400;
        display: block;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    const previous = changed.get('ticket') as Ticket | null | undefined;
    if (changed.has('ticket') && previous?.id !== this.ticket?.id) this._confirmingCancel = false;
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) return nothing;
    const locale = getLocale();
    const service = this.services.find((s) => s.id === ticket.serviceId);
    const actions = triageActionsFor(ticket);
    const minutes = elapsedMinutes(ticket.issuedAt, this.now);
    return html`<bottom-sheet open>
      <div slot="heading" class="heading">
        <span class="number" data-testid="sheet-ticket-number">${ticket.number}</span>
        <span class="meta">
          ${service ? localizedName(service.name, locale) : ''} · ${TIER_SYMBOL[ticket.tier]} ${tierLabel(ticket.tier)} ·
          ${msg(str`waiting ${minutes} min`)}
        </span>
      </div>
      ${actions.divert ? this._renderDivert(service) : nothing}
      ${actions.tiers.length
        ? html`<h3>${msg('Lane')}</h3>
            <div class="row">
              ${actions.tiers.map(
                (tier) => html`<button data-testid="action-${tier}" ?disabled=${this.busy} @click=${() => this._emit({ ticketId: ticket.id, kind: 'tier', tier })}>
                  ${tier === 'vip' ? msg('VIP lane ★') : tier === 'priority' ? msg('Priority ♿') : msg('Back to regular')}
                </button>`,
              )}
            </div>`
        : nothing}
      ${actions.transfer ? this._renderTransfer(ticket) : nothing} ${this._renderRecords(ticket)}
      ${actions.cancel ? this._renderCancel(ticket) : nothing}
    </bottom-sheet>`;
  }

  private _renderDivert(service: Service | undefined) {
    const ticketId = this.ticket!.id;
    const kinds = [...MACHINE_KINDS].sort((a, b) => Number(b === service?.selfServiceKind) - Number(a === service?.selfServiceKind));
    return html`<h3>${msg('Divert to self-service')}</h3>
      <div class="row">
        ${kinds.map((kind) => {
          const working = this.machines.some((m) => m.kind === kind && m.inService);
          return html`<button
            class=${kind === service?.selfServiceKind ? 'primary' : ''}
            data-testid="action-divert-${kind}"
            ?disabled=${this.busy || !working}
            title=${working ? '' : msg('None in service')}
            @click=${() => this._emit({ ticketId, kind: 'divert', machineKind: kind })}
          >
            ${machineKindLabel(kind)}
          </button>`;
        })}
      </div>`;
  }

  private _renderTransfer(ticket: Ticket) {
    const others = this.services.filter((s) => s.id !== ticket.serviceId);
    return html`<h3>${msg('Transfer to')}</h3>
      <div class="row">
        ${others.map(
          (s) => html`<button
            data-testid="action-transfer-${s.prefix}"
            ?disabled=${this.busy}
            @click=${() => this._emit({ ticketId: ticket.id, kind: 'transfer', serviceId: s.id })}
          >
            ${s.prefix} ${localizedName(s.name, getLocale())}
          </button>`,
        )}
      </div>`;
  }

  /** The lobby manager's records about this customer: each opens its own form, filled from the ticket. */
  private _renderRecords(ticket: Ticket) {
    const request = (kind: RecordRequest['kind']) => () =>
      this.dispatchEvent(new CustomEvent<RecordRequest>('record-request', { detail: { kind, ticket }, bubbles: true, composed: true }));
    return html`<h3>${msg('Records')}</h3>
      <div class="row">
        <button data-testid="action-complaint" ?disabled=${this.busy} @click=${request('complaint')}>${msg('Log a complaint')}</button>
        <button data-testid="action-note-customer" ?disabled=${this.busy} @click=${request('customer')}>${msg('Note this customer')}</button>
        <button data-testid="action-refer" ?disabled=${this.busy} @click=${request('referral')}>${msg('Refer to an account manager')}</button>
      </div>`;
  }

  private _renderCancel(ticket: Ticket) {
    if (!this._confirmingCancel) {
      return html`<h3>&nbsp;</h3>
        <div class="row">
          <button class="danger" data-testid="action-cancel" ?disabled=${this.busy} @click=${() => (this._confirmingCancel = true)}>
            ${msg('Cancel ticket')}
          </button>
        </div>`;
    }
    return html`<h3>&nbsp;</h3>
      <div class="confirm" role="alertdialog">
        <span>
          ${msg(str`Cancel ticket ${ticket.number}?`)}
          <span class="hint">${msg('The customer leaves the queue. This cannot be undone.')}</span>
        </span>
        <button @click=${() => (this._confirmingCancel = false)}>${msg('Keep it')}</button>
        <button class="danger primary" data-testid="confirm" ?disabled=${this.busy} @click=${() => this._emit({ ticketId: ticket.id, kind: 'cancel' })}>
          ${msg('Yes, cancel it')}
        </button>
      </div>`;
  }

  private _emit(detail: TicketActionDetail) {
    this.dispatchEvent(new CustomEvent<TicketActionDetail>('ticket-action', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-action-sheet': TicketActionSheet;
  }
}
