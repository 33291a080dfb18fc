import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, liveUrl } from '../../protocol/api-client.js';
import { LiveController } from '../../protocol/live-controller.js';
import type { User } from '../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from './app-context.js';
import { applyLocale, explicitLocale } from './localization.js';
import { pagesFor, parseRoute, resolveRoute, routeHash, type Route } from './logic/routes.js';
import { serverClockOffset } from './logic/wait-time.js';
import { restoreSession, signOut } from './session.js';
import './counter/counter-page.js';
import './records/records-page.js';
import './records/referrals/referral-inbox.js';
import './reports/reports-page.js';
import './shell/manager-connection-banner.js';
import './shell/login-page.js';
import { deviceBranch, rememberBranch } from './shell/device-branch.js';
import { errorText } from './shell/error-text.js';
import { tokens } from './shell/styles.js';
import './shell/toast-message.js';
import './shell/top-bar.js';
import './staffing/staffing-page.js';
import './triage/triage-page.js';

// The admin page is built by its own team in src/admin; the glob stays empty (and the build green) until it exists.
const ADMIN_PAGE = import.meta.glob('./admin/admin-page.{ts,js}');

/**
 * The staff console: sign-in, then the page the user's role works on, with live branch state
 * provided to every page through @lit/context.
 */
@localized()
@customElement('manager-app')
export class ManagerApp extends LitElement {
  // No token: the session cookie signs every call and the live socket.
  @provide({ context: apiContext }) api = new ApiClient();
  @provide({ context: userContext }) @state() private _user: User | null = null;
  @provide({ context: liveContext }) private _live: LiveState = EMPTY_LIVE;

  @state() private _route: Route = 'login';
  @state() private _restoring = true;
  @state() private _adminLoaded = false;
  @state() private _toast = '';
  /** The branch this console works on: the user's own; for an admin (of every branch), ?branch= or the last one used. */
  @state() private _branchId: string | null = null;

  private _liveController = new LiveController(this, () => {
    const branchId = this._branchId;
    return branchId ? { url: liveUrl(branchId) } : null;
  });
  private _branchLocaleApplied = false;

  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--bg);
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      main > * {
        flex: 1;
        min-height: 0;
      }
      .placeholder {
        display: grid;
        place-items: center;
        font-size: 22px;
        color: var(--muted);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
    void this._start();
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this._onHashChange);
    super.disconnectedCallback();
  }

  private async _start() {
    await applyLocale();
    let user: User | null = null;
    try {
      user = await restoreSession(this.api);
    } catch (err) {
      this._toast = errorText(err);
    }
    this._restoring = false;
    this._setUser(user);
  }

  /** An admin of every branch switched branch in the admin page (which stored the choice): follow it. */
  private _onBranchChange(event: CustomEvent<{ branchId: string }>) {
    if (event.detail.branchId === this._branchId) return;
    this._branchId = event.detail.branchId;
    this._liveController.restart();
  }

  /** Signs the console in or out: the branch, the live socket and the page follow the user. */
  private _setUser(user: User | null) {
    this._user = user;
    this._branchLocaleApplied = false;
    // An admin belongs to no branch: ?branch=, else the last branch used here, else the demo branch.
    this._branchId = user ? (user.branchId ?? deviceBranch()) : null;
    if (this._branchId) rememberBranch(this._branchId);
    this._liveController.restart();
    this._navigate();
  }

  protected override willUpdate() {
    // The server closed the live socket for good (4401: the session ended, e.g. signed out elsewhere or
    // a password reset): back to sign-in, as when a request finds the session over.
    if (this._user && this._liveController.signedOut) {
      this._endSession(msg('This device was signed out'));
    }
    const { state, connection } = this._liveController;
    const snapshot = this._user ? state : null;
    const recordHints = this._liveController.client?.recordHints ?? EMPTY_LIVE.recordHints;
    // A new object only when something changed, so consumers re-render exactly then.
    if (snapshot !== this._live.snapshot || connection !== this._live.connection || recordHints !== this._live.recordHints) {
      const offset = snapshot && snapshot.at !== this._live.snapshot?.at ? serverClockOffset(snapshot.at, Date.now()) : this._live.serverOffsetMs;
      this._live = { snapshot, connection, stale: connection !== 'live', serverOffsetMs: offset, recordHints };
    }
    if (snapshot && !this._branchLocaleApplied) {
      this._branchLocaleApplied = true;
      if (!explicitLocale()) void applyLocale(snapshot.branch.defaultLocale);
    }
  }

  override render() {
    if (this._restoring) return nothing;
    if (!this._user || this._route === 'login') {
      return html`<login-page @signed-in=${this._onSignedIn}></login-page>${this._renderToast()}`;
    }
    return html`<top-bar
        .branchName=${this._live.snapshot?.branch.name ?? null}
        .user=${this._user}
        .pages=${pagesFor(this._user.role)}
        .route=${this._route}
        @sign-out=${this._onSignOut}
      ></top-bar>
      ${this._route === 'admin' ? nothing : html`<manager-connection-banner .connection=${this._live.connection}></manager-connection-banner>`}
      <main @session-expired=${this._onSessionExpired}>${this._renderPage()}</main>
      ${this._renderToast()}`;
  }

  private _renderPage() {
    if (this._route === 'triage') return html`<triage-page></triage-page>`;
    if (this._route === 'counter') return html`<counter-page></counter-page>`;
    if (this._route === 'reports') return html`<reports-page></reports-page>`;
    if (this._route === 'staffing') return html`<staffing-page></staffing-page>`;
    if (this._route === 'records') return html`<records-page></records-page>`;
    if (this._route === 'referrals') return html`<referral-inbox></referral-inbox>`;
    if (!this._adminLoaded) return html`<div class="placeholder" data-testid="admin-unavailable">${msg('Admin is not available yet')}</div>`;
    return html`<admin-page .api=${this.api} .branchId=${this._branchId} @branch-change=${this._onBranchChange}></admin-page>`;
  }

  private _renderToast() {
    return html`<toast-message .message=${this._toast} @toast-dismissed=${() => (this._toast = '')}></toast-message>`;
  }

  private _navigate() {
    const route = resolveRoute(location.hash, this._user?.role ?? null);
    // A page's own part of the hash (#/records/complaints) stays; anything else becomes the page's hash.
    if (parseRoute(location.hash) !== route) history.replaceState(null, '', routeHash(route));
    this._route = route;
    if (route === 'admin') void this._loadAdminPage();
  }

  private async _loadAdminPage() {
    const load = Object.values(ADMIN_PAGE)[0];
    if (!load || this._adminLoaded) return;
    try {
      await load();
      this._adminLoaded = true;
    } catch (err) {
      this._toast = errorText(err);
    }
  }

  private _onHashChange = () => this._navigate();

  /** A page was told the session is over (expired, or signed out elsewhere). */
  private _onSessionExpired() {
    this._endSession(msg('Your session has ended. Sign in again.'));
  }

  /** Back to the sign-in page, saying why. */
  private _endSession(reason: string) {
    this._setUser(null);
    this._toast = reason;
  }

  private _onSignedIn(event: CustomEvent<User>) {
    this._setUser(event.detail);
  }

  private async _onSignOut() {
    try {
      await signOut(this.api);
    } catch (err) {
      // Signed out locally all the same; the session expires on the server.
      this._toast = errorText(err);
    }
    this._setUser(null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-app': ManagerApp;
  }
}
