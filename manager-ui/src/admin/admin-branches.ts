/**
 * The server's branches, for an administrator of every branch: which one this page administers,
 * and opening a new one (a real install starts with none). The page holds the list.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Branch } from '../../../protocol/schemas.js';
import type { BranchesApi } from './admin-api.js';
import { newBranchBody, newBranchDraft } from './admin-drafts.js';
import { defaultLocaleField, field, nameFields, timeZoneField, withInput } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import { localName } from './admin-text.js';
import { checkNewBranch, hasProblems, type NewBranchDraft } from './admin-validation.js';

/**
 * @fires branch-change - `{detail: {branchId}}`: the user chose another branch to administer (does not bubble).
 * @fires branch-opened - `{detail: Branch}`: a new branch was created (does not bubble).
 */
@localized()
@customElement('admin-branches')
export class AdminBranches extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      .id {
        font-family: var(--digits);
      }
      .missing {
        margin-bottom: 12px;
      }
    `,
  ];

  /** Every branch on the server. */
  @property({ attribute: false }) branches: Branch[] = [];

  /** The branch the page administers now. */
  @property() current = '';

  /** The zone a new branch's form starts in (the branch being administered); the browser's when empty. */
  @property() defaultTimeZone = '';

  /** The server's branch routes. */
  @property({ attribute: false }) directory: BranchesApi | null = null;

  @state() private _draft: NewBranchDraft = newBranchDraft();

  /** The page loads the list; nothing to read here. */
  protected override async _reload() {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Until the user types, a new branch starts in the zone of the branch being administered.
    if (changed.has('defaultTimeZone') && this.defaultTimeZone && !this._showProblems && !this._draft.id) {
      this._draft = { ...this._draft, timeZone: this.defaultTimeZone };
    }
  }

  override render() {
    const problems = this._showProblems ? checkNewBranch(this._draft, this.branchIds) : {};
    const d = this._draft;
    const [hant, hans, en] = nameFields(d, problems);
    const missing = this.current && !this.branchIds.includes(this.current);
    return html`<div class="layout">
      <section aria-labelledby="branches-title">
        <div class="list-head"><h2 id="branches-title">${msg('Branches')}</h2></div>
        ${missing
          ? html`<div class="refusal missing" role="alert" data-testid="admin-branch-missing">
              <strong>${msg(str`There is no branch “${this.current}” on this server.`)}</strong>
              ${msg('Open a branch, or choose one to administer.')}
            </div>`
          : nothing}
        <ul class="records">
          ${this.branches.map((b) => this._renderBranch(b))}
        </ul>
        ${this.branches.length === 0 ? html`<p class="empty">${msg('No branches yet: open the first one.')}</p>` : nothing}
      </section>
      <form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
        <h3>${msg('Open a new branch')}</h3>
        ${field(
          msg('Branch id'),
          html`<input name="id" class="id" .value=${d.id} required autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="32" aria-invalid=${!!problems.id} />`,
          problems.id,
          msg('Lower-case letters, digits and dashes; part of every address of the branch and cannot be changed'),
        )}
        <div class="row2">${hant}${hans}</div>
        ${en}
        <div class="row2">${timeZoneField(d.timeZone, problems.timeZone)} ${defaultLocaleField(d.defaultLocale)}</div>
        <p class="hint">${msg('Queue thresholds start at the usual values; change them in its branch settings.')}</p>
        ${this._renderOutcome()}
        <div class="actions">
          <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${msg('Open branch')}</button>
        </div>
      </form>
    </div>`;
  }

  private get branchIds() {
    return this.branches.map((b) => b.id);
  }

  private _renderBranch(branch: Branch) {
    const current = branch.id === this.current;
    return html`<li>
      <div class="record" aria-current=${current ? 'true' : 'false'} data-testid="admin-branch-${branch.id}">
        <span>
          <div class="main">${localName(branch.name)}</div>
          <div class="sub"><span class="id">${branch.id}</span> · ${branch.timeZone}</div>
        </span>
        ${current
          ? html`<span class="chip accent">${msg('Administering')}</span>`
          : html`<button data-testid="admin-switch-${branch.id}" @click=${() => this._onChoose(branch.id)}>${msg('Administer')}</button>`}
      </div>
    </li>`;
  }

  private _onChoose(branchId: string) {
    this._clearOutcome();
    this.dispatchEvent(new CustomEvent('branch-change', { detail: { branchId } }));
  }

  private _onInput(event: Event) {
    this._draft = withInput(this._draft, event);
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const directory = this.directory;
    this._showProblems = true;
    if (!directory || hasProblems(checkNewBranch(this._draft, this.branchIds))) return;
    const body = newBranchBody(this._draft);
    const sent = await this._send(
      () => directory.create(body),
      msg(str`Branch ${body.id} opened. Choose “Administer” to add its services, counters and staff.`),
    );
    if (!sent) return;
    this._draft = newBranchDraft(body.timeZone);
    this.dispatchEvent(new CustomEvent<Branch>('branch-opened', { detail: sent.reply }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-branches': AdminBranches;
  }
}
