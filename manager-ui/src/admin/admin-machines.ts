/** The hall's self-service machines (ATMs, terminals) the lobby diverts customers to; out of service when broken, saying why. */
import { consume } from '@lit/context';
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { checkRoutes, FAULT_NOTE_LENGTH } from '../../../protocol/check-routes.js';
import type { Machine, MachineKind } from '../../../protocol/schemas.js';
import { apiContext } from '../app-context.js';
import type { AdminApi } from './admin-api.js';
import { confirmBox, field, type NameDraft } from './admin-fields.js';
import { AdminRecordSection } from './admin-record-section.js';
import { sectionStyles } from './admin-styles.js';
import { localName, machineKindName } from './admin-text.js';
import { checkMachineNames, type Problems } from './admin-validation.js';

/** The names customers read on the kiosk, in each language (nameEn is also the machine's label). */
interface MachineDraft extends NameDraft {
  kind: MachineKind;
  inService: boolean;
  /** Why it is out of service (required then): shown on the triage screen. */
  faultNote: string;
}

@localized()
@customElement('admin-machines')
export class AdminMachines extends AdminRecordSection<Machine, MachineDraft> {
  /** For the machine fault routes (protocol checkRoutes), which the triage and the checks share. */
  @consume({ context: apiContext }) private _api!: ApiClient;

  static override styles = [
    sectionStyles,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto;
      }
    `,
  ];

  protected override _list(admin: AdminApi) {
    return admin.machines.list();
  }

  protected override _draftOf(machine: Machine | null): MachineDraft {
    if (!machine) return { kind: 'atm', nameZhHant: '', nameZhHans: '', nameEn: '', inService: true, faultNote: '' };
    const name = machine.name ?? { en: machine.label, zhHant: machine.label, zhHans: machine.label };
    return { kind: machine.kind, nameZhHant: name.zhHant, nameZhHans: name.zhHans, nameEn: name.en, inService: machine.inService, faultNote: machine.faultNote ?? '' };
  }

  protected override _check(draft: MachineDraft): Problems<string> {
    const problems: Problems<string> = checkMachineNames(draft);
    if (!draft.inService && !draft.faultNote.trim()) problems.faultNote = { kind: 'required' };
    return problems;
  }

  /** Kind and names through the admin route; out of service (with its note) or back through the fault routes. */
  protected override async _save(admin: AdminApi, draft: MachineDraft, selected: Machine | null) {
    const name = { en: draft.nameEn.trim(), zhHant: draft.nameZhHant.trim(), zhHans: draft.nameZhHans.trim() };
    const note = draft.faultNote.trim();
    let machine = selected
      ? await admin.machines.update(selected.id, { kind: draft.kind, name })
      : await admin.machines.create({ kind: draft.kind, name, inService: true });
    const place = { branchId: admin.branchId, machineId: machine.id };
    if (!draft.inService && (machine.inService || (machine.faultNote ?? '') !== note)) {
      machine = await this._api.call(checkRoutes.machineFault, place, { note });
    } else if (draft.inService && !machine.inService) {
      machine = await this._api.call(checkRoutes.machineFixed, place);
    }
    return machine;
  }

  protected override _words() {
    return {
      title: msg('Self-service machines'),
      newRecord: msg('New machine'),
      add: msg('Add machine'),
      added: msg('Machine added.'),
      saved: msg('Machine saved.'),
      empty: msg('No machines yet.'),
    };
  }

  protected override _editTitle(machine: Machine) {
    return msg(str`Edit ${this._nameOf(machine)}`);
  }

  protected override _recordTestId(machine: Machine) {
    return `admin-machine-${machine.id}`;
  }

  protected override _recordClass(machine: Machine) {
    return machine.inService ? '' : 'inactive';
  }

  protected override _renderRecord(machine: Machine) {
    return html`<span>
        <div class="main">${this._nameOf(machine)}</div>
        <div class="sub">${machineKindName(machine.kind)}${machine.faultNote ? ` · ${machine.faultNote}` : ''}</div>
      </span>
      ${machine.inService ? html`<span class="chip ok">${msg('In service')}</span>` : html`<span class="chip off" title=${machine.faultNote ?? ''}>${msg('Out of service')}</span>`}`;
  }

  protected override _renderFields(d: MachineDraft, problems: Problems<string>) {
    return html`${field(
        msg('Kind'),
        html`<select name="kind" .value=${d.kind}>
          <option value="atm" ?selected=${d.kind === 'atm'}>${machineKindName('atm')}</option>
          <option value="self_service_terminal" ?selected=${d.kind === 'self_service_terminal'}>${machineKindName('self_service_terminal')}</option>
        </select>`,
      )}
      ${field(
        msg('Name (繁體中文)'),
        html`<input name="nameZhHant" lang="zh-Hant" .value=${d.nameZhHant} required maxlength=${ADMIN_LIMITS.labelLength} aria-invalid=${!!problems.nameZhHant} />`,
        problems.nameZhHant,
        msg('As customers read it on the kiosk, e.g. 自動櫃員機 2'),
      )}
      ${field(
        msg('Name (简体中文)'),
        html`<input name="nameZhHans" lang="zh-Hans" .value=${d.nameZhHans} required maxlength=${ADMIN_LIMITS.labelLength} aria-invalid=${!!problems.nameZhHans} />`,
        problems.nameZhHans,
      )}
      ${field(
        msg('Name (English)'),
        html`<input name="nameEn" lang="en" .value=${d.nameEn} required maxlength=${ADMIN_LIMITS.labelLength} aria-invalid=${!!problems.nameEn} />`,
        problems.nameEn,
        msg('As written on the machine, e.g. ATM 2'),
      )}
      <label class="check"><input type="checkbox" name="inService" .checked=${d.inService} />${msg('In service (untick while it is broken)')}</label>
      ${d.inService
        ? nothing
        : field(
            msg('What is wrong?'),
            html`<input name="faultNote" data-testid="admin-fault-note" .value=${d.faultNote} required maxlength=${FAULT_NOTE_LENGTH} aria-invalid=${!!problems.faultNote} />`,
            problems.faultNote,
            msg('Shown on the lobby manager’s screen until the machine is back in service'),
          )}`;
  }

  protected override _renderRecordActions() {
    return html`<button type="button" class="danger push" data-testid="admin-delete" @click=${() => (this._confirming = true)}>${msg('Remove')}</button>`;
  }

  protected override _renderConfirm(machine: Machine) {
    return confirmBox({
      label: msg('Remove machine'),
      question: msg(str`Remove ${this._nameOf(machine)}?`),
      confirm: msg('Remove'),
      busy: this._busy,
      onConfirm: () => void this._onDelete(),
      onCancel: () => (this._confirming = false),
    });
  }

  /** The machine's name in the console's language. */
  private _nameOf(machine: Machine): string {
    return machine.name ? localName(machine.name) : machine.label;
  }

  private async _onDelete() {
    if (await this._changeSelected((admin, id) => admin.machines.remove(id), msg('Machine removed.'))) this._startNew();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-machines': AdminMachines;
  }
}
