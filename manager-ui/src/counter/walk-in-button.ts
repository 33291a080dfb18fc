import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import type { Counter, Service, Ticket } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { errorText } from '../shell/error-text.js';
import { buttons, tokens } from '../shell/styles.js';

/** The service a walk-in customer at the counter needs. */
export interface WalkInDetail {
  serviceId: string;
}

/**
 * Issues a ticket of `serviceId` for the customer standing at the counter and calls it to this
 * counter by its number, so they are served now and counted like anyone who took a number. The
 * call is the existing 指定叫號 (call a specific number): the ticket is recorded as called directly.
 * Should the call be refused (the counter got busy meanwhile), the ticket waits in the queue and the
 * error names it, so the teller can call it from the waiting list.
 */
export async function issueWalkInTicket(api: ApiClient, counter: Pick<Counter, 'id' | 'branchId'>, serviceId: string): Promise<Ticket> {
  const ticket = await api.call(queueRoutes.issueTicket, { branchId: counter.branchId }, { serviceId });
  try {
    return await api.call(queueRoutes.callTicket, { counterId: counter.id }, { ticketId: ticket.id });
  } catch (err) {
    throw new Error(msg(str`Ticket ${ticket.number} was issued but not called: ${errorText(err)}`));
  }
}

/**
 * "Walk-in ticket": a customer who came straight to the counter gets a ticket without the kiosk.
 * The first press shows the counter's services in place (no dialog); one click on a service issues
 * and calls the ticket. Escape or Back closes the row.
 * @fires walk-in - detail: WalkInDetail
 */
@localized()
@customElement('walk-in-button')
export class WalkInButton extends LitElement {
  /** The counter's services, in the branch's order. */
  @property({ attribute: false }) services: Service[] = [];
  /** True while the counter cannot call (busy with a customer, paused) or a request runs. */
  @property({ type: Boolean }) disabled = false;

  @state() private _picking = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: contents;
      }
      /* The host lays out as its parent's row (display: contents): the choice opens on a line of its own, after the row's buttons. */
      .services {
        order: 1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        flex-basis: 100%;
        background: #e3edf8;
        border: 2px solid var(--accent);
        border-radius: 10px;
        padding: 8px 12px;
      }
      .services span {
        font-weight: 600;
        margin-inline-end: 8px;
      }
      .prefix {
        font-family: var(--digits);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this._onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate() {
    // A customer at the counter cannot be called while another is served: the choice closes.
    if (this.disabled && this._picking) this._picking = false;
  }

  override render() {
    return html`<button data-testid="walk-in" aria-expanded=${String(this._picking)} ?disabled=${this.disabled || this.services.length === 0} @click=${() => (this._picking = !this._picking)}>
        ${msg('Walk-in ticket')}
      </button>
      ${this._picking ? this._renderServices() : nothing}`;
  }

  private _renderServices() {
    const locale = getLocale();
    return html`<div class="services" role="group" aria-label=${msg('Walk-in ticket for')} data-testid="walk-in-services">
      <span>${msg('Walk-in ticket for')}</span>
      ${this.services.map(
        (s) => html`<button class="primary" data-testid="walk-in-${s.prefix}" ?disabled=${this.disabled} @click=${() => this._choose(s.id)}>
          <span class="prefix">${s.prefix}</span>&nbsp;${localizedName(s.name, locale)}
        </button>`,
      )}
      <button @click=${() => (this._picking = false)}>${msg('Back')}<kbd>Esc</kbd></button>
    </div>`;
  }

  private _choose(serviceId: string) {
    this._picking = false;
    this.dispatchEvent(new CustomEvent<WalkInDetail>('walk-in', { detail: { serviceId }, bubbles: true, composed: true }));
  }

  private _onKeyDown = (event: KeyboardEvent) => {
    if (this._picking && (event.code === 'Escape' || event.key === 'Escape')) this._picking = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'walk-in-button': WalkInButton;
  }
}
