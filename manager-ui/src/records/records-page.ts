import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buttons, tokens } from '../shell/styles.js';
import './checks/hall-checks.js';
import './complaints/complaint-log.js';
import './customers/customer-sheet.js';
import './diary/work-diary.js';
import './referrals/referral-list.js';
import './satisfaction/satisfaction-records.js';
import { RECORD_TABS, recordTabFromHash, recordTabHash, type RecordTab } from './record-tabs.js';

/**
 * The lobby manager's records (shared/DOMAIN.md): the complaint log, the customer resource sheet,
 * referrals, the work diary, the opening and closing checks, and satisfaction. One tab each, named
 * in the hash (#/records/complaints) so a tab can be linked to and survives a reload.
 */
@localized()
@customElement('records-page')
export class RecordsPage extends LitElement {
  @state() private _tab: RecordTab = recordTabFromHash(location.hash);

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
      }
      nav {
        display: flex;
        gap: 4px;
        padding: 8px 16px 0;
        border-bottom: 1px solid var(--line);
        overflow-x: auto;
        scrollbar-width: none;
        white-space: nowrap;
      }
      nav a {
        flex: none;
        display: inline-flex;
        align-items: center;
        min-height: var(--target);
        padding: 0 16px;
        color: var(--text);
        text-decoration: none;
        font-weight: 600;
        border-bottom: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        color: var(--accent);
        border-bottom-color: var(--accent);
      }
      nav a:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: -3px;
      }
      .tab {
        padding: 16px;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this._onHashChange);
  }

  override disconnectedCallback() {
    removeEventListener('hashchange', this._onHashChange);
    super.disconnectedCallback();
  }

  override render() {
    return html`<nav aria-label=${msg('Records')}>
        ${RECORD_TABS.map(
          (tab) => html`<a href=${recordTabHash(tab)} aria-current=${tab === this._tab ? 'page' : 'false'} data-testid="records-tab-${tab}">${this._tabName(tab)}</a>`,
        )}
      </nav>
      <div class="tab">${this._renderTab()}</div>`;
  }

  private _renderTab() {
    switch (this._tab) {
      case 'complaints':
        return html`<complaint-log></complaint-log>`;
      case 'customers':
        return html`<customer-sheet></customer-sheet>`;
      case 'referrals':
        return html`<referral-list></referral-list>`;
      case 'diary':
        return html`<work-diary></work-diary>`;
      case 'checks':
        return html`<hall-checks></hall-checks>`;
      case 'satisfaction':
        return html`<satisfaction-records></satisfaction-records>`;
    }
  }

  private _tabName(tab: RecordTab): string {
    switch (tab) {
      case 'complaints':
        return msg('Complaints');
      case 'customers':
        return msg('Valued customers');
      case 'referrals':
        return msg('Referrals');
      case 'diary':
        return msg('Work diary');
      case 'checks':
        return msg('Opening & closing checks');
      case 'satisfaction':
        return msg('Satisfaction');
    }
  }

  private _onHashChange = () => {
    this._tab = recordTabFromHash(location.hash);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'records-page': RecordsPage;
  }
}
