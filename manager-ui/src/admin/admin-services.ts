/** The services the branch offers (A 現金存取, B 轉賬匯款, …): add, edit, deactivate and bring back. */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminService } from '../../../protocol/admin-schemas.js';
import type { AdminApi } from './admin-api.js';
import { serviceBody, serviceDraft } from './admin-drafts.js';
import { field, fieldValue } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { adminControls, adminLayout, adminTokens } from './admin-styles.js';
import { localName, machineKindName } from './admin-text.js';
import { checkService, hasProblems, type ServiceDraft } from './admin-validation.js';

@localized()
@customElement('admin-services')
export class AdminServices extends AdminSection {
  static override styles = [
    adminTokens,
    adminControls,
    adminLayout,
    css`
      .record {
        grid-template-columns: 44px 32px minmax(0, 1fr) auto auto;
      }
      .prefix {
        font-size: 28px;
        color: var(--accent);
      }
      .icon {
        font-size: 24px;
      }
      .row3 {
        display: grid;
        grid-template-columns: 1fr 1fr 1fr;
        gap: 12px;
      }
      .prefix-input {
        font-size: 22px;
        text-align: center;
      }
    `,
  ];

  @state() private _services: AdminService[] = [];
  /** The service being edited, or null while the form adds a new one. */
  @state() private _selectedId: string | null = null;
  @state() private _draft: ServiceDraft = serviceDraft(null, []);
  @state() private _confirmingDeactivate = false;

  protected override async _reload(admin: AdminApi) {
    this._services = await admin.services.list();
    const selected = this._services.find((s) => s.id === this._selectedId) ?? null;
    if (!selected) this._selectedId = null;
    if (!this._showProblems) this._draft = serviceDraft(selected, this._services);
  }

  protected override _reset() {
    this._selectedId = null;
    this._confirmingDeactivate = false;
  }

  private get _selected() {
    return this._services.find((s) => s.id === this._selectedId) ?? null;
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="services-title">
        <div class="list-head">
          <h2 id="services-title">${msg('Services')}</h2>
          <button data-testid="admin-new" @click=${this._onNew}>＋ ${msg('New service')}</button>
        </div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._services.map((s) => this._renderRecord(s))}
        </ul>
      </section>
      ${this._renderForm()}
    </div>`;
  }

  private _renderRecord(service: AdminService) {
    const others = [service.name.zhHant, service.name.zhHans, service.name.en].filter((n) => n !== localName(service.name));
    return html`<li>
      <button
        class="record ${service.active ? '' : 'inactive'}"
        aria-current=${service.id === this._selectedId ? 'true' : 'false'}
        data-testid="admin-service-${service.prefix}"
        @click=${() => this._onSelect(service)}
      >
        <span class="prefix number">${service.prefix}</span>
        <span class="icon" aria-hidden="true">${service.icon}</span>
        <span>
          <div class="main">${localName(service.name)}</div>
          <div class="sub">${others.join(' · ')}</div>
        </span>
        <span class="sub">${msg(str`target ${Math.round(service.targetWaitSeconds / 60)} min`)}</span>
        ${service.active
          ? html`<span class="chip ok">${msg('Active')}</span>`
          : html`<span class="chip off">${msg('Inactive')}</span>`}
      </button>
    </li>`;
  }

  private _renderForm() {
    const selected = this._selected;
    const problems = this._showProblems ? checkService(this._draft, this._services, this._selectedId) : {};
    const d = this._draft;
    const L = ADMIN_LIMITS;
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${selected ? msg(str`Edit service ${selected.prefix}`) : msg('New service')}</h3>
      <div class="row3">
        ${field(msg('Prefix A–Z'), html`<input name="prefix" .value=${d.prefix} maxlength="1" required autocomplete="off" aria-invalid=${!!problems.prefix} class="number prefix-input" />`, problems.prefix)}
        ${field(msg('Icon (emoji)'), html`<input name="icon" .value=${d.icon} maxlength=${L.iconLength} autocomplete="off" aria-invalid=${!!problems.icon} />`, problems.icon)}
        ${field(msg('Order'), html`<input name="sortOrder" type="number" inputmode="numeric" min="0" max=${L.sortOrder.max} .value=${d.sortOrder} aria-invalid=${!!problems.sortOrder} />`, problems.sortOrder)}
      </div>
      <div class="row2">
        ${field(msg('Name (繁體中文)'), html`<input name="nameZhHant" lang="zh-Hant" .value=${d.nameZhHant} required maxlength=${L.nameLength} aria-invalid=${!!problems.nameZhHant} />`, problems.nameZhHant)}
        ${field(msg('Name (简体中文)'), html`<input name="nameZhHans" lang="zh-Hans" .value=${d.nameZhHans} required maxlength=${L.nameLength} aria-invalid=${!!problems.nameZhHans} />`, problems.nameZhHans)}
      </div>
      ${field(msg('Name (English)'), html`<input name="nameEn" lang="en" .value=${d.nameEn} required maxlength=${L.nameLength} aria-invalid=${!!problems.nameEn} />`, problems.nameEn)}
      <div class="row2">
        ${field(msg('Target wait (min)'), html`<input name="targetWaitMinutes" type="number" inputmode="decimal" min="1" max="240" step="any" .value=${d.targetWaitMinutes} required aria-invalid=${!!problems.targetWaitMinutes} />`, problems.targetWaitMinutes)}
        ${field(msg('Service time (min)'), html`<input name="serviceMinutes" type="number" inputmode="decimal" min="0.5" max="120" step="any" .value=${d.serviceMinutes} required aria-invalid=${!!problems.serviceMinutes} />`, problems.serviceMinutes)}
      </div>
      ${field(
        msg('Self-service alternative'),
        html`<select name="selfServiceKind" .value=${d.selfServiceKind}>
          <option value="" ?selected=${d.selfServiceKind === ''}>${msg('None')}</option>
          <option value="atm" ?selected=${d.selfServiceKind === 'atm'}>${machineKindName('atm')}</option>
          <option value="self_service_terminal" ?selected=${d.selfServiceKind === 'self_service_terminal'}>${machineKindName('self_service_terminal')}</option>
        </select>`,
        undefined,
        msg('The kiosk suggests it before issuing a ticket.'),
      )}
      ${this._renderOutcome()}
      ${this._confirmingDeactivate && selected ? this._renderConfirm(selected) : this._renderActions(selected)}
    </form>`;
  }

  private _renderActions(selected: AdminService | null) {
    return html`<div class="actions">
      <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>
        ${selected ? msg('Save changes') : msg('Add service')}
      </button>
      ${selected && selected.active
        ? html`<button type="button" class="danger push" data-testid="admin-deactivate" @click=${() => (this._confirmingDeactivate = true)}>${msg('Deactivate')}</button>`
        : nothing}
      ${selected && !selected.active
        ? html`<button type="button" class="push" data-testid="admin-reactivate" ?disabled=${this._busy} @click=${this._onReactivate}>${msg('Reactivate')}</button>`
        : nothing}
    </div>`;
  }

  private _renderConfirm(selected: AdminService) {
    return html`<div class="refusal" role="alertdialog" aria-label=${msg('Deactivate service')}>
      <strong>${msg(str`Deactivate ${localName(selected.name)}?`)}</strong>
      ${msg('The kiosk stops offering it and counters stop calling it. Its past tickets stay in the records.')}
      <div class="actions">
        <button type="button" class="danger primary" data-testid="admin-confirm" ?disabled=${this._busy} @click=${this._onDeactivate}>${msg('Deactivate')}</button>
        <button type="button" data-testid="admin-cancel" @click=${() => (this._confirmingDeactivate = false)}>${msg('Keep it')}</button>
      </div>
    </div>`;
  }

  private _onNew() {
    this._clearOutcome();
    this._confirmingDeactivate = false;
    this._selectedId = null;
    this._draft = serviceDraft(null, this._services);
  }

  private _onSelect(service: AdminService) {
    this._clearOutcome();
    this._select(service);
  }

  private _select(service: AdminService) {
    this._confirmingDeactivate = false;
    this._selectedId = service.id;
    this._draft = serviceDraft(service, this._services);
  }

  private _onInput(event: Event) {
    const input = fieldValue(event);
    if (!input) return;
    // Prefixes are capitals; save the user the shift key.
    const value = input.name === 'prefix' ? String(input.value).toUpperCase() : input.value;
    this._draft = { ...this._draft, [input.name]: value };
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    if (hasProblems(checkService(this._draft, this._services, this._selectedId))) return;
    const body = serviceBody(this._draft);
    const selectedId = this._selectedId;
    const sent = selectedId
      ? await this._send((admin) => admin.services.update(selectedId, body), msg('Service saved.'))
      : await this._send((admin) => admin.services.create(body), msg('Service added.'));
    if (sent) this._select(sent.reply);
  }

  private async _onDeactivate() {
    const id = this._selectedId;
    if (!id) return;
    const sent = await this._send((admin) => admin.services.update(id, { active: false }), msg('Service deactivated.'));
    this._confirmingDeactivate = false;
    if (sent) this._draft = serviceDraft(sent.reply, this._services);
  }

  private async _onReactivate() {
    const id = this._selectedId;
    if (id) await this._send((admin) => admin.services.update(id, { active: true }), msg('Service reactivated.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-services': AdminServices;
  }
}
