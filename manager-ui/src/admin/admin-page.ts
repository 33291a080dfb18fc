/**
 * `<admin-page>`: the branch's configuration for admins and lobby managers, one tab per kind of
 * record. The console shell loads it lazily at `#/admin` and sets up localization; this page
 * only needs a signed-in ApiClient and the branch. An administrator of every branch also gets the
 * Branches tab and a branch picker, and chooses here which branch the page administers.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { Branch, User } from '../../../protocol/schemas.js';
import { adminApi, branchesApi, type AdminApi, type BranchesApi } from './admin-api.js';
import { adminControls, adminTokens } from './admin-styles.js';
import { localName } from './admin-text.js';
import { auditApi, type AuditApi } from './audit-api.js';
import './admin-announcements.js';
import './admin-audit-log.js';
import './admin-branch-settings.js';
import './admin-branches.js';
import './admin-calendar.js';
import './admin-counters.js';
import './admin-device-tokens.js';
import './admin-machines.js';
import './admin-notice-board.js';
import './admin-notifications.js';
import './admin-services.js';
import './admin-users.js';

const TABS = ['services', 'counters', 'machines', 'users', 'device-tokens', 'notices', 'branch', 'calendar', 'notifications', 'announcements', 'audit-log', 'branches'] as const;
type Tab = (typeof TABS)[number];

/** Where the console keeps the branch an administrator last worked on (the shell reads it at sign-in). */
export const BRANCH_STORAGE_KEY = 'lobbyflow.manager.branch';

/** An administrator of every branch, who may open branches and switch between them. */
const administersEveryBranch = (user: User | null) => user?.role === 'admin' && user.branchId === null;

/**
 * @fires branch-change - `CustomEvent<{branchId: string}>`, bubbling and composed: an administrator
 * chose another branch to administer. The page already shows it and has stored the id in
 * localStorage under `lobbyflow.manager.branch`; the shell should follow (live socket, top bar).
 */
@localized()
@customElement('admin-page')
export class AdminPage extends LitElement {
  static override styles = [
    adminTokens,
    adminControls,
    css`
      :host {
        padding: 16px 24px 32px;
        box-sizing: border-box;
        background: var(--bg);
        min-height: 100%;
      }
      .head {
        border-bottom: 2px solid var(--line);
        margin-bottom: 18px;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      [role='tab'] {
        border: none;
        border-bottom: 4px solid transparent;
        border-radius: 8px 8px 0 0;
        background: transparent;
        color: var(--text);
        padding: 0 12px;
        margin-bottom: -2px;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--accent);
        border-bottom-color: var(--accent);
        background: var(--card);
      }
      /* Which branch an administrator of every branch is configuring, above everything it applies to. */
      .branch-picker {
        display: flex;
        align-items: center;
        justify-content: flex-end;
        gap: 8px;
        margin-bottom: 8px;
        font-weight: 600;
        white-space: nowrap;
      }
      .branch-picker select {
        width: auto;
        max-width: 420px;
      }
    `,
  ];

  /** The console's ApiClient, already signed in (Bearer token or session cookie). */
  @property({ attribute: false }) api: ApiClient | null = null;

  /** The branch to configure. An administrator may switch it here (see `branch-change`). */
  @property() branchId = '';

  @state() private _tab: Tab = 'services';
  @state() private _admin: AdminApi | null = null;
  @state() private _audit: AuditApi | null = null;
  @state() private _user: User | null = null;
  /** Every branch, for an administrator of every branch; null for anyone else. */
  @state() private _branches: Branch[] | null = null;
  private _directory: BranchesApi | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('branchId')) && this.api && this.branchId) {
      this._admin = adminApi(this.api, this.branchId);
      this._audit = auditApi(this.api, this.branchId);
    }
    if (changed.has('api') && this.api) {
      this._directory = branchesApi(this.api);
      void this._loadUser(this.api);
    }
  }

  /** Who is signed in: only an admin may hand out the admin role or open branches. */
  private async _loadUser(api: ApiClient) {
    try {
      this._user = await api.get<User>('/api/auth/me');
    } catch {
      this._user = null;
    }
    if (administersEveryBranch(this._user)) await this._loadBranches();
  }

  private async _loadBranches() {
    try {
      this._branches = (await this._directory?.list()) ?? null;
    } catch {
      // The Branches tab then shows no list; the other tabs still work.
      this._branches = [];
    }
    // A fresh install has no demo branch: start where the admin can open one.
    if (this._branches && !this._branches.some((b) => b.id === this.branchId)) this._tab = 'branches';
  }

  private get _tabs(): readonly Tab[] {
    // The audit log is how admins check what managers did with personal data: admins only.
    const admin = this._user?.role === 'admin';
    return TABS.filter((tab) => (tab !== 'branches' || this._branches) && (tab !== 'audit-log' || admin));
  }

  private _label(tab: Tab): string {
    switch (tab) {
      case 'services':
        return msg('Services');
      case 'counters':
        return msg('Counters');
      case 'machines':
        return msg('Self-service machines');
      case 'users':
        return msg('Staff');
      case 'device-tokens':
        return msg('Kiosks & displays');
      case 'notices':
        return msg('Notices & rates');
      case 'branch':
        return msg('Branch settings');
      case 'calendar':
        return msg('Calendar');
      case 'notifications':
        return msg('Notifications');
      case 'announcements':
        return msg('Announcements');
      case 'audit-log':
        return msg('Audit log');
      case 'branches':
        return msg('Branches');
    }
  }

  override render() {
    return html`${this._renderBranchPicker()}
      <div class="head">
        <nav role="tablist" aria-label=${msg('Branch administration')} @keydown=${this._onTabKey}>
          ${this._tabs.map(
            (tab) =>
              html`<button
                role="tab"
                id="tab-${tab}"
                aria-selected=${tab === this._tab ? 'true' : 'false'}
                aria-controls="panel"
                tabindex=${tab === this._tab ? '0' : '-1'}
                data-testid="admin-tab-${tab}"
                @click=${() => (this._tab = tab)}
              >
                ${this._label(tab)}
              </button>`,
          )}
        </nav>
      </div>
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this._tab}">${this._renderTab()}</div>`;
  }

  private _renderBranchPicker() {
    const branches = this._branches;
    if (!branches || branches.length === 0) return nothing;
    const known = branches.some((b) => b.id === this.branchId);
    return html`<label class="branch-picker">
      ${msg('Administering branch')}
      <select data-testid="admin-branch-select" .value=${this.branchId} @change=${this._onPickBranch}>
        ${known ? nothing : html`<option value=${this.branchId} selected disabled>${this.branchId}</option>`}
        ${branches.map((b) => html`<option value=${b.id} ?selected=${b.id === this.branchId}>${localName(b.name)} (${b.id})</option>`)}
      </select>
    </label>`;
  }

  private _renderTab() {
    const admin = this._admin;
    switch (this._tab) {
      case 'services':
        return html`<admin-services .admin=${admin}></admin-services>`;
      case 'counters':
        return html`<admin-counters .admin=${admin}></admin-counters>`;
      case 'machines':
        return html`<admin-machines .admin=${admin}></admin-machines>`;
      case 'users':
        return html`<admin-users .admin=${admin} .currentUser=${this._user}></admin-users>`;
      case 'device-tokens':
        return html`<admin-device-tokens .admin=${admin}></admin-device-tokens>`;
      case 'notices':
        return html`<admin-notice-board .admin=${admin}></admin-notice-board>`;
      case 'branch':
        return html`<admin-branch-settings .admin=${admin}></admin-branch-settings>`;
      case 'calendar':
        return html`<admin-calendar .admin=${admin}></admin-calendar>`;
      case 'notifications':
        return html`<admin-notifications .admin=${admin} .currentUser=${this._user}></admin-notifications>`;
      case 'announcements':
        return html`<admin-announcements .admin=${admin}></admin-announcements>`;
      case 'audit-log':
        return html`<admin-audit-log .admin=${admin} .audit=${this._audit} .currentUser=${this._user}></admin-audit-log>`;
      case 'branches':
        return html`<admin-branches
          .admin=${admin}
          .directory=${this._directory}
          .branches=${this._branches ?? []}
          .current=${this.branchId}
          .defaultTimeZone=${this._branches?.find((b) => b.id === this.branchId)?.timeZone ?? ''}
          @branch-change=${(e: CustomEvent<{ branchId: string }>) => this._switchBranch(e.detail.branchId)}
          @branch-opened=${(e: CustomEvent<Branch>) => (this._branches = [...(this._branches ?? []), e.detail].sort((a, b) => a.id.localeCompare(b.id)))}
        ></admin-branches>`;
    }
  }

  private _onPickBranch(event: Event) {
    this._switchBranch((event.target as HTMLSelectElement).value);
  }

  /** Administers another branch: every tab reloads for it, and the console is told. */
  private _switchBranch(branchId: string) {
    if (!branchId || branchId === this.branchId) return;
    this.branchId = branchId;
    try {
      localStorage.setItem(BRANCH_STORAGE_KEY, branchId);
    } catch {
      // Storage unavailable: the choice lasts for this page only.
    }
    this.dispatchEvent(new CustomEvent('branch-change', { detail: { branchId }, bubbles: true, composed: true }));
  }

  /** Arrow keys move between tabs, as in any tab list. */
  private _onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const tabs = this._tabs;
    const next = tabs[(tabs.indexOf(this._tab) + step + tabs.length) % tabs.length];
    this._tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-page': AdminPage;
  }
}
