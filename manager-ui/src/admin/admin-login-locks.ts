/**
 * Sign-in locks of the branch's staff, for admins: who failed to sign in lately, from where, who is
 * locked and until when; one tap lifts a lock once the admin knows it is really that person.
 */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { LoginLock } from '../../../protocol/admin-schemas.js';
import type { AdminApi } from './admin-api.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import { currentLocale } from './admin-text.js';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayAndTimeOf = (iso: string) =>
  new Date(iso).toLocaleString(currentLocale(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

@localized()
@customElement('admin-login-locks')
export class AdminLoginLocks extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto auto;
      }
      .record .sub {
        white-space: normal;
      }
      .chip.alarm {
        color: var(--alarm);
      }
    `,
  ];

  @state() private _locks: LoginLock[] = [];

  protected override async _reload(admin: AdminApi) {
    this._locks = await admin.loginLocks.list();
  }

  override render() {
    const none = this._loaded && !this._loadFailure && this._locks.length === 0;
    return html`<section class="panel" aria-labelledby="locks-title" data-testid="admin-login-locks">
      <h3 id="locks-title">${msg('Sign-in locks')}</h3>
      <p class="hint">
        ${msg('Five unsuccessful sign-ins in a row lock an account for a while, longer after each further one. Unlock it once you are sure it is the staff member asking.')}
      </p>
      ${this._renderLoadState()} ${this._renderOutcome()}
      ${none ? html`<p class="empty">${msg('No unsuccessful sign-ins in the last day.')}</p>` : nothing}
      <ul class="records">
        ${this._locks.map((lock) => this._renderLock(lock))}
      </ul>
    </section>`;
  }

  private _renderLock(lock: LoginLock) {
    const address = lock.lastFailureAddress ?? '—';
    return html`<li>
      <div class="record" data-testid="admin-lock-${lock.username}">
        <span>
          <div class="main">${lock.displayName} <span class="sub">${lock.username}</span></div>
          <div class="sub">${msg(str`${lock.failures} unsuccessful sign-ins, the last at ${dayAndTimeOf(lock.lastFailureAt)} from ${address}`)}</div>
        </span>
        ${lock.lockedUntil
          ? html`<span class="chip alarm">${msg(str`Locked until ${timeOf(lock.lockedUntil)}`)}</span>`
          : html`<span class="chip off">${msg('Not locked')}</span>`}
        ${lock.lockedUntil
          ? html`<button data-testid="admin-unlock" ?disabled=${this._busy} @click=${() => this._onUnlock(lock)}>${msg('Unlock')}</button>`
          : html`<span></span>`}
      </div>
    </li>`;
  }

  private _onUnlock(lock: LoginLock) {
    void this._send((admin) => admin.loginLocks.unlock(lock.userId), msg(str`${lock.displayName} can sign in again.`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-login-locks': AdminLoginLocks;
  }
}
