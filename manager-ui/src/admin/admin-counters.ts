/** The branch's counters (窗口): which services each one calls, VIP and low counters; unused ones can be deleted. */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminCounter, AdminService } from '../../../protocol/admin-schemas.js';
import type { CounterStatus } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { counterBody, counterDraft } from './admin-drafts.js';
import { field, fieldValue } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { adminControls, adminLayout, adminTokens } from './admin-styles.js';
import { counterName, localName, problemText } from './admin-text.js';
import { checkCounter, hasProblems, type CounterDraft } from './admin-validation.js';

@localized()
@customElement('admin-counters')
export class AdminCounters extends AdminSection {
  static override styles = [
    adminTokens,
    adminControls,
    adminLayout,
    css`
      .record {
        grid-template-columns: minmax(120px, auto) minmax(0, 1fr) auto;
      }
      .services {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 4px 12px;
        border: 2px solid var(--line);
        border-radius: 8px;
        padding: 6px 12px;
      }
      .services.invalid {
        border-color: var(--alarm);
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        font-size: 15px;
        padding: 0 0 4px;
      }
      .problem {
        color: var(--alarm);
        font-size: 14px;
        font-weight: 600;
      }
    `,
  ];

  @state() private _counters: AdminCounter[] = [];
  @state() private _services: AdminService[] = [];
  @state() private _selectedId: string | null = null;
  @state() private _draft: CounterDraft = counterDraft(null, []);
  @state() private _confirmingDelete = false;

  protected override async _reload(admin: AdminApi) {
    const [counters, services] = await Promise.all([admin.counters.list(), admin.services.list()]);
    this._counters = counters;
    this._services = services.filter((s) => s.active);
    const selected = counters.find((c) => c.id === this._selectedId) ?? null;
    if (!selected) this._selectedId = null;
    if (!this._showProblems) this._draft = counterDraft(selected, counters);
  }

  protected override _reset() {
    this._selectedId = null;
    this._confirmingDelete = false;
  }

  private get _selected() {
    return this._counters.find((c) => c.id === this._selectedId) ?? null;
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="counters-title">
        <div class="list-head">
          <h2 id="counters-title">${msg('Counters')}</h2>
          <button data-testid="admin-new" @click=${this._onNew}>＋ ${msg('New counter')}</button>
        </div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._counters.map((c) => this._renderRecord(c))}
        </ul>
      </section>
      ${this._renderForm()}
    </div>`;
  }

  private _statusText(status: CounterStatus) {
    if (status === 'open') return msg('Open');
    if (status === 'paused') return msg('Paused');
    return msg('Closed');
  }

  private _renderRecord(counter: AdminCounter) {
    const prefixes = counter.serviceIds.map((id) => this._services.find((s) => s.id === id)?.prefix).filter(Boolean);
    return html`<li>
      <button
        class="record"
        aria-current=${counter.id === this._selectedId ? 'true' : 'false'}
        data-testid="admin-counter-${counter.number}"
        @click=${() => this._onSelect(counter)}
      >
        <span class="main">${counterName(counter.number)}</span>
        <span class="chips">
          ${prefixes.map((p) => html`<span class="chip accent number">${p}</span>`)}
          ${counter.vip ? html`<span class="chip accent">${msg('VIP')}</span>` : nothing}
          ${counter.lowCounter ? html`<span class="chip accent">${msg('Low counter')}</span>` : nothing}
        </span>
        <span class="chip ${counter.status === 'closed' ? 'off' : 'ok'}">
          ${this._statusText(counter.status)}${counter.tellerName ? ` · ${counter.tellerName}` : ''}
        </span>
      </button>
    </li>`;
  }

  private _renderForm() {
    const selected = this._selected;
    const problems = this._showProblems ? checkCounter(this._draft, this._counters, this._selectedId) : {};
    const d = this._draft;
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${selected ? msg(str`Edit counter ${selected.number}`) : msg('New counter')}</h3>
      ${selected
        ? nothing
        : field(
            msg('Counter number'),
            html`<input name="number" type="number" inputmode="numeric" class="number" min=${ADMIN_LIMITS.counterNumber.min} max=${ADMIN_LIMITS.counterNumber.max} .value=${d.number} required aria-invalid=${!!problems.number} />`,
            problems.number,
            msg('As shown above the counter'),
          )}
      <fieldset>
        <legend>${msg('Services it calls')}</legend>
        <div class="services ${problems.serviceIds ? 'invalid' : ''}">
          ${this._services.map(
            (s) => html`<label class="check">
              <input type="checkbox" name="serviceIds" value=${s.id} .checked=${d.serviceIds.includes(s.id)} data-testid="admin-counter-service-${s.prefix}" />
              <span><span class="number">${s.prefix}</span> ${localName(s.name)}</span>
            </label>`,
          )}
        </div>
        ${problems.serviceIds ? html`<span class="problem" data-testid="admin-problem">${problemText(problems.serviceIds)}</span>` : nothing}
      </fieldset>
      <label class="check"><input type="checkbox" name="vip" .checked=${d.vip} />${msg('VIP counter: calls VIP tickets first')}</label>
      <label class="check"><input type="checkbox" name="lowCounter" .checked=${d.lowCounter} />${msg('Low counter: seated, for non-cash business')}</label>
      ${this._renderOutcome()}
      ${this._confirmingDelete && selected ? this._renderConfirm(selected) : this._renderActions(selected)}
    </form>`;
  }

  private _renderActions(selected: AdminCounter | null) {
    return html`<div class="actions">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>
          ${selected ? msg('Save changes') : msg('Add counter')}
        </button>
        ${selected?.deletable
          ? html`<button type="button" class="danger push" data-testid="admin-delete" @click=${() => (this._confirmingDelete = true)}>${msg('Delete')}</button>`
          : nothing}
      </div>
      ${selected && !selected.deletable ? html`<p class="hint">${msg('This counter has been used, so it stays for the records and cannot be deleted.')}</p>` : nothing}`;
  }

  private _renderConfirm(selected: AdminCounter) {
    return html`<div class="refusal" role="alertdialog" aria-label=${msg('Delete counter')}>
      <strong>${msg(str`Delete counter ${selected.number}?`)}</strong>
      <div class="actions">
        <button type="button" class="danger primary" data-testid="admin-confirm" ?disabled=${this._busy} @click=${this._onDelete}>${msg('Delete')}</button>
        <button type="button" data-testid="admin-cancel" @click=${() => (this._confirmingDelete = false)}>${msg('Keep it')}</button>
      </div>
    </div>`;
  }

  private _onNew() {
    this._clearOutcome();
    this._startNew();
  }

  private _startNew() {
    this._confirmingDelete = false;
    this._selectedId = null;
    this._draft = counterDraft(null, this._counters);
  }

  private _onSelect(counter: AdminCounter) {
    this._clearOutcome();
    this._select(counter);
  }

  private _select(counter: AdminCounter) {
    this._confirmingDelete = false;
    this._selectedId = counter.id;
    this._draft = counterDraft(counter, this._counters);
  }

  private _onInput(event: Event) {
    const input = fieldValue(event);
    if (!input) return;
    if (input.name === 'serviceIds') {
      const id = input.target.value;
      const chosen = new Set(this._draft.serviceIds);
      if (input.value) chosen.add(id);
      else chosen.delete(id);
      // Keep the kiosk's order, whatever the order of the taps.
      this._draft = { ...this._draft, serviceIds: this._services.filter((s) => chosen.has(s.id)).map((s) => s.id) };
      return;
    }
    this._draft = { ...this._draft, [input.name]: input.value };
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    if (hasProblems(checkCounter(this._draft, this._counters, this._selectedId))) return;
    const { number, ...changes } = counterBody(this._draft);
    const selectedId = this._selectedId;
    const sent = selectedId
      ? await this._send((admin) => admin.counters.update(selectedId, changes), msg('Counter saved.'))
      : await this._send((admin) => admin.counters.create({ number, ...changes }), msg('Counter added.'));
    if (sent) this._select(sent.reply);
  }

  private async _onDelete() {
    const id = this._selectedId;
    if (!id) return;
    const sent = await this._send((admin) => admin.counters.remove(id), msg('Counter deleted.'));
    if (sent) this._startNew();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-counters': AdminCounters;
  }
}
