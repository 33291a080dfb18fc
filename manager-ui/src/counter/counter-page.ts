import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { canCallNext, type CounterAction } from '../../../protocol/actions.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { counterActionRoutes, queueRoutes } from '../../../protocol/queue-routes.js';
import type { Counter, Snapshot, User } from '../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../app-context.js';
import { commandForKey, isTypingTarget, transferPrefixForKey } from '../logic/shortcuts.js';
import { counterHeldBy, countersInOrder, currentTicketOf, servicesInOrder } from '../logic/snapshot-views.js';
import { tellerActionsFor } from '../logic/ticket-actions.js';
import { counterName, counterStatusLabel } from '../shell/labels.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { TickController } from '../shell/tick-controller.js';
import './counter-chooser.js';
import './counter-queues.js';
import './current-ticket-card.js';
import './teller-action-bar.js';
import type { TellerCommandDetail } from './teller-action-bar.js';

const TICKET_ROUTES = {
  recall: queueRoutes.recall,
  start: queueRoutes.start,
  complete: queueRoutes.complete,
  no_show: queueRoutes.noShow,
} as const;

/**
 * The teller's counter page (desktop, keyboard first): call, serve and finish customers all day.
 * Routine actions are one key or one click, with no dialog and no animation in the way.
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
  @state() private _info = '';

  /** One request at a time; its refusal shows under the Call next button. */
  private _requests = new RequestController(this);

  // Keeps the minutes shown (waited, serving for) current between live events.
  private _tick = new TickController(this, 15_000);

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
      .call-next {
        min-height: 96px;
        font-size: 32px;
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
          <span class="state ${counter.status}">${counterStatusLabel(counter.status)}</span>
          <span class="spacer"></span>
          ${counter.status === 'paused'
            ? html`<button data-testid="resume" ?disabled=${busy} @click=${() => this._counterAction(counter, 'open')}>${msg('Resume')}</button>`
            : html`<button data-testid="pause" ?disabled=${busy} @click=${() => this._counterAction(counter, 'pause')}>${msg('Pause')}</button>`}
          <button class="danger" data-testid="close" ?disabled=${busy} @click=${() => this._counterAction(counter, 'close')}>${msg('Close counter')}</button>
        </header>
        <button class="primary call-next" data-testid="call-next" ?disabled=${busy || !canCallNext(counter, current)} @click=${() => this._command({ command: 'call_next' })}>
          ${msg('Call next')}<kbd>Space / F1</kbd>
        </button>
        ${this._renderMessage()}
        <current-ticket-card .ticket=${current} .service=${services.find((s) => s.id === current?.serviceId)} .now=${this._now}></current-ticket-card>
        <teller-action-bar
          .allowed=${tellerActionsFor(current?.status)}
          .transferTargets=${current ? services.filter((s) => s.id !== current.serviceId) : []}
          ?picking=${this._picking && current !== null}
          ?busy=${busy}
          @teller-command=${(e: CustomEvent<TellerCommandDetail>) => this._command(e.detail)}
        ></teller-action-bar>
      </main>
      <aside>
        <counter-queues
          .services=${services.filter((s) => counter.serviceIds.includes(s.id))}
          .queues=${snapshot.queues}
          .settings=${snapshot.branch.settings}
          .stateAt=${snapshot.at}
          .now=${this._now}
        ></counter-queues>
      </aside>
    </div>`;
  }

  private _renderMessage() {
    const error = this._requests.error;
    if (error) return html`<div class="message error" role="alert" data-testid="counter-error">${error}</div>`;
    return html`<div class="message info" role="status" data-testid="counter-info">${this._info}</div>`;
  }

  /** Runs one request; the server's refusal is shown and nothing else changes. */
  private _run<T>(request: () => Promise<T>) {
    if (!this._requests.busy) this._info = '';
    return this._requests.run(request);
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

  private async _counterAction(counter: Counter, action: CounterAction) {
    const result = await this._run(() => this._api.call(counterActionRoutes[action], { counterId: counter.id }));
    if (result.status === 'done' && action === 'close') this._chosenCounterId = null;
  }

  private async _command({ command, serviceId }: TellerCommandDetail) {
    const snapshot = this._live.snapshot;
    const counter = snapshot ? this._counter(snapshot) : undefined;
    if (!snapshot || !counter || this._requests.busy || this._live.stale) return;
    const current = currentTicketOf(snapshot, counter);
    if (command !== 'transfer') this._picking = false;
    if (command === 'call_next') {
      if (!canCallNext(counter, current)) return;
      const result = await this._run(() => this._api.call(queueRoutes.callNext, { counterId: counter.id }));
      if (result.status === 'done' && result.value === null) this._info = msg('Nobody is waiting for your services.');
      return;
    }
    if (!current || !tellerActionsFor(current.status).has(command)) return;
    const ticketId = current.id;
    if (command === 'transfer') {
      if (!serviceId) {
        this._picking = !this._picking;
        return;
      }
      this._picking = false;
      await this._run(() => this._api.call(queueRoutes.transfer, { ticketId }, { serviceId }));
      return;
    }
    await this._run(() => this._api.call(TICKET_ROUTES[command], { ticketId }));
  }

  private _onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat || isTypingTarget(event.composedPath()[0] as HTMLElement)) return;
    const snapshot = this._live.snapshot;
    if (!snapshot || !this._counter(snapshot)) return;
    if (this._picking) {
      if (event.key === 'Escape') {
        this._picking = false;
        return;
      }
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
    // Space would also press the focused button, and F1 would open the browser's help.
    event.preventDefault();
    void this._command({ command });
  };

  /** Buttons are pressed on Space's key-up; the shortcut already acted on key-down. */
  private _onKeyUp = (event: KeyboardEvent) => {
    if (event.key === ' ' && !isTypingTarget(event.composedPath()[0] as HTMLElement) && this._live.snapshot && this._counter(this._live.snapshot)) {
      event.preventDefault();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-page': CounterPage;
  }
}
