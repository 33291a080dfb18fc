/** The triage screen's bulk cancel of one kiosk's recent tickets, opened from its throttle alert. */
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import { THROTTLE_ALERT_MINUTES, type ThrottleAlert } from '../../../protocol/schemas.js';
import { apiContext } from '../app-context.js';
import '../shell/bottom-sheet.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { whatIfStyles } from './what-if-styles.js';

/** How far back the manager may reach, in minutes; the alert's own window is the first choice. */
const MINUTES = [5, 15, 30, 60];

/** What the sheet reports once the kiosk's tickets are cancelled. */
export interface DeviceTicketsCancelled {
  deviceLabel: string;
  cancelled: number;
}

/**
 * Takes back the tickets a kiosk issued too fast: the manager picks how far back to reach, sees
 * how many of the kiosk's tickets still wait (called customers keep theirs), and confirms.
 * @fires device-tickets-cancelled - detail: DeviceTicketsCancelled — done; close the sheet
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('device-tickets-sheet')
export class DeviceTicketsSheet extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  /** The kiosk's alert; null hides the sheet. */
  @property({ attribute: false }) alert: ThrottleAlert | null = null;
  @property() branchId = '';

  @state() private _minutes = THROTTLE_ALERT_MINUTES;
  /** The kiosk's waiting tickets of the chosen minutes; null while counting. */
  @state() private _count: number | null = null;

  /** The count of the latest choice wins. */
  private _counting = new RequestController(this, 'latest');
  private _cancelling = new RequestController(this);

  static override styles = [tokens, buttons, whatIfStyles];

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('alert')) return;
    this._cancelling.cancel();
    this._choose(THROTTLE_ALERT_MINUTES);
  }

  override render() {
    const alert = this.alert;
    if (!alert) return nothing;
    const count = this._count;
    const name = alert.deviceLabel;
    const error = this._cancelling.error || this._counting.error;
    return html`<bottom-sheet open data-testid="device-tickets">
      <h2 slot="heading">${msg(str`Cancel tickets from kiosk ${name}?`)}</h2>
      <h3>${msg('Issued in the last')}</h3>
      <div class="chips" role="radiogroup" aria-label=${msg('Issued in the last')}>
        ${MINUTES.map(
          (minutes) => html`<button role="radio" aria-checked=${this._minutes === minutes} data-testid="device-tickets-minutes-${minutes}" @click=${() => this._choose(minutes)}>
            ${msg(str`${minutes} min`)}
          </button>`,
        )}
      </div>
      <p class="hint" data-testid="device-tickets-count">
        ${count === null ? msg('Counting…') : msg(str`${count} of its tickets are still waiting. Customers already called keep theirs.`)}
      </p>
      ${error ? html`<p class="hint" role="alert">${error}</p>` : nothing}
      <div class="footer">
        <span class="changed"></span>
        <button data-testid="device-tickets-back" @click=${this._onBack}>${msg('Keep them')}</button>
        <button class="primary confirm" data-testid="device-tickets-confirm" ?disabled=${!count || this._cancelling.busy} @click=${this._onConfirm}>
          ${msg(str`Cancel ${count ?? 0} tickets`)}
        </button>
      </div>
    </bottom-sheet>`;
  }

  private _choose(minutes: number) {
    this._minutes = minutes;
    this._count = null;
    void this._loadCount();
  }

  private async _loadCount() {
    const { alert, branchId } = this;
    if (!alert) return this._counting.cancel();
    const input = { branchId, deviceId: alert.deviceId, sinceMinutes: this._minutes };
    const outcome = await this._counting.run(() => this._api.call(queueRoutes.deviceTicketCount, input));
    if (outcome.status === 'done') this._count = outcome.value.count;
  }

  private _onBack() {
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  }

  private async _onConfirm() {
    const { alert, branchId } = this;
    if (!alert) return;
    const params = { branchId, deviceId: alert.deviceId };
    const outcome = await this._cancelling.run(() => this._api.call(queueRoutes.cancelDeviceTickets, params, { sinceMinutes: this._minutes }));
    if (outcome.status !== 'done') return;
    const detail: DeviceTicketsCancelled = { deviceLabel: alert.deviceLabel, cancelled: outcome.value.cancelled };
    this.dispatchEvent(new CustomEvent<DeviceTicketsCancelled>('device-tickets-cancelled', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'device-tickets-sheet': DeviceTicketsSheet;
  }
}
