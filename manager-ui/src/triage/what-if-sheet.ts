import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import { planningRoutes } from '../../../protocol/planning-routes.js';
import type { Snapshot, Ticket } from '../../../protocol/schemas.js';
import { adminApi } from '../admin/admin-api.js';
import { apiContext } from '../app-context.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { servicesInOrder, waitingTicketsOf } from '../logic/snapshot-views.js';
import '../shell/bottom-sheet.js';
import { errorText } from '../shell/error-text.js';
import { counterName, machineKindLabel } from '../shell/labels.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { availableTellers, choiceProblem, divertCandidates, initialChoice, MAX_DIVERT_COUNT, whatIfBody, type WhatIfChoice, type WhatIfIntent } from './what-if-actions.js';
import './what-if-divert-list.js';
import './what-if-forecast-table.js';
import './what-if-ticket-now.js';
import { whatIfStyles } from './what-if-styles.js';

/** Steps of the count wait this long for the next tap before asking for a forecast. */
const SETTLE_MS = 300;

/**
 * The what-if panel: the action set up (teller, number of customers, services), the predicted
 * next hour with and without it, then Confirm or Cancel. The forecast never blocks: Confirm works
 * while it loads, and the last forecast stays in view (dimmed) while a new one comes.
 * A diversion is proposed, then asked per customer: Confirm lists the customers to ask, and each is
 * diverted only when the manager taps them after asking (what-if-divert-list).
 * @fires what-if-confirmed - detail: the open-counter or reassign-counter choice — perform it
 * @fires sheet-closed - when cancelled or dismissed
 */
@localized()
@customElement('what-if-sheet')
export class WhatIfSheet extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  /** What opened the panel; null hides it. */
  @property({ attribute: false }) intent: WhatIfIntent | null = null;
  /** The live hall. */
  @property({ attribute: false }) snapshot: Snapshot | null = null;
  /** The action is being performed. */
  @property({ type: Boolean }) busy = false;

  @state() private _choice: WhatIfChoice | null = null;
  @state() private _forecast: WhatIfForecast | null = null;
  /** The hall's sequence number the forecast started from. */
  @state() private _forecastSeq = -1;
  /** The branch's staff accounts (null while loading); who is free is read from the live hall. */
  @state() private _staff: AdminUser[] | null = null;
  @state() private _tellersError = '';
  /** The customers proposed for a diversion, once the manager goes to ask them; null before. */
  @state() private _asking: Ticket[] | null = null;

  /** The latest choice's forecast wins: answers for a choice already changed are dropped. */
  private _forecasts = new RequestController(this, 'latest');
  private _timer: ReturnType<typeof setTimeout> | null = null;

  static override styles = [tokens, buttons, whatIfStyles];

  override disconnectedCallback() {
    if (this._timer) clearTimeout(this._timer);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('intent')) return;
    this._forecasts.cancel();
    this._forecast = null;
    this._staff = null;
    this._asking = null;
    this._choice = this.intent && this.snapshot ? initialChoice(this.intent, this.snapshot) : null;
    if (this._choice) this._forecastSoon(0);
    if (this._choice?.action === 'open-counter' && this._counter?.status === 'closed') void this._loadTellers();
  }

  private get _counter() {
    const choice = this._choice;
    return choice && 'counterId' in choice ? this.snapshot?.counters.find((c) => c.id === choice.counterId) : undefined;
  }

  override render() {
    const choice = this._choice;
    const snapshot = this.snapshot;
    if (!this.intent || !choice || !snapshot) return nothing;
    if (choice.action === 'divert' && this._asking) return this._renderAsking(choice, this._asking);
    const problem = choiceProblem(choice, snapshot);
    const hallChanged = this._forecast !== null && !this._forecasts.busy && this._forecastSeq !== snapshot.seq;
    return html`<bottom-sheet open data-testid="what-if">
      <h2 slot="heading">${this._title(choice)}</h2>
      ${choice.action === 'open-counter' ? this._renderTellers(choice) : nothing}
      ${choice.action === 'divert' ? this._renderDivert(choice) : nothing}
      ${choice.action === 'reassign-counter' ? this._renderServices(choice) : nothing}
      <what-if-forecast-table .forecast=${this._forecast} ?loading=${this._forecasts.busy} problem=${this._problemText(problem)}></what-if-forecast-table>
      <what-if-ticket-now .forecast=${this._forecast} .services=${snapshot.services}></what-if-ticket-now>
      <div class="footer">
        ${hallChanged
          ? html`<span class="changed">${msg('The hall has changed since this forecast.')}</span>
              <button data-testid="what-if-refresh" @click=${() => this._forecastSoon(0)}>${msg('Forecast again')}</button>`
          : html`<span class="changed"></span>`}
        <button data-testid="what-if-cancel" @click=${this._onCancel}>${msg('Cancel')}</button>
        <button class="primary confirm" data-testid="what-if-confirm" ?disabled=${this.busy || problem !== null} @click=${this._onConfirm}>
          ${this._confirmLabel(choice)}
        </button>
      </div>
    </bottom-sheet>`;
  }

  private _title(choice: WhatIfChoice) {
    const counter = this._counter;
    if (choice.action === 'open-counter') {
      return counter?.status === 'paused' ? msg(str`Resume ${counterName(counter.number)}?`) : msg(str`Open ${counterName(counter?.number ?? 0)}?`);
    }
    if (choice.action === 'reassign-counter') return msg(str`Services of ${counterName(counter?.number ?? 0)}`);
    const service = this.snapshot?.services.find((s) => s.id === choice.serviceId);
    const name = service ? `${service.prefix} ${localizedName(service.name, getLocale())}` : '';
    return msg(str`Send ${name} customers to the ${machineKindLabel(service?.selfServiceKind ?? 'atm')}?`);
  }

  private _renderTellers(choice: Extract<WhatIfChoice, { action: 'open-counter' }>) {
    if (this._counter?.status !== 'closed') return nothing;
    const tellers = this._staff && availableTellers(this._staff, this.snapshot!.counters);
    return html`<h3>${msg('Who will staff it?')}</h3>
      <div class="chips" role="radiogroup" aria-label=${msg('Teller')}>
        ${(tellers ?? []).map(
          (t) => html`<button role="radio" aria-checked=${choice.tellerId === t.id} data-testid="what-if-teller-${t.username}" @click=${() => this._choose({ ...choice, tellerId: t.id }, false)}>
            ${t.displayName}
          </button>`,
        )}
        <button role="radio" aria-checked=${choice.tellerId === null} data-testid="what-if-no-teller" @click=${() => this._choose({ ...choice, tellerId: null }, false)}>
          ${msg('Without a teller')}
        </button>
      </div>
      ${tellers === null && !this._tellersError ? html`<p class="hint">${msg('Loading tellers…')}</p>` : nothing}
      ${tellers?.length === 0 ? html`<p class="hint">${msg('Every teller is at another counter: open without one, or close a counter first.')}</p>` : nothing}
      ${this._tellersError ? html`<p class="hint">${this._tellersError}</p>` : nothing}`;
  }

  private _renderDivert(choice: Extract<WhatIfChoice, { action: 'divert' }>) {
    const waiting = waitingTicketsOf(this.snapshot!, choice.serviceId).length;
    const most = Math.min(waiting, MAX_DIVERT_COUNT);
    const set = (count: number) => this._choose({ ...choice, count: Math.max(1, Math.min(most, count)) }, true);
    return html`<h3>${msg('How many customers?')}</h3>
      <div class="stepper">
        <button aria-label=${msg('Fewer')} data-testid="what-if-fewer" ?disabled=${choice.count <= 1} @click=${() => set(choice.count - 1)}>−</button>
        <output class="count" data-testid="what-if-count">${choice.count}</output>
        <button aria-label=${msg('More')} data-testid="what-if-more" ?disabled=${choice.count >= most} @click=${() => set(choice.count + 1)}>+</button>
        <span class="of">${msg(str`of ${waiting} waiting`)}</span>
      </div>
      <p class="hint">
        ${msg('The customers who have waited longest; ask them first:')}
        ${divertCandidates(this.snapshot!, choice.serviceId, choice.count).map((t) => html`<span class="number ticket">${t.number}</span>`)}
      </p>`;
  }

  /** The proposed customers, each asked and then diverted or skipped; Done closes the panel. */
  private _renderAsking(choice: Extract<WhatIfChoice, { action: 'divert' }>, proposed: Ticket[]) {
    const service = this.snapshot!.services.find((s) => s.id === choice.serviceId);
    return html`<bottom-sheet open data-testid="what-if">
      <h2 slot="heading">${this._title(choice)}</h2>
      <p class="hint">${msg('Ask each customer in turn. Divert only those who agree.')}</p>
      <what-if-divert-list
        .proposed=${proposed}
        .live=${this.snapshot!.tickets}
        machineKind=${service?.selfServiceKind ?? 'atm'}
        .now=${Date.parse(this.snapshot!.at)}
      ></what-if-divert-list>
      <div class="footer">
        <span class="changed"></span>
        <button class="primary confirm" data-testid="what-if-done" @click=${this._onCancel}>${msg('Done')}</button>
      </div>
    </bottom-sheet>`;
  }

  private _renderServices(choice: Extract<WhatIfChoice, { action: 'reassign-counter' }>) {
    const toggle = (id: string) =>
      this._choose({ ...choice, serviceIds: choice.serviceIds.includes(id) ? choice.serviceIds.filter((s) => s !== id) : [...choice.serviceIds, id] }, true);
    return html`<h3>${msg('Services it will call')}</h3>
      <div class="chips">
        ${servicesInOrder(this.snapshot!.services).map(
          (s) => html`<button aria-pressed=${choice.serviceIds.includes(s.id)} data-testid="what-if-service-${s.prefix}" @click=${() => toggle(s.id)}>
            <span class="prefix">${s.prefix}</span> ${localizedName(s.name, getLocale())}
          </button>`,
        )}
      </div>`;
  }

  private _problemText(problem: ReturnType<typeof choiceProblem>): string {
    if (problem === 'no-services') return msg('Choose at least one service.');
    if (problem === 'unchanged') return msg('Choose the services the counter should call instead.');
    if (problem === 'too-few-waiting') return msg('Fewer customers are waiting now.');
    const error = this._forecasts.error;
    return error ? msg(str`No forecast: ${error}`) : '';
  }

  private _confirmLabel(choice: WhatIfChoice): string {
    if (choice.action === 'divert') return msg(str`Ask ${choice.count} customers`);
    if (choice.action === 'reassign-counter') return msg('Change services');
    if (this._counter?.status === 'paused') return msg('Resume');
    const teller = this._staff?.find((t) => t.id === choice.tellerId);
    return teller ? msg(str`Open for ${teller.displayName}`) : msg('Open without a teller');
  }

  /** A new choice; `reforecast` when it changes the prediction (the teller does not). */
  private _choose(choice: WhatIfChoice, reforecast: boolean) {
    this._choice = choice;
    if (reforecast) this._forecastSoon(SETTLE_MS);
  }

  private _forecastSoon(delayMs: number) {
    if (this._timer) clearTimeout(this._timer);
    this._timer = setTimeout(() => void this._loadForecast(), delayMs);
  }

  private async _loadForecast() {
    const choice = this._choice;
    const snapshot = this.snapshot;
    if (!choice || !snapshot) return;
    if (choiceProblem(choice, snapshot)) {
      this._forecasts.cancel();
      return;
    }
    const outcome = await this._forecasts.run(() => this._api.call(planningRoutes.whatIf, { branchId: snapshot.branch.id }, whatIfBody(choice)));
    if (outcome.status === 'done') {
      this._forecast = outcome.value;
      this._forecastSeq = snapshot.seq;
    } else if (outcome.status === 'failed') {
      this._forecast = null;
    }
  }

  private async _loadTellers() {
    const { snapshot, intent } = this;
    if (!snapshot) return;
    this._tellersError = '';
    try {
      const users = await adminApi(this._api, snapshot.branch.id).users.list();
      if (this.intent === intent) this._staff = users;
    } catch (err) {
      if (this.intent !== intent) return;
      this._staff = [];
      this._tellersError = errorText(err);
    }
  }

  private _onCancel() {
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  }

  private _onConfirm() {
    const choice = this._choice;
    // A diversion is not done here: the customers are asked one by one first.
    if (choice?.action === 'divert' && this.snapshot) {
      this._asking = divertCandidates(this.snapshot, choice.serviceId, choice.count);
      this._forecasts.cancel();
      return;
    }
    if (this._choice) this.dispatchEvent(new CustomEvent<WhatIfChoice>('what-if-confirmed', { detail: this._choice, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'what-if-sheet': WhatIfSheet;
  }
}
