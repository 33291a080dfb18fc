import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../../../protocol/api-client.js';
import { publicBranchRoutes, type PublicBranch } from '../../../protocol/public-branch-routes.js';
import type { User } from '../../../protocol/schemas.js';
import { apiContext } from '../app-context.js';
import { applyLocale, explicitLocale, getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { signIn } from '../session.js';
import { deviceBranch } from './device-branch.js';
import { errorText } from './error-text.js';
import './manager-language-switch.js';
import { buttons, tokens } from './styles.js';

/** "30 seconds", "1 minute", "15 minutes": how long a locked account waits, rounded up. */
function waitText(seconds: number): string {
  if (seconds < 60) return msg(str`${seconds} seconds`);
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? msg('1 minute') : msg(str`${minutes} minutes`);
}

/** What to say when too many failed sign-ins locked the account: that it is for their safety, for how long, and who can help. */
function lockedText(err: ApiError): string {
  const wait = err.retryAfterSeconds === null ? msg('a few minutes') : waitText(err.retryAfterSeconds);
  return msg(str`For your security, this account is locked for a while after several unsuccessful sign-ins. Please try again in ${wait}, or ask an administrator to unlock it.`);
}

/**
 * Staff sign-in. The server's error message shows under the form; a locked account is told how long to wait.
 * It starts in the language of this device's branch (?branch=, the last one used here, or the demo
 * branch) unless someone chose a language on this device, and names the branch.
 * @fires signed-in - detail: the signed-in `User`
 */
@localized()
@customElement('login-page')
export class LoginPage extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;

  @state() private _error = '';
  @state() private _busy = false;
  /** The branch this device signs in to, once known (null while loading, or when there is none). */
  @state() private _branch: PublicBranch | null = null;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        background: var(--bg);
      }
      .lang {
        position: fixed;
        top: 16px;
        right: 16px;
      }
      form {
        width: min(440px, calc(100vw - 32px));
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 16px;
        padding: 32px;
        box-sizing: border-box;
        display: grid;
        gap: 16px;
      }
      h1 {
        margin: 0;
        color: var(--accent);
        font-size: 30px;
      }
      p {
        margin: 0;
        color: var(--muted);
      }
      label {
        display: grid;
        gap: 6px;
        font-weight: 600;
      }
      input {
        font: inherit;
        font-size: 20px;
        min-height: 52px;
        padding: 0 14px;
        border: 2px solid var(--line);
        border-radius: 10px;
        color: var(--text);
      }
      input:focus {
        outline: none;
        border-color: var(--accent);
      }
      button[type='submit'] {
        min-height: 56px;
        font-size: 20px;
      }
      .branch {
        color: var(--text);
        font-weight: 600;
      }
      .error {
        color: var(--alarm);
        background: #fdecea;
        border-radius: 8px;
        padding: 10px 14px;
        font-weight: 600;
      }
    `,
  ];

  override render() {
    return html`<div class="lang"><manager-language-switch></manager-language-switch></div>
      <form @submit=${this._onSubmit} novalidate>
        <h1>${msg('Staff sign-in')}</h1>
        ${this._branch ? html`<p class="branch" data-testid="login-branch">${localizedName(this._branch.name, getLocale())}</p>` : nothing}
        <p>${msg('Lobby manager, tellers and administrators')}</p>
        <label>
          ${msg('User name')}
          <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required />
        </label>
        <label>
          ${msg('Password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        ${this._error ? html`<div class="error" role="alert" data-testid="login-error">${this._error}</div>` : nothing}
        <button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? msg('Signing in…') : msg('Sign in')}</button>
      </form>`;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._loadBranch();
  }

  /** Reads the branch (no sign-in needed) and, unless a language was chosen here, speaks its language. */
  private async _loadBranch() {
    try {
      this._branch = await this._api.call(publicBranchRoutes.publicBranch, { branchId: deviceBranch() });
    } catch {
      // No such branch (outside demo mode without ?branch=) or offline: the browser's language stays.
      return;
    }
    if (!explicitLocale()) await applyLocale(this._branch.defaultLocale);
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      this._error = msg('Enter your user name and password.');
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const user = await signIn(this._api, username, password);
      this.dispatchEvent(new CustomEvent<User>('signed-in', { detail: user, bubbles: true, composed: true }));
    } catch (err) {
      this._error = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED' ? lockedText(err) : errorText(err);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-page': LoginPage;
  }
}
