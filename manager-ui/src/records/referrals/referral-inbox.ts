import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import type { ReferralStatus } from '../../../../protocol/record-kinds.js';
import { REFERRAL_LIMITS, REFERRAL_MOVES, referralRoutes, type Referral } from '../../../../protocol/referral-routes.js';
import type { User } from '../../../../protocol/schemas.js';
import { apiContext, EMPTY_LIVE, liveContext, userContext, type LiveState } from '../../app-context.js';
import { getLocale } from '../../localization.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { referralStyles } from './referral-styles.js';
import { moveLabel, referralStatusLabel, referralTime, urgencyLabel } from './referral-text.js';

/**
 * The account manager's page (#/referrals): the customers the lobby referred to them, newest
 * first, new ones marked and counted in the header. A referral arrives without a reload: the live
 * socket's hint makes the page fetch again. Each referral moves on with one tap, with a note.
 */
@localized()
@customElement('referral-inbox')
export class ReferralInbox extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _referrals: Referral[] | null = null;
  /** The note typed under each referral, by id. */
  @state() private _notes: Record<string, string> = {};
  /** A referral's problem (a decline without a note), by id. */
  @state() private _problems: Record<string, string> = {};

  private _load = new RequestController(this, 'latest');
  private _move = new RequestController(this, 'one-at-a-time');
  private _fetchedAtHint = -1;

  static override styles = [
    tokens,
    buttons,
    referralStyles,
    css`
      :host {
        display: block;
        padding: 16px 24px;
        overflow-y: auto;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-bottom: 16px;
      }
      h1 {
        font-size: 24px;
        margin: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 12px;
      }
      li {
        background: var(--card);
        border: 2px solid var(--line);
        border-radius: 14px;
        padding: 14px 18px;
      }
      li.new {
        border-color: var(--accent);
        border-inline-start-width: 8px;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 8px 14px;
      }
      .name {
        font-size: 20px;
        font-weight: 700;
      }
      .when {
        margin-inline-start: auto;
        color: var(--muted);
      }
      .need {
        margin: 8px 0 4px;
        font-size: 18px;
      }
      .meta {
        color: var(--muted);
      }
      .mark {
        color: var(--accent);
        font-weight: 700;
      }
      .move {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        margin-top: 12px;
        align-items: center;
      }
      .move input {
        flex: 1 1 260px;
        width: auto;
      }
      .note {
        margin-top: 8px;
      }
    `,
  ];

  override willUpdate() {
    const hint = this._live.recordHints.referral ?? 0;
    if (this._user?.branchId && hint !== this._fetchedAtHint) {
      this._fetchedAtHint = hint;
      void this._fetch();
    }
  }

  private async _fetch() {
    const branchId = this._user?.branchId;
    if (!branchId) return;
    const outcome = await this._load.run(() => this._api.call(referralRoutes.list, { branchId }));
    if (outcome.status === 'done') this._referrals = outcome.value;
  }

  override render() {
    const referrals = this._referrals;
    const fresh = referrals?.filter((r) => r.status === 'referred').length ?? 0;
    return html`<header>
        <h1>${msg('Customers referred to me')}</h1>
        <span class="badge" data-testid="referral-new-count" role="status" aria-label=${msg(str`${fresh} new`)}>${fresh}</span>
      </header>
      ${this._load.error || this._move.error ? html`<div class="error" role="alert">${this._load.error || this._move.error}</div>` : nothing}
      ${referrals === null
        ? html`<div class="empty">${msg('Loading…')}</div>`
        : referrals.length === 0
          ? html`<div class="empty" data-testid="referral-inbox-empty">${msg('No customers have been referred to you yet.')}</div>`
          : html`<ol data-testid="referral-inbox">
              ${referrals.map((r) => this._renderReferral(r))}
            </ol>`}`;
  }

  private _renderReferral(r: Referral) {
    const next = REFERRAL_MOVES[r.status];
    const isNew = r.status === 'referred';
    const problem = this._problems[r.id];
    return html`<li class=${isNew ? 'new' : ''} data-testid="referral-${r.id}" data-status=${r.status}>
      <div class="top">
        ${isNew
          ? html`<span class="mark" data-testid="referral-new">● ${msg('New')}</span>`
          : html`<span class="status ${r.status}" data-testid="referral-status">${referralStatusLabel(r.status)}</span>`}
        <span class="name">${r.customerName ?? msg('Name not given')}</span>
        ${r.ticketNumber ? html`<span class="number" data-testid="referral-ticket">${r.ticketNumber}</span>` : nothing}
        ${r.customerPhone ? html`<span>☎ ${r.customerPhone}</span>` : nothing}
        <span class="when">${referralTime(r.createdAt, getLocale())}</span>
      </div>
      <div class="need">${r.need}</div>
      <div class="meta">
        ${r.productInterest ? html`${msg(str`Interested in ${r.productInterest}`)} · ` : nothing}${urgencyLabel(r.urgency)} ·
        ${msg(str`referred by ${r.referredByName}`)}
      </div>
      ${r.note ? html`<div class="note">📝 ${r.note}</div>` : nothing}
      ${next.length
        ? html`<div class="move">
            <input
              type="text"
              maxlength=${REFERRAL_LIMITS.noteLength}
              aria-label=${msg('Note')}
              placeholder=${msg('Note (needed to decline)')}
              data-testid="referral-note-${r.id}"
              .value=${this._notes[r.id] ?? ''}
              @input=${(e: Event) => this._onNote(r.id, (e.target as HTMLInputElement).value)}
            />
            ${next.map(
              (status) =>
                html`<button
                  class=${status === 'declined' ? '' : 'primary'}
                  data-testid="referral-move-${status}"
                  ?disabled=${this._move.busy}
                  @click=${() => this._onMove(r, status)}
                >
                  ${moveLabel(status)}
                </button>`,
            )}
          </div>`
        : nothing}
      ${problem ? html`<div class="error" role="alert">${problem}</div>` : nothing}
    </li>`;
  }

  private _onNote(id: string, value: string) {
    this._notes = { ...this._notes, [id]: value };
    if (this._problems[id]) this._problems = { ...this._problems, [id]: '' };
  }

  private async _onMove(referral: Referral, status: ReferralStatus) {
    const branchId = this._user?.branchId;
    if (!branchId) return;
    const note = (this._notes[referral.id] ?? '').trim();
    if (status === 'declined' && !note) {
      this._problems = { ...this._problems, [referral.id]: msg('Write in the note why the customer declined.') };
      this.renderRoot.querySelector<HTMLInputElement>(`[data-testid="referral-note-${referral.id}"]`)?.focus();
      return;
    }
    const outcome = await this._move.run(() =>
      this._api.call(referralRoutes.move, { branchId, referralId: referral.id }, note ? { status, note } : { status }),
    );
    if (outcome.status !== 'done') return;
    const moved = outcome.value;
    this._referrals = (this._referrals ?? []).map((r) => (r.id === moved.id ? moved : r));
    this._notes = { ...this._notes, [referral.id]: '' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-inbox': ReferralInbox;
  }
}
