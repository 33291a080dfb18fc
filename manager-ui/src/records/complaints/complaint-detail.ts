import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ADMIN_ROUTES, fillPath, type AdminUser } from '../../../../protocol/admin-schemas.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { COMPLAINT_LIMITS, complaintRoutes, type Complaint, type UpdateComplaintBody } from '../../../../protocol/complaint-routes.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from '../../../../protocol/record-kinds.js';
import type { User } from '../../../../protocol/schemas.js';
import { apiContext, userContext } from '../../app-context.js';
import { counterName } from '../../shell/labels.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { complaintStyles } from './complaint-styles.js';
import { categoryLabel, channelLabel, complaintStatusLabel, dateTimeLabel, overdueLabel } from './complaint-text.js';

type Draft = Record<string, string>;

const awaitsReply = (c: Complaint) => c.status === 'open' || c.status === 'reopened';

/**
 * One complaint in the log: what was said, by whom and through which channel, the visit it is about,
 * and its next step: reply (recording when), close with the outcome, root cause and fix, or reopen.
 * Its fields can be edited as its state allows; a closed complaint is read-only until reopened.
 * @fires complaint-changed - detail `{ complaint }` after a change was stored
 */
@localized()
@customElement('complaint-detail')
export class ComplaintDetail extends LitElement {
  @property({ attribute: false }) complaint!: Complaint;
  /** The server's clock, in ms since the epoch. */
  @property({ type: Number }) now = Date.now();
  /** The branch's time zone, in which times are shown. */
  @property() timeZone: string | undefined;

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: userContext, subscribe: true }) @state() private _user: User | null = null;

  @state() private _editing = false;
  /** Who may handle a complaint: the branch's active managers and admins (loaded when editing starts). */
  @state() private _handlers: { id: string; name: string }[] = [];
  @state() private _draft: Draft = {};

  private _save = new RequestController(this, 'one-at-a-time');

  static override styles = [
    tokens,
    buttons,
    complaintStyles,
    css`
      :host {
        display: block;
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 14px;
        padding: 16px 20px;
      }
      h3 {
        margin: 0 0 8px;
        font-size: 20px;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
      }
      dl {
        display: grid;
        grid-template-columns: fit-content(10em) 1fr;
        gap: 6px 14px;
        margin: 0 0 14px;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .next {
        border-top: 1px solid var(--line);
        padding-top: 14px;
        margin-top: 14px;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>) {
    const previous = changed.get('complaint') as Complaint | undefined;
    if (changed.has('complaint') && previous?.id !== this.complaint.id) {
      this._editing = false;
      this._draft = {};
      this._save.error = '';
    }
  }

  override render() {
    const c = this.complaint;
    const overdue = awaitsReply(c) && Date.parse(c.replyDueAt) < this.now;
    return html`<h3>
        <span>${c.ticketNumber ? msg(str`Complaint about ${c.ticketNumber}`) : msg('Complaint')}</span>
        <span class="status ${c.status}" data-testid="complaint-detail-status">${complaintStatusLabel(c.status)}</span>
        ${overdue ? html`<span class="overdue" data-testid="complaint-detail-overdue">${overdueLabel(c.replyDueAt, this.now)}</span>` : nothing}
      </h3>
      ${this._editing ? this._renderEdit(c) : this._renderFacts(c)}
      ${this._save.error ? html`<div class="error" role="alert" data-testid="complaint-detail-error">${this._save.error}</div>` : nothing}
      ${this._editing ? nothing : this._renderNext(c)}`;
  }

  private _renderFacts(c: Complaint) {
    const mine = this._user?.id === c.handlerId;
    return html`<dl>
        <dt>${msg('Received')}</dt>
        <dd>${dateTimeLabel(c.receivedAt, this.timeZone)} · ${channelLabel(c.channel)} · ${c.receivedByName}</dd>
        <dt>${msg('Category')}</dt>
        <dd>${categoryLabel(c.category)}</dd>
        ${c.counterNumber !== null ? html`<dt>${msg('Counter')}</dt><dd>${counterName(c.counterNumber)}${c.tellerName ? ` · ${c.tellerName}` : ''}</dd>` : nothing}
        ${c.customerName || c.customerPhone ? html`<dt>${msg('Customer contact')}</dt><dd data-testid="complaint-detail-customer">${[c.customerName, c.customerPhone].filter(Boolean).join(' · ')}</dd>` : nothing}
        <dt>${msg('Handled by')}</dt>
        <dd>${c.handlerName ?? msg('Nobody yet')}</dd>
        <dt>${msg('Reply due')}</dt>
        <dd>${dateTimeLabel(c.replyDueAt, this.timeZone)}</dd>
        <dt>${msg('Complaint')}</dt>
        <dd class="text" data-testid="complaint-detail-content">${c.content}</dd>
        ${c.reply ? html`<dt>${msg('Reply')}</dt><dd class="text" data-testid="complaint-detail-reply">${c.reply} <span class="hint">(${dateTimeLabel(c.repliedAt!, this.timeZone)})</span></dd>` : nothing}
        ${c.outcome ? html`<dt>${msg('Outcome')}</dt><dd class="text">${c.outcome}</dd>` : nothing}
        ${c.rootCause ? html`<dt>${msg('Root cause')}</dt><dd class="text">${c.rootCause}</dd>` : nothing}
        ${c.fix ? html`<dt>${msg('Fix')}</dt><dd class="text">${c.fix}</dd>` : nothing}
      </dl>
      ${c.status === 'closed'
        ? nothing
        : html`<div class="actions">
            ${mine ? nothing : html`<button data-testid="complaint-take-over" ?disabled=${this._save.busy} @click=${this._takeOver}>${msg('Take it over')}</button>`}
            <button data-testid="complaint-edit" @click=${this._startEdit}>${msg('Edit')}</button>
          </div>`}`;
  }

  private _renderEdit(c: Complaint) {
    const d = this._draft;
    const text = (name: string, label: string, max: number) =>
      html`<label class="field">${label}<textarea name=${name} maxlength=${max} data-testid="complaint-edit-${name}" .value=${d[name] ?? ''}></textarea></label>`;
    return html`<form @input=${this._onInput} @change=${this._onInput} @submit=${this._onSaveEdit} novalidate>
      <div class="two">
        <label class="field">
          ${msg('Category')}
          <select name="category" .value=${d.category}>
            ${COMPLAINT_CATEGORIES.map((category) => html`<option value=${category} ?selected=${d.category === category}>${categoryLabel(category)}</option>`)}
          </select>
        </label>
        <label class="field">
          ${msg('Channel')}
          <select name="channel" .value=${d.channel}>
            ${COMPLAINT_CHANNELS.map((channel) => html`<option value=${channel} ?selected=${d.channel === channel}>${channelLabel(channel)}</option>`)}
          </select>
        </label>
        <label class="field">${msg('Customer name')}<input type="text" name="customerName" maxlength=${COMPLAINT_LIMITS.customerNameLength} .value=${d.customerName ?? ''} /></label>
        <label class="field">${msg('Phone')}<input type="tel" name="customerPhone" maxlength="24" .value=${d.customerPhone ?? ''} /></label>
      </div>
      <label class="field">
        ${msg('Handled by')}
        <select name="handlerId" data-testid="complaint-edit-handler" .value=${d.handlerId ?? ''}>
          <option value="" ?selected=${!d.handlerId}>${msg('Nobody yet')}</option>
          ${this._handlers.map((h) => html`<option value=${h.id} ?selected=${d.handlerId === h.id}>${h.name}</option>`)}
        </select>
      </label>
      ${text('content', msg('What the customer complained of'), COMPLAINT_LIMITS.contentLength)}
      ${c.status === 'replied' ? text('reply', msg('Reply'), COMPLAINT_LIMITS.replyLength) : nothing}
      ${text('rootCause', msg('Root cause'), COMPLAINT_LIMITS.noteLength)} ${text('fix', msg('Fix'), COMPLAINT_LIMITS.noteLength)}
      <div class="actions">
        <button type="button" @click=${() => (this._editing = false)}>${msg('Cancel')}</button>
        <button type="submit" class="primary" data-testid="complaint-edit-save" ?disabled=${this._save.busy}>${msg('Save')}</button>
      </div>
    </form>`;
  }

  /** The complaint's next step in its life: reply, close, or reopen. */
  private _renderNext(c: Complaint) {
    const d = this._draft;
    if (awaitsReply(c)) {
      return html`<form class="next" @input=${this._onInput} @submit=${this._onReply} novalidate>
        <label class="field">${msg('Reply given to the customer')}<textarea name="reply" maxlength=${COMPLAINT_LIMITS.replyLength} data-testid="complaint-reply-text" .value=${d.reply ?? ''}></textarea></label>
        <div class="actions"><button type="submit" class="primary" data-testid="complaint-reply" ?disabled=${this._save.busy || !d.reply?.trim()}>${msg('Record the reply')}</button></div>
      </form>`;
    }
    if (c.status === 'replied') {
      return html`<form class="next" @input=${this._onInput} @submit=${this._onClose} novalidate>
        <label class="field">${msg('Outcome')}<textarea name="outcome" maxlength=${COMPLAINT_LIMITS.noteLength} data-testid="complaint-outcome" .value=${d.outcome ?? ''}></textarea></label>
        <div class="two">
          <label class="field">${msg('Root cause')}<textarea name="rootCause" maxlength=${COMPLAINT_LIMITS.noteLength} data-testid="complaint-root-cause" .value=${d.rootCause ?? c.rootCause ?? ''}></textarea></label>
          <label class="field">${msg('Fix')}<textarea name="fix" maxlength=${COMPLAINT_LIMITS.noteLength} data-testid="complaint-fix" .value=${d.fix ?? c.fix ?? ''}></textarea></label>
        </div>
        <div class="actions"><button type="submit" class="primary" data-testid="complaint-close" ?disabled=${this._save.busy || !d.outcome?.trim()}>${msg('Close the complaint')}</button></div>
      </form>`;
    }
    return html`<div class="actions next"><button data-testid="complaint-reopen" ?disabled=${this._save.busy} @click=${this._onReopen}>${msg('Reopen')}</button></div>`;
  }

  private _onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.name) this._draft = { ...this._draft, [target.name]: target.value };
  };

  private _startEdit = () => {
    const c = this.complaint;
    this._draft = {
      category: c.category,
      channel: c.channel,
      content: c.content,
      customerName: c.customerName ?? '',
      customerPhone: c.customerPhone ?? '',
      reply: c.reply ?? '',
      rootCause: c.rootCause ?? '',
      fix: c.fix ?? '',
      handlerId: c.handlerId ?? '',
    };
    this._editing = true;
    void this._loadHandlers();
  };

  private async _loadHandlers() {
    if (this._handlers.length > 0) return;
    try {
      const users = await this._api.get<AdminUser[]>(fillPath(ADMIN_ROUTES.users, { branchId: this.complaint.branchId }));
      this._handlers = users.filter((u) => u.active && (u.role === 'manager' || u.role === 'admin')).map((u) => ({ id: u.id, name: u.displayName }));
    } catch {
      // Without the list, the current handler stays as it is; "Take it over" still works.
    }
  }

  private _onSaveEdit = async (event: Event) => {
    event.preventDefault();
    const c = this.complaint;
    const d = this._draft;
    const nullable = (value: string) => (value.trim() ? value.trim() : null);
    const body: Record<string, unknown> = {};
    if (d.category !== c.category) body.category = d.category;
    if (d.channel !== c.channel) body.channel = d.channel;
    if (d.content.trim() && d.content.trim() !== c.content) body.content = d.content.trim();
    for (const field of ['customerName', 'customerPhone', 'rootCause', 'fix'] as const) {
      if (nullable(d[field]) !== c[field]) body[field] = nullable(d[field]);
    }
    if (c.status === 'replied' && d.reply.trim() && d.reply.trim() !== c.reply) body.reply = d.reply.trim();
    if ((d.handlerId || null) !== c.handlerId) body.handlerId = d.handlerId || null;
    if (Object.keys(body).length === 0) return void (this._editing = false);
    if (await this._send(() => this._api.call(complaintRoutes.update, this._ids(), body as UpdateComplaintBody))) this._editing = false;
  };

  private _takeOver = () => {
    if (this._user) void this._send(() => this._api.call(complaintRoutes.update, this._ids(), { handlerId: this._user!.id }));
  };

  private _onReply = (event: Event) => {
    event.preventDefault();
    void this._send(() => this._api.call(complaintRoutes.reply, this._ids(), { reply: this._draft.reply!.trim() }));
  };

  private _onClose = (event: Event) => {
    event.preventDefault();
    const c = this.complaint;
    const d = this._draft;
    const rootCause = (d.rootCause ?? c.rootCause ?? '').trim();
    const fix = (d.fix ?? c.fix ?? '').trim();
    const body = { outcome: d.outcome!.trim(), ...(rootCause ? { rootCause } : {}), ...(fix ? { fix } : {}) };
    void this._send(() => this._api.call(complaintRoutes.close, this._ids(), body));
  };

  private _onReopen = () => {
    void this._send(() => this._api.call(complaintRoutes.reopen, this._ids()));
  };

  private _ids() {
    return { branchId: this.complaint.branchId, complaintId: this.complaint.id };
  }

  /** Sends a change; on success the draft is emptied and the log hears of the new complaint. */
  private async _send(request: () => Promise<Complaint>): Promise<boolean> {
    const outcome = await this._save.run(request);
    if (outcome.status !== 'done') return false;
    this._draft = {};
    this.dispatchEvent(new CustomEvent('complaint-changed', { detail: { complaint: outcome.value }, bubbles: true, composed: true }));
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-detail': ComplaintDetail;
  }
}
