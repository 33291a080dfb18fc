/**
 * The shape most admin sections share: the branch's records listed on the left, one of them (or a
 * new one) in a form on the right. This class owns choosing a record, the form's draft, sending it,
 * and the second tap before a change that cannot be undone; each section brings its own fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { AdminApi } from './admin-api.js';
import { withInput } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { hasProblems, type Problems } from './admin-validation.js';

/** The words a section uses around its records, in the console's language. */
export interface RecordWords {
  /** The list's heading, e.g. "Counters". */
  title: string;
  /** The button that starts a new record, and the form's heading while it adds one. */
  newRecord: string;
  /** The submit button while adding. */
  add: string;
  added: string;
  saved: string;
  /** Shown under an empty list. */
  empty: string;
}

export abstract class AdminRecordSection<Row extends { id: string }, Draft extends object> extends AdminSection {
  @state() protected _records: Row[] = [];
  /** The record being edited, or null while the form adds a new one. */
  @state() protected _selectedId: string | null = null;
  @state() protected _draft: Draft = this._draftOf(null);
  /** A destructive action waits for a second tap. */
  @state() protected _confirming = false;

  /** Reads the records (and anything else the form offers, such as the services a counter may call). */
  protected abstract _list(admin: AdminApi): Promise<Row[]>;
  /** The form's fields for a record, or for a new one. */
  protected abstract _draftOf(record: Row | null): Draft;
  /** What is wrong with the draft, field by field; nothing is sent while there is a problem. */
  protected abstract _check(draft: Draft): Problems<string>;
  /** Sends the draft: creates when `selected` is null, else updates. Resolves to the saved record. */
  protected abstract _save(admin: AdminApi, draft: Draft, selected: Row | null): Promise<Row>;
  protected abstract _words(): RecordWords;
  protected abstract _editTitle(record: Row): string;
  protected abstract _recordTestId(record: Row): string;
  /** The inside of a record's row in the list. */
  protected abstract _renderRecord(record: Row): TemplateResult;
  /** The form's own fields. */
  protected abstract _renderFields(draft: Draft, problems: Problems<string>, selected: Row | null): TemplateResult;

  /** `inactive` greys a record out (deactivated, out of service). */
  protected _recordClass(_record: Row): string {
    return '';
  }

  /** Buttons after Save for the chosen record (deactivate, delete). */
  protected _renderRecordActions(_selected: Row): TemplateResult | typeof nothing {
    return nothing;
  }

  /** A line under the buttons for the chosen record. */
  protected _renderRecordNote(_selected: Row): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The question asked while `_confirming` (see `confirmBox`). */
  protected _renderConfirm(_selected: Row): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Where the last outcome shows in the form; a section with a second form may hold it back. */
  protected _renderFormOutcome(): TemplateResult | typeof nothing {
    return this._renderOutcome();
  }

  /** A typed value into the draft; sections that shape what is typed (capitals, sets) override it. */
  protected _withInput(draft: Draft, event: Event): Draft {
    return withInput(draft, event);
  }

  protected override async _reload(admin: AdminApi) {
    this._records = await this._list(admin);
    const selected = this._selected;
    if (!selected) this._selectedId = null;
    // A draft the user is correcting stays; otherwise the form shows what was saved.
    if (!this._showProblems) this._draft = this._draftOf(selected);
  }

  protected override _reset() {
    this._selectedId = null;
    this._confirming = false;
  }

  protected get _selected(): Row | null {
    return this._records.find((r) => r.id === this._selectedId) ?? null;
  }

  override render() {
    const words = this._words();
    return html`<div class="layout">
      <section aria-labelledby="list-title">
        <div class="list-head">
          <h2 id="list-title">${words.title}</h2>
          <button data-testid="admin-new" @click=${this._onNew}>＋ ${words.newRecord}</button>
        </div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._records.map((r) => this._renderRow(r))}
        </ul>
        ${this._loaded && !this._loadFailure && this._records.length === 0 ? html`<p class="empty">${words.empty}</p>` : nothing}
      </section>
      ${this._renderForm()}
    </div>`;
  }

  private _renderRow(record: Row) {
    return html`<li>
      <button
        class="record ${this._recordClass(record)}"
        aria-current=${record.id === this._selectedId ? 'true' : 'false'}
        data-testid=${this._recordTestId(record)}
        @click=${() => this._onSelect(record)}
      >
        ${this._renderRecord(record)}
      </button>
    </li>`;
  }

  protected _renderForm() {
    const selected = this._selected;
    const problems = this._showProblems ? this._check(this._draft) : {};
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${selected ? this._editTitle(selected) : this._words().newRecord}</h3>
      ${this._renderFields(this._draft, problems, selected)}
      ${this._renderFormOutcome()}
      ${this._confirming && selected ? this._renderConfirm(selected) : this._renderActions(selected)}
    </form>`;
  }

  private _renderActions(selected: Row | null) {
    return html`<div class="actions">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>
          ${selected ? msg('Save changes') : this._words().add}
        </button>
        ${selected ? this._renderRecordActions(selected) : nothing}
      </div>
      ${selected ? this._renderRecordNote(selected) : nothing}`;
  }

  /** Sends a change to the chosen record (after its confirmation); true when the server took it. */
  protected async _changeSelected(change: (admin: AdminApi, id: string) => Promise<unknown>, savedText: string): Promise<boolean> {
    const id = this._selectedId;
    if (!id) return false;
    const sent = await this._send((admin) => change(admin, id), savedText);
    this._confirming = false;
    return sent !== null;
  }

  protected _onNew() {
    this._clearOutcome();
    this._startNew();
  }

  protected _startNew() {
    this._confirming = false;
    this._selectedId = null;
    this._draft = this._draftOf(null);
  }

  private _onSelect(record: Row) {
    this._clearOutcome();
    this._select(record);
  }

  protected _select(record: Row) {
    this._confirming = false;
    this._selectedId = record.id;
    this._draft = this._draftOf(record);
  }

  private _onInput(event: Event) {
    this._draft = this._withInput(this._draft, event);
  }

  protected async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    if (hasProblems(this._check(this._draft))) return;
    const selected = this._selected;
    const draft = this._draft;
    const words = this._words();
    const sent = await this._send((admin) => this._save(admin, draft, selected), selected ? words.saved : words.added);
    if (sent) this._select(sent.reply);
  }
}
