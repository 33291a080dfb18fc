import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CounterAction } from '../../../protocol/actions.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { counterActionRoutes, queueRoutes } from '../../../protocol/queue-routes.js';
import type { Service, Snapshot, ThrottleAlert, Ticket } from '../../../protocol/schemas.js';
import { recentThrottleAlerts } from '../../../protocol/throttle-alerts.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { absentCustomers } from '../logic/absent-customers.js';
import { queueAlerts, queueLevel, serviceThresholds } from '../logic/queue-level.js';
import { countersInOrder, queueOf, servicesInOrder, ticketsInCallOrder } from '../logic/snapshot-views.js';
import { longestWaitNow } from '../logic/wait-time.js';
import { machineKindLabel } from '../shell/labels.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { TickController } from '../shell/tick-controller.js';
import '../shell/toast-message.js';
import './alert-bar.js';
import './counter-action-sheet.js';
import './counters-strip.js';
import './device-tickets-sheet.js';
import { HallAlertsController } from './hall-alerts-controller.js';
import type { DeviceTicketsCancelled } from './device-tickets-sheet.js';
import './issue-ticket-sheet.js';
import './no-show-sheet.js';
import './queue-column.js';
import './ticket-action-sheet.js';
import type { RecordRequest, TicketActionDetail } from './ticket-action-sheet.js';
import '../records/complaints/complaint-form-sheet.js';
import '../records/customers/customer-form-sheet.js';
import '../records/referrals/referral-form-sheet.js';
import type { WhatIfChoice, WhatIfIntent } from './what-if-actions.js';
import { performWhatIf } from './what-if-perform.js';
import './what-if-sheet.js';
import { undoableAction, type UndoableAction } from './undo-toast.js';

/**
 * The lobby manager's board (tablet, 1024×768 to 1280×800): every queue and counter live, and one or two
 * taps to act. The board fills the screen below the top bar and never scrolls as a page: each queue's list
 * scrolls inside its column, so the counters strip and 派號 stay in view however long the queues grow.
 */
@localized()
@customElement('triage-page')
export class TriagePage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _ticketId: string | null = null;
  @state() private _counterId: string | null = null;
  @state() private _issuing = false;
  @state() private _issued: Ticket | null = null;
  /** What the board says in its toast besides a refusal (e.g. customers who had moved on). */
  @state() private _toast = '';
  /** What the what-if panel previews; null when it is closed. */
  @state() private _whatIf: WhatIfIntent | null = null;
  /** The kiosk whose recent tickets the manager is about to cancel; null when that sheet is closed. */
  @state() private _throttled: ThrottleAlert | null = null;
  /** The record form open for a ticket (complaint, customer, referral); null when none is. */
  @state() private _record: RecordRequest | null = null;
  /** The last divert, transfer, tier change or cancel, offered for undo; null when none is. */
  @state() private _undoable: UndoableAction | null = null;
  /** The hall's alerts from the records (opening check, complaints, machines, devices, valued customers). */
  private _hall = new HallAlertsController(this, () => this._api, () => this._live);

  // Waits are shown in minutes: a tick every 15 s keeps them within a quarter minute of the truth.
  private _tick = new TickController(this, 15_000);
  /** One request at a time; a refusal shows in the toast and the board stays as it was. */
  private _requests = new RequestController(this);

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        /* Its content does not size it: the console's flex layout gives it the rest of the screen, and no more. */
        contain: size;
        overflow: hidden;
      }
      .board {
        flex: 1;
        display: flex;
        flex-direction: column;
        min-height: 0;
        padding: 10px 12px 12px;
        gap: 10px;
      }
      .queues {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: minmax(0, 1fr);
        gap: 8px;
      }
      .column {
        display: flex;
        flex-direction: column;
        gap: 6px;
        min-width: 0;
        min-height: 0;
      }
      .column queue-column {
        flex: 1;
      }
      .column .divert {
        flex: none;
      }
      .divert {
        min-height: 56px;
        padding: 2px 8px;
        display: grid;
        line-height: 1.2;
        font-size: 16px;
      }
      .divert small {
        font-weight: 400;
        font-size: 13px;
      }
      .bottom {
        flex: none;
        display: flex;
        gap: 10px;
        align-items: stretch;
      }
      counters-strip {
        flex: 1;
      }
      .issue {
        flex: none;
        min-height: 76px;
        min-width: 200px;
        font-size: 22px;
      }
      @media (max-width: 1100px) {
        .issue {
          min-width: 0;
          padding: 0 14px;
        }
      }
      .loading {
        display: grid;
        place-items: center;
        flex: 1;
        font-size: 22px;
        color: var(--muted);
      }
    `,
  ];

  constructor() {
    super();
    // The alert bar, a counter's sheet and the queue columns all ask for the same panel.
    this.addEventListener('what-if-requested', (event) => this._onWhatIfRequested(event as CustomEvent<WhatIfIntent>));
    this.addEventListener('device-fault-resolve', (event) => void this._onResolveDeviceFault(event as CustomEvent<{ faultId: string }>));
  }

  private async _onResolveDeviceFault(event: CustomEvent<{ faultId: string }>) {
    await this._run(() => this._hall.resolveDeviceFault(event.detail.faultId));
  }

  private get _now() {
    return Date.now() + this._live.serverOffsetMs;
  }

  override render() {
    const snapshot = this._live.snapshot;
    if (!snapshot) return html`<div class="loading">${msg('Loading the lobby…')}</div>`;
    const now = this._now;
    const services = servicesInOrder(snapshot.services);
    const { settings } = snapshot.branch;
    return html`<alert-bar
        class=${this._live.stale ? 'stale' : ''}
        .alerts=${queueAlerts(snapshot, now)}
        .services=${services}
        .throttleAlerts=${recentThrottleAlerts(snapshot.throttleAlerts ?? [], now)}
        .hall=${this._hall.alerts}
        .absent=${absentCustomers(snapshot, now)}
        @counter-selected=${(e: CustomEvent<{ counterId: string }>) => (this._counterId = e.detail.counterId)}
        .now=${now}
        @device-tickets-requested=${(e: CustomEvent<ThrottleAlert>) => (this._throttled = e.detail)}
        ?busy=${this._requests.busy || this._live.stale}
      >
        <no-show-sheet slot="hall" .tickets=${snapshot.noShows ?? []} .settings=${settings} .now=${now} ?busy=${this._live.stale}></no-show-sheet>
      </alert-bar>
      <div class="board ${this._live.stale ? 'stale' : ''}">
        <div class="queues" @ticket-selected=${(e: CustomEvent<{ ticketId: string }>) => (this._ticketId = e.detail.ticketId)}>
          ${services.map((service) => {
            const queue = queueOf(snapshot, service.id);
            const longest = queue ? longestWaitNow(queue, snapshot.at, now) : 0;
            return html`<div class="column">
              <queue-column
                data-testid="queue-${service.prefix}"
                .service=${service}
                .services=${services}
                .queue=${queue}
                .longestWaitSeconds=${longest}
                .level=${queueLevel(longest, queue?.waitingCount ?? 0, serviceThresholds(settings, service))}
                .tickets=${ticketsInCallOrder(snapshot, service.id)}
                .now=${now}
                .timeZone=${snapshot.branch.timeZone}
              ></queue-column>
              ${this._renderDivert(snapshot, service, queue?.waitingCount ?? 0)}
            </div>`;
          })}
        </div>
        <div class="bottom">
          <counters-strip
            .counters=${countersInOrder(snapshot)}
            .tickets=${snapshot.tickets}
            .now=${now}
            @counter-selected=${(e: CustomEvent<{ counterId: string }>) => (this._counterId = e.detail.counterId)}
          ></counters-strip>
          <button class="primary issue" data-testid="issue-ticket" @click=${this._onOpenIssue}>+ ${msg('Issue ticket')}</button>
        </div>
      </div>
      ${this._renderSheets(snapshot, now)}
      <toast-message .message=${this._requests.error || this._toast} @toast-dismissed=${this._onToastDismissed}></toast-message>
      <undo-toast .action=${this._undoable} @undo-closed=${() => (this._undoable = null)}></undo-toast>`;
  }

  private _onToastDismissed() {
    this._toast = '';
    this._requests.clearError();
  }

  /** "Divert… ATM" under a queue whose business a working machine can do: opens the what-if panel. */
  private _renderDivert(snapshot: Snapshot, service: Service, waiting: number) {
    const kind = service.selfServiceKind;
    if (!kind || !snapshot.machines.some((m) => m.kind === kind && m.inService)) return nothing;
    return html`<button
      class="divert"
      data-testid="divert-${service.prefix}"
      ?disabled=${waiting === 0 || this._live.stale}
      @click=${() => (this._whatIf = { action: 'divert', serviceId: service.id })}
    >
      ${msg('Divert…')}<small>${machineKindLabel(kind)}</small>
    </button>`;
  }

  /** The form of the record the manager started from a ticket; it keeps its ticket if the queue moves on. */
  private _renderRecordSheet() {
    const request = this._record;
    if (!request) return nothing;
    const closed = () => (this._record = null);
    const saved = (e: CustomEvent<{ message: string }>) => {
      this._record = null;
      this._toast = e.detail.message;
    };
    if (request.kind === 'complaint') {
      return html`<complaint-form-sheet .ticket=${request.ticket} @record-saved=${saved} @sheet-closed=${closed}></complaint-form-sheet>`;
    }
    if (request.kind === 'customer') {
      return html`<customer-form-sheet .ticket=${request.ticket} @record-saved=${saved} @sheet-closed=${closed}></customer-form-sheet>`;
    }
    return html`<referral-form-sheet .ticket=${request.ticket} @record-saved=${saved} @sheet-closed=${closed}></referral-form-sheet>`;
  }

  private _onRecordRequest = (e: CustomEvent<RecordRequest>) => {
    this._ticketId = null;
    this._record = e.detail;
  };

  private _renderSheets(snapshot: Snapshot, now: number) {
    // A ticket that left the queue meanwhile (called, diverted elsewhere) closes its sheet.
    const ticket = this._ticketId ? (snapshot.tickets.find((t) => t.id === this._ticketId) ?? null) : null;
    const counter = this._counterId ? (snapshot.counters.find((c) => c.id === this._counterId) ?? null) : null;
    const services = servicesInOrder(snapshot.services);
    return html`<ticket-action-sheet
        .ticket=${ticket}
        .services=${services}
        .machines=${snapshot.machines}
        .now=${now}
        ?busy=${this._requests.busy}
        @ticket-action=${this._onTicketAction}
        @record-request=${this._onRecordRequest}
        @sheet-closed=${() => (this._ticketId = null)}
      ></ticket-action-sheet>
      ${this._renderRecordSheet()}
      <counter-action-sheet
        .counter=${counter}
        .services=${services}
        ?busy=${this._requests.busy}
        @counter-action=${(e: CustomEvent<{ counterId: string; action: CounterAction }>) => this._onCounterAction(e.detail.action, e.detail.counterId)}
        @sheet-closed=${() => (this._counterId = null)}
      ></counter-action-sheet>
      ${this._issuing
        ? html`<issue-ticket-sheet
            open
            .services=${services}
            .queues=${snapshot.queues}
            .issued=${this._issued}
            ?busy=${this._requests.busy}
            @issue-ticket=${this._onIssue}
            @sheet-closed=${() => (this._issuing = false)}
          ></issue-ticket-sheet>`
        : nothing}
      <what-if-sheet
        .intent=${this._whatIf}
        .snapshot=${snapshot}
        ?busy=${this._requests.busy}
        @what-if-confirmed=${this._onWhatIfConfirmed}
        @sheet-closed=${() => (this._whatIf = null)}
      ></what-if-sheet>
      <device-tickets-sheet
        .alert=${this._throttled}
        branchId=${snapshot.branch.id}
        @device-tickets-cancelled=${this._onDeviceTicketsCancelled}
        @sheet-closed=${() => (this._throttled = null)}
      ></device-tickets-sheet>`;
  }

  /** Runs one request; the server's refusal shows in the toast and the page stays as it was. True when it was done. */
  private async _run(request: () => Promise<unknown>): Promise<boolean> {
    return (await this._requests.run(request)).status === 'done';
  }

  private async _onTicketAction(event: CustomEvent<TicketActionDetail>) {
    const action = event.detail;
    const ticket = { ticketId: action.ticketId };
    const number = this._live.snapshot?.tickets.find((t) => t.id === action.ticketId)?.number ?? '';
    const done = await this._run(() => {
      if (action.kind === 'divert') return this._api.call(queueRoutes.divert, ticket, { machineKind: action.machineKind });
      if (action.kind === 'tier') return this._api.call(queueRoutes.changeTier, ticket, { tier: action.tier });
      if (action.kind === 'transfer') return this._api.call(queueRoutes.transfer, ticket, { serviceId: action.serviceId });
      return this._api.call(queueRoutes.cancel, ticket);
    });
    if (!done) return;
    this._ticketId = null;
    this._undoable = undoableAction(action, number, this._live.snapshot?.services ?? []);
  }

  private async _onCounterAction(action: CounterAction, counterId: string) {
    const done = await this._run(() => this._api.call(counterActionRoutes[action], { counterId }));
    if (done) this._counterId = null;
  }

  private _onWhatIfRequested(event: CustomEvent<WhatIfIntent>) {
    this._counterId = null;
    this._whatIf = event.detail;
  }

  /** Opens a counter or changes its services; a diversion is asked per customer inside the panel. */
  private async _onWhatIfConfirmed(event: CustomEvent<Exclude<WhatIfChoice, { action: 'divert' }>>) {
    const snapshot = this._live.snapshot;
    if (!snapshot) return;
    if (await this._run(() => performWhatIf(this._api, snapshot, event.detail))) this._whatIf = null;
  }

  private _onDeviceTicketsCancelled(event: CustomEvent<DeviceTicketsCancelled>) {
    const { cancelled, deviceLabel } = event.detail;
    this._throttled = null;
    this._toast = msg(str`Cancelled ${cancelled} tickets from kiosk ${deviceLabel}.`);
  }

  private _onOpenIssue() {
    this._issued = null;
    this._issuing = true;
  }

  private async _onIssue(event: CustomEvent<{ serviceId: string; tier: Ticket['tier'] }>) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId) return;
    await this._run(async () => {
      this._issued = await this._api.call(queueRoutes.issueTicket, { branchId }, event.detail);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'triage-page': TriagePage;
  }
}
