/**
 * `<admin-audit-log>`: the audit log of personal data, for admins. Who read or changed which
 * complaint, customer, referral or diary entry, and when (branch time), filtered by person, record
 * type and branch days; newest first, 50 rows at a time; the same filter as a CSV download.
 */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AdminUser } from '../../../protocol/admin-schemas.js';
import type { AuditLogFilter, AuditLogRow } from '../../../protocol/audit-routes.js';
import { RECORD_TYPES } from '../../../protocol/record-kinds.js';
import type { User } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { field } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import { roleName } from './admin-text.js';
import type { AuditApi } from './audit-api.js';
import { auditActionName, recordTypeName } from './audit-text.js';

/** A person the filter offers: the branch's staff, the admin signed in, and anyone in the rows shown. */
interface Person {
  id: string;
  name: string;
  username: string;
}

@localized()
@customElement('admin-audit-log')
export class AdminAuditLog extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      /* After form.panel's column: the four filters side by side. */
      form.filters {
        display: grid;
        grid-template-columns: minmax(0, 1.4fr) minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: 12px;
        align-items: start;
        margin-bottom: 14px;
      }
      .list-head p.hint {
        flex: 1;
      }
      a.download {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        box-sizing: border-box;
        min-height: var(--target);
        padding: 0 18px;
        border-radius: 10px;
        border: 2px solid var(--accent);
        background: var(--accent);
        color: #fff;
        font-weight: 600;
        text-decoration: none;
        white-space: nowrap;
      }
      a.download:focus-visible {
        outline: 3px solid var(--warn-fill);
        outline-offset: 2px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        table-layout: fixed;
        background: var(--card);
        border: 2px solid var(--line);
        border-radius: 12px;
        font-size: 15px;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 8px 10px;
        border-bottom: 1px solid var(--line);
        overflow-wrap: anywhere;
      }
      th {
        font-size: 14px;
        color: var(--muted);
        background: var(--bg);
      }
      col.time {
        width: 13%;
      }
      col.who {
        width: 19%;
      }
      col.role,
      col.action {
        width: 11%;
      }
      col.type {
        width: 15%;
      }
      col.record {
        width: 16%;
      }
      .time,
      .code {
        font-family: var(--digits);
        font-size: 13px;
      }
      .username {
        display: block;
        color: var(--muted);
        font-family: var(--digits);
        font-size: 13px;
      }
      .more {
        display: flex;
        justify-content: center;
        padding-top: 12px;
      }
    `,
  ];

  /** The audit routes of the branch (set together with `admin`, which lists its staff). */
  @property({ attribute: false }) audit: AuditApi | null = null;
  /** The admin signed in: also offered as a person, since an admin of every branch is not on the branch's staff list. */
  @property({ attribute: false }) currentUser: User | null = null;

  @state() private _filter: AuditLogFilter = {};
  @state() private _rows: AuditLogRow[] = [];
  @state() private _nextBeforeId: number | null = null;
  @state() private _timeZone = '';
  @state() private _staff: AdminUser[] = [];
  @state() private _loadingMore = false;
  /** Counts the first-page requests: a slower answer to an older filter must not replace a newer one. */
  private _asked = 0;

  protected override _reset(): void {
    this._filter = {};
    this._rows = [];
    this._nextBeforeId = null;
  }

  protected override async _reload(admin: AdminApi) {
    const [staff] = await Promise.all([admin.users.list(), this._firstPage()]);
    this._staff = staff;
  }

  /** The first page of the filter; a filter whose days are the wrong way round is not sent. */
  private async _firstPage() {
    const audit = this.audit;
    if (!audit || this._daysReversed) return;
    const asked = ++this._asked;
    const page = await audit.page(this._filter);
    if (asked !== this._asked) return;
    this._rows = page.rows;
    this._nextBeforeId = page.nextBeforeId;
    this._timeZone = page.timeZone;
  }

  private get _daysReversed(): boolean {
    const { from, to } = this._filter;
    return !!from && !!to && from > to;
  }

  private get _people(): Person[] {
    const people = new Map<string, Person>();
    for (const u of this._staff) people.set(u.id, { id: u.id, name: u.displayName, username: u.username });
    const me = this.currentUser;
    if (me && !people.has(me.id)) people.set(me.id, { id: me.id, name: me.displayName, username: me.username });
    for (const r of this._rows) if (!people.has(r.actorId)) people.set(r.actorId, { id: r.actorId, name: r.actorName ?? r.actorId, username: r.actorUsername ?? '' });
    return [...people.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  override render() {
    if (!this._loaded || this._loadFailure) return this._renderLoadState();
    return html`${this._renderFilters()}
      <div class="list-head">
        <p class="hint">
          ${msg('Every read and change of personal data. Fields are named, never their contents.')}
          ${this._timeZone ? msg(str`Times are branch time (${this._timeZone}).`) : nothing}
        </p>
        ${this._daysReversed
          ? nothing
          : html`<a class="download" data-testid="audit-download" href=${this.audit?.csvUrl(this._filter) ?? '#'} download>${msg('Download CSV')}</a>`}
      </div>
      ${this._renderOutcome()} ${this._renderTable()}`;
  }

  private _renderFilters() {
    const f = this._filter;
    return html`<form class="filters panel" role="search" aria-label=${msg('Filter the audit log')} @change=${this._onFilter} @submit=${(e: Event) => e.preventDefault()}>
      ${field(
        msg('Person'),
        html`<select name="actorId" data-testid="audit-person">
          <option value="" ?selected=${!f.actorId}>${msg('Everyone')}</option>
          ${this._people.map((p) => html`<option value=${p.id} ?selected=${p.id === f.actorId}>${p.name} (${p.username})</option>`)}
        </select>`,
      )}
      ${field(
        msg('Record'),
        html`<select name="recordType" data-testid="audit-record-type">
          <option value="" ?selected=${!f.recordType}>${msg('Every record')}</option>
          ${RECORD_TYPES.map((type) => html`<option value=${type} ?selected=${type === f.recordType}>${recordTypeName(type)}</option>`)}
        </select>`,
      )}
      ${field(msg('From'), html`<input name="from" type="date" data-testid="audit-from" .value=${f.from ?? ''} max=${f.to ?? nothing} />`)}
      ${field(
        msg('To'),
        html`<input name="to" type="date" data-testid="audit-to" .value=${f.to ?? ''} min=${f.from ?? nothing} aria-invalid=${this._daysReversed} />`,
        undefined,
        this._daysReversed ? undefined : msg('Both days included'),
      )}
      ${this._daysReversed ? html`<p class="refusal" role="alert" data-testid="audit-days-reversed">${msg('The first day is after the last day.')}</p>` : nothing}
    </form>`;
  }

  private _renderTable() {
    if (this._daysReversed) return nothing;
    if (this._rows.length === 0) return html`<p class="empty" data-testid="audit-empty">${msg('No reads or changes of personal data match this filter.')}</p>`;
    const clock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: this._timeZone || undefined,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    return html`<table data-testid="audit-table" aria-label=${msg('Audit log')}>
        <colgroup><col class="time" /><col class="who" /><col class="role" /><col class="action" /><col class="type" /><col class="record" /><col /></colgroup>
        <thead>
          <tr>
            <th scope="col">${msg('Time')}</th>
            <th scope="col">${msg('Who')}</th>
            <th scope="col">${msg('Role')}</th>
            <th scope="col">${msg('Action')}</th>
            <th scope="col">${msg('Record')}</th>
            <th scope="col">${msg('Record id')}</th>
            <th scope="col">${msg('Fields')}</th>
          </tr>
        </thead>
        <tbody>
          ${this._rows.map(
            (r) => html`<tr data-testid="audit-row">
              <td class="time">${clock.format(new Date(r.at))}</td>
              <td>${r.actorName ?? r.actorId}${r.actorUsername ? html`<span class="username">${r.actorUsername}</span>` : nothing}</td>
              <td>${roleName(r.actorRole)}</td>
              <td>${auditActionName(r.action)}</td>
              <td>${recordTypeName(r.recordType)}</td>
              <td class="code">${r.recordId ?? msg('(the list)')}</td>
              <td class="code">${r.fields.join(', ') || '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this._nextBeforeId === null
        ? nothing
        : html`<div class="more">
            <button type="button" data-testid="audit-more" ?disabled=${this._loadingMore} @click=${this._onMore}>${msg('Load more')}</button>
          </div>`}`;
  }

  private async _onFilter(event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    this._filter = { ...this._filter, [target.name]: target.value || undefined };
    this._refusal = null;
    try {
      await this._firstPage();
    } catch (err) {
      this._refusal = err;
    }
  }

  private async _onMore() {
    const audit = this.audit;
    if (!audit || this._nextBeforeId === null) return;
    this._loadingMore = true;
    this._refusal = null;
    const asked = this._asked;
    try {
      const page = await audit.page(this._filter, this._nextBeforeId);
      if (asked !== this._asked) return;
      this._rows = [...this._rows, ...page.rows];
      this._nextBeforeId = page.nextBeforeId;
    } catch (err) {
      this._refusal = err;
    } finally {
      this._loadingMore = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit-log': AdminAuditLog;
  }
}
