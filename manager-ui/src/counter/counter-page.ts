import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { canCallNext, counterIsBusy } from '../../../protocol/actions.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { canUndoNoShow, noShowWait } from '../../../protocol/no-show.js';
import { queueRoutes } from '../../../protocol/queue-routes.js';
import { PAUSE_REASONS, type BranchSettings, type Counter, type PauseReason, type Snapshot, type Ticket, type User } from '../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../app-context.js';
import { commandForKey, isTypingTarget, SHORTCUT_LABELS, transferPrefixForKey } from '../logic/shortcuts.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { counterHeldBy, countersInOrder, currentTicketOf, servicesInOrder, waitingForCounter } from '../logic/snapshot-views.js';
import { tellerActionsFor } from '../logic/ticket-actions.js';
import { counterName } from '../shell/labels.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { TickController } from '../shell/tick-controller.js';
import './counter-chooser.js';
import { feedbackText, type CounterFeedback } from './counter-feedback.js';
import './counter-queues.js';
import './counter-waiting-list.js';
import './no-show-list.js';
import type { CallTicketDetail } from './counter-waiting-list.js';
import './current-ticket-card.js';
import '../records/complaints/complaint-form-sheet.js';
import { counterStateLabel, pauseReasonLabel } from './pause-reasons.js';
import './teller-action-bar.js';
import type { TellerCommandDetail } from './teller-action-bar.js';
import './mini-caller.js';
import { issueWalkInTicket, type WalkInDetail } from './walk-in-button.js';

/** How long a first press of No-show waits for the confirming second one. */
const CONFIRM_NO_SHOW_MS = 4_000;

const TICKET_ROUTES = {
  recall: queueRoutes.recall,
  start: queueRoutes.start,
  complete: queueRoutes.complete,
  no_show: queueRoutes.noShow,
} as const;

/**
 * The teller's counter page (desktop, keyboard first): call, serve and finish customers all day.
 * Routine actions are one key or one click, with no dialog and no animation in the way. The one
 * final action, no-show, asks once in place (press again), and can be undone for two minutes.
 */
@localized()
@customElement('counter-page')
export class CounterPage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  /** The counter picked in the chooser (a manager may operate a counter without holding it). */
  @state() private _chosenCounterId: string | null = null;
  @state() private _picking = false;
  /** What the last action did, for the status line. */
  @state() private _feedback: CounterFeedback | null = null;
  /** No-show was pressed once for this ticket, until this time (ms): a second press confirms. */
  @state() private _confirmNoShow: { ticketId: string; until: number } | null = null;
  /** The last no-show marked here, which can be undone for a short time. */
  @state() private _lastNoShow: Pick<Ticket, 'id' | 'number' | 'endedAt'> | null = null;
  /** Pause was pressed: the reasons are offered in place. */
  @state() private _choosingPauseReason = false;
  /** The ticket a complaint is being logged about (the complaint sheet is open), and the line once it was. */
  @state() private _complaintTicket: Ticket | null = null;
  @state() private _complaintLogged = '';

  /** One request at a time; its refusal shows under the Call next button. */
  private _requests = new RequestController(this);

  // Keeps the minutes shown, the no-show countdown and the undo's time current between live events.
  private _tick = new TickController(this, 1_000);

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        overflow: auto;
      }
      .page {
        display: grid;
        grid-template-columns: 1fr 320px;
        gap: 24px;
        padding: 20px 24px;
        max-width: 1400px;
      }
      main {
        display: grid;
        gap: 16px;
        align-content: start;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
      }
      h1 {
        margin: 0;
        font-size: 30px;
      }
      .state {
        font-weight: 700;
        border-radius: 999px;
        padding: 2px 14px;
        background: #e6f4ea;
        color: var(--ok);
      }
      .state.paused {
        background: #fff4cc;
        color: var(--warn);
      }
      .spacer {
        flex: 1;
      }
      .calls {
        display: grid;
        grid-template-columns: 2fr 1fr;
        gap: 12px;
      }
      .call-next {
        min-height: 96px;
        font-size: 32px;
      }
      .complete-and-call-next {
        min-height: 96px;
        font-size: 20px;
      }
      .reasons {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        background: var(--card);
        border: 2px solid var(--accent);
        border-radius: 10px;
        padding: 8px 12px;
      }
      .reasons span {
        font-weight: 600;
      }
      .undo {
        display: flex;
        align-items: center;
        gap: 12px;
        font-size: 19px;
        font-weight: 600;
      }
      .message {
        min-height: 28px;
        font-size: 19px;
        font-weight: 600;
      }
      .message.error {
        color: var(--alarm);
      }
      .message.info {
        color: var(--muted);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px;
      }
      .loading {
        padding: 48px;
        font-size: 22px;
        color: var(--muted);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown);
    window.addEventListener('keyup', this._onKeyUp);
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this._onKeyDown);
    window.removeEventListener('keyup', this._onKeyUp);
    super.disconnectedCallback();
  }

  private get _now() {
    return Date.now() + this._live.serverOffsetMs;
  }

  /** The counter this user works at: the one a teller holds, or the one a manager picked. */
  private _counter(snapshot: Snapshot): Counter | undefined {
    const held = this._user ? counterHeldBy(snapshot, this._user.id) : undefined;
    if (held) return held;
    if (this._user?.role === 'teller' || !this._chosenCounterId) return undefined;
    const chosen = snapshot.counters.find((c) => c.id === this._chosenCounterId);
    return chosen && chosen.status !== 'closed' ? chosen : undefined;
  }

  override render() {
    const snapshot = this._live.snapshot;
    if (!snapshot) return html`<div class="loading">${msg('Loading…')}</div>`;
    const counter = this._counter(snapshot);
    const stale = this._live.stale ? 'stale' : '';
    if (!counter) {
      return html`<counter-chooser
          class=${stale}
          .counters=${countersInOrder(snapshot)}
          .services=${servicesInOrder(snapshot.services)}
          .user=${this._user}
          ?busy=${this._requests.busy || this._live.stale}
          @counter-chosen=${this._onChooseCounter}
        ></counter-chooser>
        ${this._renderMessage()}`;
    }
    const current = currentTicketOf(snapshot, counter) ?? null;
    const services = servicesInOrder(snapshot.services);
    const busy = this._requests.busy || this._live.stale;
    return html`<div class="page ${stale}">
      <main>
        <header>
          <h1>${counterName(counter.number)}</h1>
          <span class="state ${counter.status}" data-testid="counter-state">${counterStateLabel(counter)}</span>
          <span class="spacer"></span>
          ${counter.status === 'paused'
            ? html`<button data-testid="resume" ?disabled=${busy} @click=${() => this._resume(counter)}>${msg('Resume')}</button>`
            : html`<button data-testid="pause" aria-expanded=${String(this._choosingPauseReason)} ?disabled=${busy} @click=${() => (this._choosingPauseReason = !this._choosingPauseReason)}>${msg('Pause')}</button>`}
          <button class="danger" data-testid="close" ?disabled=${busy} @click=${() => this._close(counter)}>${msg('Close counter')}</button>
        </header>
        ${this._choosingPauseReason && counter.status === 'open' ? this._renderPauseReasons(counter, busy) : nothing}
        <div class="calls">
          <button class="primary call-next" data-testid="call-next" ?disabled=${busy || !canCallNext(counter, current)} @click=${() => this._command({ command: 'call_next' })}>
            ${msg('Call next')}<kbd>${SHORTCUT_LABELS.call_next}</kbd>
          </button>
          <button
            class="complete-and-call-next"
            data-testid="complete-and-call-next"
            ?disabled=${busy || counter.status !== 'open' || current?.status !== 'serving'}
            @click=${() => this._command({ command: 'complete_and_call_next' })}
          >
            ${msg('Complete and call next')}<kbd>${SHORTCUT_LABELS.complete_and_call_next}</kbd>
          </button>
        </div>
        ${this._renderMessage()}
        <current-ticket-card
          .ticket=${current}
          .service=${services.find((s) => s.id === current?.serviceId)}
          .now=${this._now}
          @complaint-request=${(e: CustomEvent<{ ticket: Ticket }>) => (this._complaintTicket = e.detail.ticket)}
        ></current-ticket-card>
        <complaint-form-sheet
          .ticket=${this._complaintTicket}
          @record-saved=${(e: CustomEvent<{ message: string }>) => ([this._complaintTicket, this._complaintLogged, this._feedback] = [null, e.detail.message, null])}
          @sheet-closed=${() => (this._complaintTicket = null)}
        ></complaint-form-sheet>
        ${this._renderActions(snapshot.branch.settings, current, services, busy)}
        <div class="tools">
          <walk-in-button
            .services=${services.filter((s) => counter.serviceIds.includes(s.id))}
            ?disabled=${busy || !canCallNext(counter, current)}
            @walk-in=${(e: CustomEvent<WalkInDetail>) => this._walkIn(counter, e.detail.serviceId)}
          ></walk-in-button>
          ${this._renderMiniCaller(snapshot.branch.settings, counter, current, busy)}
        </div>
        <no-show-list
          headed
          .tickets=${(snapshot.noShows ?? []).filter((t) => counter.serviceIds.includes(t.serviceId))}
          .settings=${snapshot.branch.settings}
          .now=${this._now}
          ?busy=${busy}
          @ticket-requeued=${() => (this._feedback = null)}
        ></no-show-list>
      </main>
      <aside>
        <counter-queues
          .services=${services.filter((s) => counter.serviceIds.includes(s.id))}
          .queues=${snapshot.queues}
          .settings=${snapshot.branch.settings}
          .stateAt=${snapshot.at}
          .now=${this._now}
        ></counter-queues>
        <counter-waiting-list
          .tickets=${waitingForCounter(snapshot, counter)}
          ?callable=${canCallNext(counter, current)}
          ?busy=${busy}
          .now=${this._now}
          @call-ticket=${(e: CustomEvent<CallTicketDetail>) => this._callTicket(counter, e.detail.ticketId)}
        ></counter-waiting-list>
      </aside>
    </div>`;
  }

  private _renderPauseReasons(counter: Counter, busy: boolean) {
    return html`<div class="reasons" role="group" aria-label=${msg('Why pause?')} data-testid="pause-reasons">
      <span>${msg('Why pause?')}</span>
      ${PAUSE_REASONS.map(
        (reason) => html`<button data-testid="pause-${reason}" ?disabled=${busy} @click=${() => this._pause(counter, reason)}>${pauseReasonLabel(reason)}</button>`,
      )}
      <button @click=${() => (this._choosingPauseReason = false)}>${msg('Back')}<kbd>Esc</kbd></button>
    </div>`;
  }

  /** The actions on the current ticket; No-show only once the branch allows it, and asking once. */
  private _renderActions(settings: BranchSettings, current: Ticket | null, services: Snapshot['services'], busy: boolean) {
    const allowed = new Set(tellerActionsFor(current?.status));
    const hint = current?.status === 'called' ? this._noShowHint(current, settings) : '';
    if (hint) allowed.delete('no_show');
    return html`<teller-action-bar
      .allowed=${allowed}
      .transferTargets=${current ? services.filter((s) => s.id !== current.serviceId) : []}
      ?picking=${this._picking && current !== null}
      ?busy=${busy}
      ?noShowConfirming=${this._isConfirmingNoShow(current)}
      .noShowHint=${hint}
      @teller-command=${(e: CustomEvent<TellerCommandDetail>) => this._command(e.detail)}
    ></teller-action-bar>`;
  }

  /** Why No-show is not available yet for the called ticket; empty when it is. */
  private _noShowHint(ticket: Ticket, settings: BranchSettings): string {
    const wait = noShowWait(ticket, settings, this._now);
    if (wait.ready) return '';
    const recalls = wait.recallsNeeded === 1 ? msg('Recall once before a no-show') : msg(str`Recall ${wait.recallsNeeded} more times before a no-show`);
    return wait.secondsLeft === null ? recalls : msg(str`${recalls}, or wait ${wait.secondsLeft} s`);
  }

  private _isConfirmingNoShow(current: Ticket | null): boolean {
    return !!current && this._confirmNoShow?.ticketId === current.id && this._confirmNoShow.until > Date.now();
  }

  private _renderMessage() {
    const error = this._requests.error;
    if (error) return html`<div class="message error" role="alert" data-testid="counter-error">${error}</div>`;
    const undo = this._lastNoShow;
    // A no-show re-queued since (過號重排, here or from triage) has nothing left to undo.
    const requeued = undo && this._live.snapshot?.noShows && !this._live.snapshot.noShows.some((t) => t.id === undo.id);
    if (undo && !requeued && canUndoNoShow(undo.endedAt, this._now)) {
      return html`<div class="undo" role="status" data-testid="undo-no-show">
        ${msg(str`Marked ${undo.number} as no-show`)} —
        <button data-testid="undo" ?disabled=${this._requests.busy} @click=${() => this._undoNoShow(undo.id)}>${msg('Undo')}</button>
      </div>`;
    }
    return html`<div class="message info" role="status" data-testid="counter-info">${this._feedback ? feedbackText(this._feedback) : this._complaintLogged}</div>`;
  }

  /** Runs one request; the server's refusal is shown and nothing else changes. On success, `feedback` says what it did. */
  private async _run<T>(request: () => Promise<T>, feedback?: (value: T) => CounterFeedback | null) {
    if (!this._requests.busy) [this._feedback, this._complaintLogged] = [null, ''];
    const result = await this._requests.run(request);
    if (result.status === 'done' && feedback) this._feedback = feedback(result.value);
    return result;
  }

  private async _onChooseCounter(event: CustomEvent<{ counterId: string }>) {
    const snapshot = this._live.snapshot;
    const counter = snapshot?.counters.find((c) => c.id === event.detail.counterId);
    if (!counter) return;
    // A teller always opens (takes) the counter; a manager only opens it if it is not open yet.
    const needsOpen = this._user?.role === 'teller' || counter.status !== 'open';
    const result = needsOpen ? await this._run(() => this._api.call(queueRoutes.openCounter, { counterId: counter.id })) : { status: 'done' };
    if (result.status === 'done') this._chosenCounterId = counter.id;
  }

  private async _pause(counter: Counter, reason: PauseReason) {
    const result = await this._run(
      () => this._api.call(queueRoutes.pauseCounter, { counterId: counter.id }, { reason }),
      () => ({ kind: 'paused', reason: pauseReasonLabel(reason) }),
    );
    if (result.status === 'done') this._choosingPauseReason = false;
  }

  private _resume(counter: Counter) {
    return this._run(() => this._api.call(queueRoutes.openCounter, { counterId: counter.id }), () => ({ kind: 'resumed' }));
  }

  private async _close(counter: Counter) {
    const result = await this._run(() => this._api.call(queueRoutes.closeCounter, { counterId: counter.id }));
    if (result.status === 'done') this._chosenCounterId = null;
  }

  /** The mini caller window mirrors the page: the same ticket, no-show rule and confirmation, and status line; its buttons run the page's commands. */
  private _renderMiniCaller(settings: BranchSettings, counter: Counter, current: Ticket | null, busy: boolean) {
    const error = this._requests.error;
    return html`<mini-caller
      .counterLabel=${counterName(counter.number)}
      .ticket=${current}
      ?canCallNext=${canCallNext(counter, current)}
      .noShowHint=${current?.status === 'called' ? this._noShowHint(current, settings) : ''}
      ?noShowConfirming=${this._isConfirmingNoShow(current)}
      ?busy=${busy}
      .message=${error || (this._feedback ? feedbackText(this._feedback) : '')}
      ?error=${error !== ''}
      @teller-command=${(e: CustomEvent<TellerCommandDetail>) => this._command(e.detail)}
    ></mini-caller>`;
  }

  /** A customer at the counter without a ticket: one is issued for the chosen service and called here by its number. */
  private _walkIn(counter: Counter, serviceId: string) {
    return this._run(() => issueWalkInTicket(this._api, counter, serviceId), (ticket) => ({ kind: 'called', number: ticket.number, directly: true }));
  }

  private _callTicket(counter: Counter, ticketId: string) {
    return this._run(
      () => this._api.call(queueRoutes.callTicket, { counterId: counter.id }, { ticketId }),
      (ticket) => ({ kind: 'called', number: ticket.number, directly: true }),
    );
  }

  private async _undoNoShow(ticketId: string) {
    const result = await this._run(() => this._api.call(queueRoutes.undoNoShow, { ticketId }), (ticket) => ({ kind: 'no_show_undone', number: ticket.number }));
    if (result.status === 'done') this._lastNoShow = null;
  }

  private async _command({ command, serviceId }: TellerCommandDetail) {
    const snapshot = this._live.snapshot;
    const counter = snapshot ? this._counter(snapshot) : undefined;
    if (!snapshot || !counter || this._requests.busy || this._live.stale) return;
    const current = currentTicketOf(snapshot, counter) ?? null;
    if (command !== 'transfer') this._picking = false;
    if (command !== 'no_show') this._confirmNoShow = null;
    if (command === 'call_next') {
      if (!canCallNext(counter, current)) return;
      await this._run(
        () => this._api.call(queueRoutes.callNext, { counterId: counter.id }),
        (ticket) => (ticket ? { kind: 'called', number: ticket.number, directly: false } : { kind: 'nobody_waiting' }),
      );
      return;
    }
    if (!current || !counterIsBusy(counter, current)) return;
    const { id: ticketId, number } = current;
    if (command === 'complete_and_call_next') {
      if (current.status !== 'serving') return;
      await this._run(
        () => this._api.call(queueRoutes.completeAndCallNext, { counterId: counter.id }),
        (next) => ({ kind: 'completed_and_called', number, next: next?.number ?? null }),
      );
      return;
    }
    if (!tellerActionsFor(current.status).has(command)) return;
    if (command === 'transfer') {
      if (!serviceId) {
        this._picking = !this._picking;
        return;
      }
      this._picking = false;
      const service = snapshot.services.find((s) => s.id === serviceId);
      const name = service ? `${service.prefix} ${localizedName(service.name, getLocale())}` : '';
      await this._run(() => this._api.call(queueRoutes.transfer, { ticketId }, { serviceId }), () => ({ kind: 'transferred', number, service: name }));
      return;
    }
    if (command === 'no_show') return this._noShow(current, snapshot.branch.settings);
    const kind = command === 'recall' ? 'recalled' : command === 'start' ? 'started' : 'completed';
    await this._run(() => this._api.call(TICKET_ROUTES[command], { ticketId }), () => ({ kind, number }));
  }

  /** The first press asks for a second within a few seconds; the second marks the no-show, which can then be undone. */
  private async _noShow(current: Ticket, settings: BranchSettings) {
    if (this._noShowHint(current, settings)) return;
    if (!this._isConfirmingNoShow(current)) {
      this._confirmNoShow = { ticketId: current.id, until: Date.now() + CONFIRM_NO_SHOW_MS };
      return;
    }
    this._confirmNoShow = null;
    const result = await this._run(() => this._api.call(queueRoutes.noShow, { ticketId: current.id }), (ticket) => ({ kind: 'no_show', number: ticket.number }));
    if (result.status === 'done') this._lastNoShow = result.value;
  }

  private _onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || isTypingTarget(event.composedPath()[0] as HTMLElement)) return;
    // The complaint sheet is a modal dialog: its keys are its own.
    if (this._complaintTicket) return;
    const snapshot = this._live.snapshot;
    if (!snapshot || !this._counter(snapshot)) return;
    if (event.key === 'Escape' || event.code === 'Escape') {
      this._picking = false;
      this._choosingPauseReason = false;
      this._confirmNoShow = null;
      return;
    }
    if (this._picking) {
      const prefix = transferPrefixForKey(event, snapshot.services.map((s) => s.prefix));
      const service = prefix ? snapshot.services.find((s) => s.prefix === prefix) : undefined;
      if (service) {
        event.preventDefault();
        void this._command({ command: 'transfer', serviceId: service.id });
        return;
      }
    }
    const command = commandForKey(event);
    if (!command) return;
    // Space would also press the focused button, F1 would open the browser's help, and an input method would compose the letter.
    event.preventDefault();
    void this._command({ command });
  };

  /** Buttons are pressed on Space's key-up; the shortcut already acted on key-down. */
  private _onKeyUp = (event: KeyboardEvent) => {
    if ((event.key === ' ' || event.code === 'Space') && !isTypingTarget(event.composedPath()[0] as HTMLElement) && this._live.snapshot && this._counter(this._live.snapshot)) {
      event.preventDefault();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-page': CounterPage;
  }
}
