/** The hall's self-service machines (ATMs, terminals) the lobby diverts customers to; out of service when broken. */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { Machine, MachineKind } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { field, fieldValue } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { adminControls, adminLayout, adminTokens } from './admin-styles.js';
import { machineKindName } from './admin-text.js';
import { checkLabel, hasProblems } from './admin-validation.js';

interface MachineDraft {
  kind: MachineKind;
  label: string;
  inService: boolean;
}

const emptyDraft = (): MachineDraft => ({ kind: 'atm', label: '', inService: true });

@localized()
@customElement('admin-machines')
export class AdminMachines extends AdminSection {
  static override styles = [
    adminTokens,
    adminControls,
    adminLayout,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto;
      }
    `,
  ];

  @state() private _machines: Machine[] = [];
  @state() private _selectedId: string | null = null;
  @state() private _draft: MachineDraft = emptyDraft();
  @state() private _confirmingDelete = false;

  protected override async _reload(admin: AdminApi) {
    this._machines = await admin.machines.list();
    const selected = this._machines.find((m) => m.id === this._selectedId);
    if (!selected) this._selectedId = null;
    if (!this._showProblems) this._draft = selected ? { kind: selected.kind, label: selected.label, inService: selected.inService } : emptyDraft();
  }

  protected override _reset() {
    this._selectedId = null;
    this._confirmingDelete = false;
  }

  private get _selected() {
    return this._machines.find((m) => m.id === this._selectedId) ?? null;
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="machines-title">
        <div class="list-head">
          <h2 id="machines-title">${msg('Self-service machines')}</h2>
          <button data-testid="admin-new" @click=${this._onNew}>＋ ${msg('New machine')}</button>
        </div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._machines.map((m) => this._renderRecord(m))}
        </ul>
        ${this._loaded && this._machines.length === 0 ? html`<p class="empty">${msg('No machines yet.')}</p>` : nothing}
      </section>
      ${this._renderForm()}
    </div>`;
  }

  private _renderRecord(machine: Machine) {
    return html`<li>
      <button
        class="record ${machine.inService ? '' : 'inactive'}"
        aria-current=${machine.id === this._selectedId ? 'true' : 'false'}
        data-testid="admin-machine-${machine.id}"
        @click=${() => this._onSelect(machine)}
      >
        <span>
          <div class="main">${machine.label}</div>
          <div class="sub">${machineKindName(machine.kind)}</div>
        </span>
        ${machine.inService
          ? html`<span class="chip ok">${msg('In service')}</span>`
          : html`<span class="chip off">${msg('Out of service')}</span>`}
      </button>
    </li>`;
  }

  private _renderForm() {
    const selected = this._selected;
    const problems = this._showProblems ? checkLabel(this._draft.label) : {};
    const d = this._draft;
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${selected ? msg(str`Edit ${selected.label}`) : msg('New machine')}</h3>
      ${field(
        msg('Kind'),
        html`<select name="kind" .value=${d.kind}>
          <option value="atm" ?selected=${d.kind === 'atm'}>${machineKindName('atm')}</option>
          <option value="self_service_terminal" ?selected=${d.kind === 'self_service_terminal'}>${machineKindName('self_service_terminal')}</option>
        </select>`,
      )}
      ${field(
        msg('Label'),
        html`<input name="label" .value=${d.label} required maxlength=${ADMIN_LIMITS.labelLength} aria-invalid=${!!problems.label} />`,
        problems.label,
        msg('As written on the machine, e.g. ATM 2'),
      )}
      <label class="check"><input type="checkbox" name="inService" .checked=${d.inService} />${msg('In service (untick while it is broken)')}</label>
      ${this._renderOutcome()}
      ${this._confirmingDelete && selected
        ? html`<div class="refusal" role="alertdialog" aria-label=${msg('Remove machine')}>
            <strong>${msg(str`Remove ${selected.label}?`)}</strong>
            <div class="actions">
              <button type="button" class="danger primary" data-testid="admin-confirm" ?disabled=${this._busy} @click=${this._onDelete}>${msg('Remove')}</button>
              <button type="button" data-testid="admin-cancel" @click=${() => (this._confirmingDelete = false)}>${msg('Keep it')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${selected ? msg('Save changes') : msg('Add machine')}</button>
            ${selected
              ? html`<button type="button" class="danger push" data-testid="admin-delete" @click=${() => (this._confirmingDelete = true)}>${msg('Remove')}</button>`
              : nothing}
          </div>`}
    </form>`;
  }

  private _onNew() {
    this._clearOutcome();
    this._startNew();
  }

  private _startNew() {
    this._confirmingDelete = false;
    this._selectedId = null;
    this._draft = emptyDraft();
  }

  private _onSelect(machine: Machine) {
    this._clearOutcome();
    this._select(machine);
  }

  private _select(machine: Machine) {
    this._confirmingDelete = false;
    this._selectedId = machine.id;
    this._draft = { kind: machine.kind, label: machine.label, inService: machine.inService };
  }

  private _onInput(event: Event) {
    const input = fieldValue(event);
    if (input) this._draft = { ...this._draft, [input.name]: input.value };
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    if (hasProblems(checkLabel(this._draft.label))) return;
    const body = { ...this._draft, label: this._draft.label.trim() };
    const selectedId = this._selectedId;
    const sent = selectedId
      ? await this._send((admin) => admin.machines.update(selectedId, body), msg('Machine saved.'))
      : await this._send((admin) => admin.machines.create(body), msg('Machine added.'));
    if (sent) this._select(sent.reply);
  }

  private async _onDelete() {
    const id = this._selectedId;
    if (!id) return;
    if (await this._send((admin) => admin.machines.remove(id), msg('Machine removed.'))) this._startNew();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-machines': AdminMachines;
  }
}
