/**
 * `<admin-page>`: the branch's configuration for admins and lobby managers, one tab per kind of
 * record. The console shell loads it lazily at `#/admin` and sets up localization; this page
 * only needs a signed-in ApiClient and the branch.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { User } from '../../../protocol/schemas.js';
import { adminApi, type AdminApi } from './admin-api.js';
import { adminControls, adminTokens } from './admin-styles.js';
import './admin-branch-settings.js';
import './admin-counters.js';
import './admin-device-tokens.js';
import './admin-machines.js';
import './admin-services.js';
import './admin-users.js';

const TABS = ['services', 'counters', 'machines', 'users', 'device-tokens', 'branch'] as const;
type Tab = (typeof TABS)[number];

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
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        border-bottom: 2px solid var(--line);
        margin-bottom: 18px;
      }
      [role='tab'] {
        border: none;
        border-bottom: 4px solid transparent;
        border-radius: 8px 8px 0 0;
        background: transparent;
        color: var(--text);
        padding: 0 16px;
        margin-bottom: -2px;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--accent);
        border-bottom-color: var(--accent);
        background: var(--card);
      }
    `,
  ];

  /** The console's ApiClient, already signed in (Bearer token or session cookie). */
  @property({ attribute: false }) api: ApiClient | null = null;

  /** The branch to configure. */
  @property() branchId = '';

  @state() private _tab: Tab = 'services';
  @state() private _admin: AdminApi | null = null;
  @state() private _user: User | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('branchId')) && this.api && this.branchId) {
      this._admin = adminApi(this.api, this.branchId);
    }
    if (changed.has('api') && this.api) void this._loadUser(this.api);
  }

  /** Who is signed in: only an admin may hand out the admin role, so managers are not offered it. */
  private async _loadUser(api: ApiClient) {
    try {
      this._user = await api.get<User>('/api/auth/me');
    } catch {
      this._user = null;
    }
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
      case 'branch':
        return msg('Branch settings');
    }
  }

  override render() {
    return html`<nav role="tablist" aria-label=${msg('Branch administration')} @keydown=${this._onTabKey}>
        ${TABS.map(
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
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this._tab}">${this._renderTab()}</div>`;
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
      case 'branch':
        return html`<admin-branch-settings .admin=${admin}></admin-branch-settings>`;
    }
  }

  /** Arrow keys move between tabs, as in any tab list. */
  private _onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(this._tab) + step + TABS.length) % TABS.length];
    this._tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-page': AdminPage;
  }
}
