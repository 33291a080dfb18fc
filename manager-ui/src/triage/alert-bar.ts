import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HallAlerts } from '../../../protocol/check-routes.js';
import type { Service, ThrottleAlert } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import type { AbsentCustomer } from '../logic/absent-customers.js';
import type { QueueAlert } from '../logic/queue-level.js';
import { wholeMinutes } from '../logic/wait-time.js';
import { counterName, machineKindLabel } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';
import './hall-alert-strip.js';
import type { WhatIfIntent } from './what-if-actions.js';

const SHOWN = 2;

/**
 * Queues whose longest wait passed the branch's red threshold, each with the remedies at hand (疏導).
 * A remedy opens the what-if panel first, so the manager sees its effect before doing it.
 * Below them, kiosks refused tickets for issuing too fast, each offering to take back its tickets,
 * and the hall's own alerts from the records (hall-alert-strip.ts): the opening check, overdue
 * complaints, machines and devices, valued customers waiting; and customers called but not at the counter.
 * @fires what-if-requested - detail: WhatIfIntent — open the suggested counter, or divert customers of the queue
 * @slot hall - put first on the line of the hall's alerts (the triage's no-shows to re-queue)
 * @fires counter-selected - detail: { counterId } — a customer called there has not come: open the counter's sheet
 * @fires device-tickets-requested - detail: ThrottleAlert — cancel the kiosk's recent tickets (after a confirmation)
 */
@localized()
@customElement('alert-bar')
export class AlertBar extends LitElement {
  /** Red queues, worst first. */
  @property({ attribute: false }) alerts: QueueAlert[] = [];
  @property({ attribute: false }) services: Service[] = [];
  /** Kiosks refused tickets for issuing too fast, latest first. */
  @property({ attribute: false }) throttleAlerts: ThrottleAlert[] = [];
  /** The hall's alerts from the records (GET hall-alerts); null until fetched. */
  @property({ attribute: false }) hall: HallAlerts | null = null;
  /** Customers called but not at the counter past the branch's threshold (logic/absent-customers.ts). */
  @property({ attribute: false }) absent: AbsentCustomer[] = [];
  /** The server's time now (ms). */
  @property({ type: Number }) now = 0;
  /** Disables the buttons while a request runs. */
  @property({ type: Boolean }) busy = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      div.alert {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 16px;
        background: #fdecea;
        border-bottom: 2px solid var(--alarm);
        font-size: 19px;
      }
      .text {
        flex: 1;
        font-weight: 700;
        color: var(--alarm);
      }
      .more {
        color: var(--alarm);
        padding: 4px 16px 6px;
        background: #fdecea;
        border-bottom: 2px solid var(--alarm);
      }
      button {
        background: var(--card);
      }
    `,
  ];

  override render() {
    const hidden = this.alerts.length - SHOWN;
    return html`${this.alerts.slice(0, SHOWN).map((alert) => this._renderAlert(alert))}
      ${hidden > 0 ? html`<div class="more">${msg(str`${hidden} more queues are over the limit`)}</div>` : nothing}
      ${this.throttleAlerts.map((alert) => this._renderThrottle(alert))}
      <hall-alert-strip .alerts=${this.hall} .absent=${this.absent} .now=${this.now} ?busy=${this.busy}><slot name="hall"></slot></hall-alert-strip>`;
  }

  private _renderThrottle(alert: ThrottleAlert) {
    const name = alert.deviceLabel;
    const refused = alert.refused;
    return html`<div class="alert" role="alert" data-testid="throttle-alert">
      <span class="text">⚠ ${msg(str`Kiosk ${name} was refused ${refused} tickets for issuing too fast`)}</span>
      <button
        ?disabled=${this.busy}
        data-testid="throttle-cancel-tickets"
        @click=${() => this.dispatchEvent(new CustomEvent<ThrottleAlert>('device-tickets-requested', { detail: alert, bubbles: true, composed: true }))}
      >
        ${msg('Cancel its recent tickets…')}
      </button>
    </div>`;
  }

  private _renderAlert(alert: QueueAlert) {
    const service = this.services.find((s) => s.id === alert.serviceId);
    if (!service) return nothing;
    const name = `${service.prefix} ${localizedName(service.name, getLocale())}`;
    const waited = wholeMinutes(alert.longestWaitSeconds);
    const limit = Math.round(alert.thresholdSeconds / 60);
    return html`<div class="alert" role="alert" data-testid="alert" data-service=${service.prefix}>
      <span class="text">⚠ ${msg(str`${name}: longest wait ${waited} min, over ${limit} min`)}</span>
      ${alert.counterToOpen
        ? html`<button
            class="primary"
            ?disabled=${this.busy}
            data-testid="alert-open-counter-${alert.counterToOpen.number}"
            @click=${() => this._emit({ action: 'open-counter', counterId: alert.counterToOpen!.id })}
          >
            ${msg(str`Open ${counterName(alert.counterToOpen.number)}`)}
          </button>`
        : nothing}
      ${alert.divertTo && alert.oldestTicketId
        ? html`<button
            ?disabled=${this.busy}
            data-testid="alert-divert-${alert.divertTo}"
            @click=${() => this._emit({ action: 'divert', serviceId: alert.serviceId })}
          >
            ${msg(str`Divert to ${machineKindLabel(alert.divertTo)}`)}
          </button>`
        : nothing}
    </div>`;
  }

  private _emit(intent: WhatIfIntent) {
    this.dispatchEvent(new CustomEvent<WhatIfIntent>('what-if-requested', { detail: intent, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'alert-bar': AlertBar;
  }
}
