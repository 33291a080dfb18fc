import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceFault, HallAlerts, OfflineDevice } from '../../../protocol/check-routes.js';
import type { AbsentCustomer } from '../logic/absent-customers.js';
import { elapsedMinutes, wholeMinutes } from '../logic/wait-time.js';
import { counterName } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/** Nothing from the records yet (before the first fetch): the live queue's own alerts still show. */
const EMPTY: Omit<HallAlerts, 'businessDay'> = { openingCheckDone: true, overdueComplaints: 0, faultyMachines: [], offlineDevices: [], deviceFaults: [], valuedCustomersWaiting: [] };

/** A device as the hall calls it: "Kiosk 1", "Display Hall wall". */
const deviceName = (kind: OfflineDevice['kind'], label: string) => (kind === 'kiosk' ? msg(str`Kiosk ${label}`) : msg(str`Display ${label}`));

/** "A031 called to Counter 3, 2 min ago, not there". */
function absentText(absent: Pick<AbsentCustomer, 'number' | 'counterNumber' | 'sinceCallSeconds'>): string {
  const { number } = absent;
  const counter = counterName(absent.counterNumber);
  const minutes = wholeMinutes(absent.sinceCallSeconds);
  return minutes < 1
    ? msg(str`${number} called to ${counter}, under a minute ago, not there`)
    : msg(str`${number} called to ${counter}, ${minutes} min ago, not there`);
}

function customerTierLabel(tier: string): string {
  if (tier === 'vip') return msg('VIP');
  if (tier === 'valued') return msg('Valued');
  return msg('Potential');
}

/**
 * The hall's own alerts above the queues (records of the day, not the queues): the opening check not
 * done, complaints past their reply deadline, machines out of service, kiosks and displays offline or
 * failing to print, and valued customers waiting (ticket number and tier, never a name); and, from the
 * live queue, customers called but not at the counter past the branch's threshold (a tap opens that
 * counter's sheet, with Recall and No-show). They share one line that scrolls sideways, the opening
 * check first, so the queue columns keep their room.
 * @fires device-fault-resolve - detail: { faultId } — the manager saw to a kiosk's printer
 * @fires counter-selected - detail: { counterId } — a customer called there has not come: open the counter's sheet
 */
@localized()
@customElement('hall-alert-strip')
export class HallAlertStrip extends LitElement {
  @property({ attribute: false }) alerts: HallAlerts | null = null;
  /** Customers called but not at the counter (logic/absent-customers.ts), the longest since the call first. */
  @property({ attribute: false }) absent: AbsentCustomer[] = [];
  /** The server's time now (ms), for "offline for 3 min". */
  @property({ type: Number }) now = 0;
  @property({ type: Boolean }) busy = false;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: flex;
        align-items: center;
      }
      /* What the page puts first on the line (today's no-shows to re-queue) stays in view; the alerts scroll. */
      ::slotted(*) {
        flex: none;
        margin-inline-start: 12px;
      }
      ul {
        flex: 1;
        min-width: 0;
      }
      a.action {
        display: inline-flex;
        align-items: center;
        min-height: var(--target);
        padding: 0 16px;
        border-radius: 10px;
        border: 2px solid var(--accent);
        background: var(--card);
        color: var(--accent);
        font-weight: 600;
        text-decoration: none;
        white-space: nowrap;
      }
      a.action:focus-visible {
        outline: 3px solid var(--warn-fill);
        outline-offset: 2px;
      }
      ul {
        display: flex;
        gap: 8px;
        margin: 0;
        padding: 3px 12px;
        list-style: none;
        overflow-x: auto;
        white-space: nowrap;
        background: var(--card);
        border-bottom: 1px solid var(--line);
      }
      li {
        flex: none;
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: var(--target);
        padding: 0 4px 0 12px;
        border-radius: 10px;
        background: var(--bg);
        font-weight: 600;
      }
      li.opening {
        color: var(--warn);
        background: #fff4d6;
        border: 2px solid var(--warn-fill);
      }
      li.alarm {
        color: var(--alarm);
        background: #fdecea;
      }
      li.valued {
        color: var(--accent-dark);
        background: #e6eef8;
      }
      li.plain {
        padding-inline-end: 12px;
      }
      li.absent {
        padding: 0;
        background: none;
      }
      li.absent button {
        border-color: var(--warn-fill);
        color: var(--warn);
        background: #fff4d6;
      }
    `,
  ];

  override render() {
    const alerts = this.alerts ?? EMPTY;
    // Most urgent first: a counter standing idle for a customer who has not come, a valued customer to
    // greet now, then what stops customers being served.
    const items = [
      ...this.absent.map((a) => this._renderAbsent(a)),
      ...alerts.valuedCustomersWaiting.map((v) => {
        const { number } = v;
        const tier = customerTierLabel(v.tier);
        return html`<li class="valued plain" data-testid="hall-alert-valued">★ ${msg(str`Valued customer waiting: ${number} (${tier})`)}</li>`;
      }),
      ...alerts.deviceFaults.map((f) => this._renderFault(f)),
      ...alerts.offlineDevices.map((d) => this._renderOffline(d)),
      ...alerts.faultyMachines.map(({ label, faultNote: note }) => {
        const text = note ? msg(str`${label} out of service: ${note}`) : msg(str`${label} out of service`);
        return html`<li class="alarm plain" data-testid="hall-alert-machine">✕ ${text}</li>`;
      }),
      ...(alerts.overdueComplaints > 0 ? [this._renderOverdue(alerts.overdueComplaints)] : []),
    ];
    if (!alerts.openingCheckDone) items.unshift(this._renderOpeningCheck());
    return html`<slot></slot>${items.length ? html`<ul aria-label=${msg('Hall alerts')} tabindex="0" data-testid="hall-alerts">${items}</ul>` : nothing}`;
  }

  private _renderAbsent(absent: AbsentCustomer) {
    const { counterId } = absent;
    return html`<li class="absent">
      <button
        type="button"
        data-testid="absent-alert-${absent.number}"
        @click=${() => this.dispatchEvent(new CustomEvent('counter-selected', { detail: { counterId }, bubbles: true, composed: true }))}
      >
        ⚠ ${absentText(absent)}
      </button>
    </li>`;
  }

  /** Leads the line until today's opening check is done. */
  private _renderOpeningCheck() {
    return html`<li class="opening" data-testid="opening-check-banner">
      ${msg("Today's opening check is not done")}
      <a class="action" href="#/records/checks" data-testid="opening-check-link">${msg('Do the opening check')}</a>
    </li>`;
  }

  private _renderOverdue(count: number) {
    return html`<li class="alarm" data-testid="hall-alert-complaints">
      ⚠ ${count === 1 ? msg('1 complaint past its reply deadline') : msg(str`${count} complaints past their reply deadline`)}
      <a class="action" href="#/records/complaints">${msg('Open the log')}</a>
    </li>`;
  }

  private _renderOffline(device: OfflineDevice) {
    const name = deviceName(device.kind, device.label);
    const minutes = device.offlineSince ? elapsedMinutes(device.offlineSince, this.now) : 0;
    const text = device.offlineSince ? msg(str`${name} offline for ${minutes} min`) : msg(str`${name} has not connected`);
    return html`<li class="alarm plain" data-testid="hall-alert-offline">⚠ ${text}</li>`;
  }

  private _renderFault(fault: DeviceFault) {
    const name = deviceName('kiosk', fault.deviceLabel);
    const text = fault.kind === 'paper_out' ? msg(str`${name} is out of paper`) : msg(str`${name} could not print a ticket`);
    return html`<li class="alarm" data-testid="hall-alert-print">
      ⚠ ${text}
      <button
        type="button"
        ?disabled=${this.busy}
        data-testid="hall-alert-resolve"
        @click=${() => this.dispatchEvent(new CustomEvent('device-fault-resolve', { detail: { faultId: fault.id }, bubbles: true, composed: true }))}
      >
        ${msg('Resolved')}
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-alert-strip': HallAlertStrip;
  }
}
