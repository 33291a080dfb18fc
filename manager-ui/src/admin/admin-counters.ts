/** The branch's counters (窗口): which services each one calls, VIP and low counters; unused ones can be deleted. */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminCounter, AdminService } from '../../../protocol/admin-schemas.js';
import type { CounterStatus } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { counterBody, counterDraft } from './admin-drafts.js';
import { confirmBox, field, fieldValue, withInput } from './admin-fields.js';
import { AdminRecordSection } from './admin-record-section.js';
import { sectionStyles } from './admin-styles.js';
import { counterName, localName, problemText } from './admin-text.js';
import { checkCounter, type CounterDraft, type Problems } from './admin-validation.js';

@localized()
@customElement('admin-counters')
export class AdminCounters extends AdminRecordSection<AdminCounter, CounterDraft> {
  static override styles = [
    sectionStyles,
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

  /** The active services, which a counter may be set to call. */
  @state() private _services: AdminService[] = [];

  protected override async _list(admin: AdminApi) {
    const [counters, services] = await Promise.all([admin.counters.list(), admin.services.list()]);
    this._services = services.filter((s) => s.active);
    return counters;
  }

  protected override _draftOf(counter: AdminCounter | null) {
    return counterDraft(counter, this._records);
  }

  protected override _check(draft: CounterDraft) {
    return checkCounter(draft, this._records, this._selectedId);
  }

  protected override _save(admin: AdminApi, draft: CounterDraft, selected: AdminCounter | null) {
    const { number, ...changes } = counterBody(draft);
    return selected ? admin.counters.update(selected.id, changes) : admin.counters.create({ number, ...changes });
  }

  protected override _words() {
    return {
      title: msg('Counters'),
      newRecord: msg('New counter'),
      add: msg('Add counter'),
      added: msg('Counter added.'),
      saved: msg('Counter saved.'),
      empty: msg('No counters yet.'),
    };
  }

  protected override _editTitle(counter: AdminCounter) {
    return msg(str`Edit counter ${counter.number}`);
  }

  protected override _recordTestId(counter: AdminCounter) {
    return `admin-counter-${counter.number}`;
  }

  private _statusText(status: CounterStatus) {
    if (status === 'open') return msg('Open');
    if (status === 'paused') return msg('Paused');
    return msg('Closed');
  }

  protected override _renderRecord(counter: AdminCounter) {
    const prefixes = counter.serviceIds.map((id) => this._services.find((s) => s.id === id)?.prefix).filter(Boolean);
    return html`<span class="main">${counterName(counter.number)}</span>
      <span class="chips">
        ${prefixes.map((p) => html`<span class="chip accent number">${p}</span>`)}
        ${counter.vip ? html`<span class="chip accent">${msg('VIP')}</span>` : nothing}
        ${counter.lowCounter ? html`<span class="chip accent">${msg('Low counter')}</span>` : nothing}
      </span>
      <span class="chip ${counter.status === 'closed' ? 'off' : 'ok'}">
        ${this._statusText(counter.status)}${counter.tellerName ? ` · ${counter.tellerName}` : ''}
      </span>`;
  }

  protected override _renderFields(d: CounterDraft, problems: Problems<string>, selected: AdminCounter | null) {
    return html`${selected
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
      <label class="check"><input type="checkbox" name="lowCounter" .checked=${d.lowCounter} />${msg('Low counter: seated, for non-cash business')}</label>`;
  }

  protected override _renderRecordActions(counter: AdminCounter) {
    return counter.deletable
      ? html`<button type="button" class="danger push" data-testid="admin-delete" @click=${() => (this._confirming = true)}>${msg('Delete')}</button>`
      : nothing;
  }

  protected override _renderRecordNote(counter: AdminCounter) {
    return counter.deletable ? nothing : html`<p class="hint">${msg('This counter has been used, so it stays for the records and cannot be deleted.')}</p>`;
  }

  protected override _renderConfirm(counter: AdminCounter) {
    return confirmBox({
      label: msg('Delete counter'),
      question: msg(str`Delete counter ${counter.number}?`),
      confirm: msg('Delete'),
      busy: this._busy,
      onConfirm: () => void this._onDelete(),
      onCancel: () => (this._confirming = false),
    });
  }

  /** Services are ticked in any order but kept in the kiosk's order. */
  protected override _withInput(draft: CounterDraft, event: Event): CounterDraft {
    const input = fieldValue(event);
    if (input?.name !== 'serviceIds') return withInput(draft, event);
    const chosen = new Set(draft.serviceIds);
    if (input.value) chosen.add(input.target.value);
    else chosen.delete(input.target.value);
    return { ...draft, serviceIds: this._services.filter((s) => chosen.has(s.id)).map((s) => s.id) };
  }

  private async _onDelete() {
    if (await this._changeSelected((admin, id) => admin.counters.remove(id), msg('Counter deleted.'))) this._startNew();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-counters': AdminCounters;
  }
}
