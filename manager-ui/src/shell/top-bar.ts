import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LocalizedName, User } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { routeHash, type Route } from '../logic/routes.js';
import './manager-language-switch.js';
import { buttons, tokens } from './styles.js';

/**
 * The console's top bar: branch, the pages this user may open, who is signed in, language, sign out.
 * Labels never wrap: on a narrower tablet (1024 px) the bar tightens and drops the user's name, and a
 * long branch name is cut short with an ellipsis, so each page's name stays on one line.
 * @fires sign-out - when the user taps "Sign out"
 */
@localized()
@customElement('top-bar')
export class TopBar extends LitElement {
  /** The branch's name from the live snapshot (null until it arrives). */
  @property({ attribute: false }) branchName: LocalizedName | null = null;
  /** The signed-in user. */
  @property({ attribute: false }) user: User | null = null;
  /** Pages the user may open. */
  @property({ attribute: false }) pages: readonly Route[] = [];
  /** The page showing now. */
  @property() route: Route = 'login';

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: block;
        background: var(--card);
        border-bottom: 1px solid var(--line);
      }
      nav {
        display: flex;
        align-items: center;
        gap: 12px;
        height: 64px;
        padding: 0 16px;
        white-space: nowrap;
      }
      .branch {
        font-weight: 700;
        font-size: 20px;
        color: var(--accent);
        min-width: 4em;
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 0 100 auto;
      }
      .pages {
        display: flex;
        gap: 4px;
        margin-inline-start: 12px;
        min-width: 0;
        /* The last resort on a very narrow screen: the links scroll sideways rather than wrap. */
        overflow-x: auto;
        scrollbar-width: none;
      }
      .pages a {
        flex: none;
        display: inline-flex;
        align-items: center;
        min-height: var(--target);
        padding: 0 16px;
        border-radius: 10px;
        color: var(--text);
        text-decoration: none;
        font-weight: 600;
      }
      .pages a:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: -3px;
      }
      nav > button,
      manager-language-switch {
        flex: none;
      }
      .pages a[aria-current='page'] {
        background: #e3edf8;
        color: var(--accent);
      }
      .spacer {
        flex: 1;
      }
      .user {
        color: var(--muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 260px;
        /* Space runs out for the user's name first, then the branch's, and only then do the pages scroll. */
        flex: 0 1000 auto;
        min-width: 0;
      }
      @media (max-width: 1180px) {
        nav {
          gap: 8px;
          padding: 0 10px;
        }
        .branch {
          font-size: 18px;
        }
        .pages {
          margin-inline-start: 4px;
        }
        .pages a {
          padding: 0 10px;
        }
        .user {
          display: none;
        }
      }
    `,
  ];

  override render() {
    const branch = this.branchName ? localizedName(this.branchName, getLocale()) : '';
    return html`<nav>
      <span class="branch" data-testid="branch-name">${branch || 'lobbyflow'}</span>
      ${this.pages.length > 1
        ? html`<div class="pages">
            ${this.pages.map(
              (page) =>
                html`<a href=${routeHash(page)} aria-current=${page === this.route ? 'page' : 'false'} data-testid="nav-${page}">${this._pageName(page)}</a>`,
            )}
          </div>`
        : nothing}
      <span class="spacer"></span>
      ${this.user ? html`<span class="user" data-testid="user-name">${this.user.displayName}</span>` : nothing}
      <manager-language-switch></manager-language-switch>
      <button @click=${this._onSignOut} data-testid="sign-out">${msg('Sign out')}</button>
    </nav>`;
  }

  private _pageName(page: Route): string {
    if (page === 'triage') return msg('Lobby');
    if (page === 'counter') return msg('My counter');
    if (page === 'records') return msg('Records');
    if (page === 'referrals') return msg('My referrals');
    if (page === 'reports') return msg('Reports');
    if (page === 'staffing') return msg('Staffing');
    if (page === 'admin') return msg('Admin');
    return '';
  }

  private _onSignOut() {
    this.dispatchEvent(new Event('sign-out', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'top-bar': TopBar;
  }
}
