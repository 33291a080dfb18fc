/**
 * The branch's staff accounts: add tellers and managers, change roles and names, deactivate, reset
 * passwords; for admins, the accounts' sign-in locks under them.
 */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { Role, User } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { field, fieldValue } from './admin-fields.js';
import './admin-login-locks.js';
import { AdminRecordSection } from './admin-record-section.js';
import { sectionStyles } from './admin-styles.js';
import { roleName } from './admin-text.js';
import { checkPassword, checkUser, hasProblems, type Problems, type UserDraft } from './admin-validation.js';

@localized()
@customElement('admin-users')
export class AdminUsers extends AdminRecordSection<AdminUser, UserDraft> {
  static override styles = [
    sectionStyles,
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
      admin-login-locks {
        margin-top: 20px;
      }
    `,
  ];

  /** Who is signed in: only an admin is offered the admin role, and nobody may demote themself. */
  @property({ attribute: false }) currentUser: User | null = null;

  @state() private _password = { password: '', repeated: '' };
  @state() private _showPasswordProblems = false;
  /** Which form the last outcome belongs under. */
  @state() private _outcomeIn: 'details' | 'password' = 'details';

  /** The list and the form, and for an admin the sign-in locks under them. */
  override render() {
    const locks = this.currentUser?.role === 'admin' ? html`<admin-login-locks .admin=${this.admin}></admin-login-locks>` : nothing;
    return html`${super.render()}${locks}`;
  }

  protected override _list(admin: AdminApi) {
    return admin.users.list();
  }

  protected override _draftOf(user: AdminUser | null): UserDraft {
    return user
      ? { username: user.username, displayName: user.displayName, role: user.role, password: '', active: user.active }
      : { username: '', displayName: '', role: 'teller', password: '', active: true };
  }

  protected override _check(draft: UserDraft) {
    return checkUser(draft, this._records, !this._selected);
  }

  /** An edit sends only what changed besides the name, so an unchanged role is never re-checked. */
  protected override _save(admin: AdminApi, d: UserDraft, selected: AdminUser | null) {
    const displayName = d.displayName.trim();
    if (!selected) return admin.users.create({ username: d.username.trim(), displayName, role: d.role, password: d.password });
    return admin.users.update(selected.id, {
      displayName,
      ...(d.role !== selected.role ? { role: d.role } : {}),
      ...(d.active !== selected.active ? { active: d.active } : {}),
    });
  }

  protected override _words() {
    return {
      title: msg('Staff'),
      newRecord: msg('New staff member'),
      add: msg('Add staff member'),
      added: msg('Staff member added. They can sign in now.'),
      saved: msg('Staff member saved.'),
      empty: msg('No staff in this branch yet.'),
    };
  }

  protected override _editTitle(user: AdminUser) {
    return msg(str`Edit ${user.displayName}`);
  }

  protected override _recordTestId(user: AdminUser) {
    return `admin-user-${user.username}`;
  }

  protected override _recordClass(user: AdminUser) {
    return user.active ? '' : 'inactive';
  }

  protected override _renderRecord(user: AdminUser) {
    return html`<span>
        <div class="main">${user.displayName}</div>
        <div class="sub username">${user.username}</div>
      </span>
      <span class="chip accent">${roleName(user.role)}</span>
      ${user.active ? html`<span class="chip ok">${msg('Active')}</span>` : html`<span class="chip off">${msg('Deactivated')}</span>`}`;
  }

  protected override _renderFields(d: UserDraft, problems: Problems<string>, selected: AdminUser | null) {
    const creating = !selected;
    const isSelf = !!selected && selected.id === this.currentUser?.id;
    const roles: Role[] = this.currentUser?.role === 'admin' || d.role === 'admin' ? ['teller', 'manager', 'account_manager', 'admin'] : ['teller', 'manager', 'account_manager'];
    return html`${creating
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
        : html`<label class="check"><input type="checkbox" name="active" .checked=${d.active} ?disabled=${isSelf} />${msg('Active: may sign in')}</label>`}`;
  }

  /** The details form, and under it the password reset for an existing account. */
  protected override _renderForm() {
    return html`<div class="column">${super._renderForm()}${this._selected ? this._renderPasswordReset() : nothing}</div>`;
  }

  protected override _renderFormOutcome() {
    return this._outcomeIn === 'details' ? this._renderOutcome() : nothing;
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

  protected override _select(user: AdminUser) {
    super._select(user);
    this._password = { password: '', repeated: '' };
    this._showPasswordProblems = false;
  }

  protected override _onSubmit(event: Event) {
    this._outcomeIn = 'details';
    return super._onSubmit(event);
  }

  private _onPasswordInput(event: Event) {
    const input = fieldValue(event);
    if (input) this._password = { ...this._password, [input.name]: String(input.value) };
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
