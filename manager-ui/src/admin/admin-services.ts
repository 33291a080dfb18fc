/** The services the branch offers (A 現金存取, B 轉賬匯款, …): add, edit, deactivate and bring back. */
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminService } from '../../../protocol/admin-schemas.js';
import type { AdminApi } from './admin-api.js';
import { serviceBody, serviceDraft } from './admin-drafts.js';
import { confirmBox, field, nameFields, withInput } from './admin-fields.js';
import { AdminRecordSection } from './admin-record-section.js';
import { sectionStyles } from './admin-styles.js';
import { localName, machineKindName } from './admin-text.js';
import { checkService, type Problems, type ServiceDraft } from './admin-validation.js';

@localized()
@customElement('admin-services')
export class AdminServices extends AdminRecordSection<AdminService, ServiceDraft> {
  static override styles = [
    sectionStyles,
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

  protected override _list(admin: AdminApi) {
    return admin.services.list();
  }

  protected override _draftOf(service: AdminService | null) {
    return serviceDraft(service, this._records);
  }

  protected override _check(draft: ServiceDraft) {
    return checkService(draft, this._records, this._selectedId);
  }

  protected override _save(admin: AdminApi, draft: ServiceDraft, selected: AdminService | null) {
    const body = serviceBody(draft);
    return selected ? admin.services.update(selected.id, body) : admin.services.create(body);
  }

  protected override _words() {
    return {
      title: msg('Services'),
      newRecord: msg('New service'),
      add: msg('Add service'),
      added: msg('Service added.'),
      saved: msg('Service saved.'),
      empty: msg('No services yet: add the first one the kiosk should offer.'),
    };
  }

  protected override _editTitle(service: AdminService) {
    return msg(str`Edit service ${service.prefix}`);
  }

  protected override _recordTestId(service: AdminService) {
    return `admin-service-${service.prefix}`;
  }

  protected override _recordClass(service: AdminService) {
    return service.active ? '' : 'inactive';
  }

  protected override _renderRecord(service: AdminService) {
    const others = [service.name.zhHant, service.name.zhHans, service.name.en].filter((n) => n !== localName(service.name));
    return html`<span class="prefix number">${service.prefix}</span>
      <span class="icon" aria-hidden="true">${service.icon}</span>
      <span>
        <div class="main">${localName(service.name)}</div>
        <div class="sub">${others.join(' · ')}</div>
      </span>
      <span class="sub">${msg(str`target ${Math.round(service.targetWaitSeconds / 60)} min`)}</span>
      ${service.active ? html`<span class="chip ok">${msg('Active')}</span>` : html`<span class="chip off">${msg('Inactive')}</span>`}`;
  }

  protected override _renderFields(d: ServiceDraft, problems: Problems<string>) {
    const L = ADMIN_LIMITS;
    const [hant, hans, en] = nameFields(d, problems);
    return html`<div class="row3">
        ${field(msg('Prefix A–Z'), html`<input name="prefix" .value=${d.prefix} maxlength="1" required autocomplete="off" aria-invalid=${!!problems.prefix} class="number prefix-input" />`, problems.prefix)}
        ${field(msg('Icon (emoji)'), html`<input name="icon" .value=${d.icon} maxlength=${L.iconLength} autocomplete="off" aria-invalid=${!!problems.icon} />`, problems.icon)}
        ${field(msg('Order'), html`<input name="sortOrder" type="number" inputmode="numeric" min="0" max=${L.sortOrder.max} .value=${d.sortOrder} aria-invalid=${!!problems.sortOrder} />`, problems.sortOrder)}
      </div>
      <div class="row2">${hant}${hans}</div>
      ${en}
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
      )}`;
  }

  protected override _renderRecordActions(service: AdminService) {
    return service.active
      ? html`<button type="button" class="danger push" data-testid="admin-deactivate" @click=${() => (this._confirming = true)}>${msg('Deactivate')}</button>`
      : html`<button type="button" class="push" data-testid="admin-reactivate" ?disabled=${this._busy} @click=${this._onReactivate}>${msg('Reactivate')}</button>`;
  }

  protected override _renderConfirm(service: AdminService) {
    return confirmBox({
      label: msg('Deactivate service'),
      question: msg(str`Deactivate ${localName(service.name)}?`),
      detail: msg('The kiosk stops offering it and counters stop calling it. Its past tickets stay in the records.'),
      confirm: msg('Deactivate'),
      busy: this._busy,
      onConfirm: () => void this._changeSelected((admin, id) => admin.services.update(id, { active: false }), msg('Service deactivated.')),
      onCancel: () => (this._confirming = false),
    });
  }

  /** Prefixes are capitals; save the user the shift key. */
  protected override _withInput(draft: ServiceDraft, event: Event): ServiceDraft {
    const next = withInput(draft, event);
    return { ...next, prefix: next.prefix.toUpperCase() };
  }

  private _onReactivate() {
    void this._changeSelected((admin, id) => admin.services.update(id, { active: true }), msg('Service reactivated.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-services': AdminServices;
  }
}
