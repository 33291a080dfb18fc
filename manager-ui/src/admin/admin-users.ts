/** The branch's staff accounts: add tellers and managers, change roles and names, deactivate, reset passwords. */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { Role, User } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { field, fieldValue } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { adminControls, adminLayout, adminTokens } from './admin-styles.js';
import { roleName } from './admin-text.js';
import { checkPassword, checkUser, hasProblems, type UserDraft } from './admin-validation.js';

const emptyDraft = (): UserDraft => ({ username: '', displayName: '', role: 'teller', password: '', active: true });
const draftOf = (user: AdminUser): UserDraft => ({ username: user.username, displayName: user.displayName, role: user.role, password: '', active: user.active });

@localized()
@customElement('admin-users')
export class AdminUsers extends AdminSection {
  static override styles = [
    adminTokens,
    adminControls,
    adminLayout,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto auto;
      }
      .username {
        font-family: var(--digits);
        font-size: 14px;
      }
      .column {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
    `,
  ];

  /** Who is signed in: only an admin is offered the admin role, and nobody may demote themself. */
  @property({ attribute: false }) currentUser: User | null = null;

  @state() private _users: AdminUser[] = [];
  @state() private _selectedId: string | null = null;
  @state() private _draft: UserDraft = emptyDraft();
  @state() private _password = { password: '', repeated: '' };
  @state() private _showPasswordProblems = false;
  /** Which form the last outcome belongs under. */
  @state() private _outcomeIn: 'details' | 'password' = 'details';

  protected override async _reload(admin: AdminApi) {
    this._users = await admin.users.list();
    const selected = this._users.find((u) => u.id === this._selectedId);
    if (!selected) this._selectedId = null;
    if (!this._showProblems) this._draft = selected ? draftOf(selected) : emptyDraft();
  }

  protected override _reset() {
    this._selectedId = null;
  }

  private get _selected() {
    return this._users.find((u) => u.id === this._selectedId) ?? null;
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="users-title">
        <div class="list-head">
          <h2 id="users-title">${msg('Staff')}</h2>
          <button data-testid="admin-new" @click=${this._onNew}>＋ ${msg('New staff member')}</button>
        </div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._users.map((u) => this._renderRecord(u))}
        </ul>
      </section>
      ${this._renderForm()}
    </div>`;
  }

  private _renderRecord(user: AdminUser) {
    return html`<li>
      <button
        class="record ${user.active ? '' : 'inactive'}"
        aria-current=${user.id === this._selectedId ? 'true' : 'false'}
        data-testid="admin-user-${user.username}"
        @click=${() => this._onSelect(user)}
      >
        <span>
          <div class="main">${user.displayName}</div>
          <div class="sub username">${user.username}</div>
        </span>
        <span class="chip accent">${roleName(user.role)}</span>
        ${user.active ? html`<span class="chip ok">${msg('Active')}</span>` : html`<span class="chip off">${msg('Deactivated')}</span>`}
      </button>
    </li>`;
  }

  private _renderForm() {
    const selected = this._selected;
    const creating = !selected;
    const problems = this._showProblems ? checkUser(this._draft, this._users, creating) : {};
    const d = this._draft;
    const isSelf = !!selected && selected.id === this.currentUser?.id;
    const roles: Role[] = this.currentUser?.role === 'admin' || d.role === 'admin' ? ['teller', 'manager', 'admin'] : ['teller', 'manager'];
    return html`<div class="column">
      <form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${selected ? msg(str`Edit ${selected.displayName}`) : msg('New staff member')}</h3>
      ${creating
        ? field(
            msg('Username'),
            html`<input name="username" .value=${d.username} required autocomplete="off" autocapitalize="off" spellcheck="false" aria-invalid=${!!problems.username} />`,
            problems.username,
            msg('Used to sign in; cannot be changed later'),
          )
        : nothing}
      ${field(
        msg('Display name'),
        html`<input name="displayName" .value=${d.displayName} required maxlength=${ADMIN_LIMITS.displayNameLength} aria-invalid=${!!problems.displayName} />`,
        problems.displayName,
        msg('Shown on the counters strip'),
      )}
      ${field(
        msg('Role'),
        html`<select name="role" .value=${d.role} ?disabled=${isSelf}>
          ${roles.map((r) => html`<option value=${r} ?selected=${d.role === r}>${roleName(r)}</option>`)}
        </select>`,
        undefined,
        isSelf ? msg('You cannot change your own role or deactivate yourself.') : undefined,
      )}
      ${creating
        ? field(
            msg('Password'),
            html`<input name="password" type="password" autocomplete="new-password" .value=${d.password} required minlength=${ADMIN_LIMITS.passwordLength.min} aria-invalid=${!!problems.password} />`,
            problems.password,
            msg(str`At least ${ADMIN_LIMITS.passwordLength.min} characters`),
          )
        : html`<label class="check"><input type="checkbox" name="active" .checked=${d.active} ?disabled=${isSelf} />${msg('Active: may sign in')}</label>`}
      ${this._outcomeIn === 'details' ? this._renderOutcome() : nothing}
      <div class="actions">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${creating ? msg('Add staff member') : msg('Save changes')}</button>
      </div>
      </form>
      ${selected ? this._renderPasswordReset() : nothing}
    </div>`;
  }

  private _renderPasswordReset() {
    const problems = this._showPasswordProblems ? checkPassword(this._password.password, this._password.repeated) : {};
    return html`<form class="panel" novalidate @input=${this._onPasswordInput} @submit=${this._onResetPassword}>
      <h3>${msg('Reset password')}</h3>
      <div class="row2">
        ${field(msg('New password'), html`<input name="password" type="password" autocomplete="new-password" .value=${this._password.password} aria-invalid=${!!problems.password} />`, problems.password)}
        ${field(msg('Repeat it'), html`<input name="repeated" type="password" autocomplete="new-password" .value=${this._password.repeated} aria-invalid=${!!problems.repeated} />`, problems.repeated)}
      </div>
      ${this._outcomeIn === 'password' ? this._renderOutcome() : nothing}
      <div class="actions">
        <button type="submit" data-testid="admin-reset-password" ?disabled=${this._busy}>${msg('Set new password')}</button>
      </div>
    </form>`;
  }

  private _onNew() {
    this._clearOutcome();
    this._selectedId = null;
    this._draft = emptyDraft();
  }

  private _onSelect(user: AdminUser) {
    this._clearOutcome();
    this._select(user);
  }

  private _select(user: AdminUser) {
    this._selectedId = user.id;
    this._draft = draftOf(user);
    this._password = { password: '', repeated: '' };
    this._showPasswordProblems = false;
  }

  private _onInput(event: Event) {
    const input = fieldValue(event);
    if (!input) return;
    this._draft = { ...this._draft, [input.name]: input.value };
  }

  private _onPasswordInput(event: Event) {
    const input = fieldValue(event);
    if (input) this._password = { ...this._password, [input.name]: String(input.value) };
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const selected = this._selected;
    this._outcomeIn = 'details';
    this._showProblems = true;
    if (hasProblems(checkUser(this._draft, this._users, !selected))) return;
    const d = this._draft;
    const displayName = d.displayName.trim();
    const sent = selected
      ? await this._send(
          (admin) =>
            admin.users.update(selected.id, {
              displayName,
              ...(d.role !== selected.role ? { role: d.role } : {}),
              ...(d.active !== selected.active ? { active: d.active } : {}),
            }),
          msg('Staff member saved.'),
        )
      : await this._send(
          (admin) => admin.users.create({ username: d.username.trim(), displayName, role: d.role, password: d.password }),
          msg('Staff member added. They can sign in now.'),
        );
    if (sent) this._select(sent.reply);
  }

  private async _onResetPassword(event: Event) {
    event.preventDefault();
    const selected = this._selected;
    if (!selected) return;
    this._outcomeIn = 'password';
    this._showPasswordProblems = true;
    if (hasProblems(checkPassword(this._password.password, this._password.repeated))) return;
    const sent = await this._send(
      (admin) => admin.users.resetPassword(selected.id, this._password.password),
      msg(str`New password set for ${selected.displayName}. Their other sessions have ended.`),
    );
    if (sent) {
      this._password = { password: '', repeated: '' };
      this._showPasswordProblems = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-users': AdminUsers;
  }
}
