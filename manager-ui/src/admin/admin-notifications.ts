/**
 * `<admin-notifications>`: the branch's webhooks to the bank's SMS or WeChat gateway. Admins add
 * one (URL, events, a secret: typed or made by the server, shown once), change or disable it, send
 * a test, and replace the secret; managers see the list and the deliveries, to know whether the
 * customers' messages go out. The selected webhook's latest deliveries show under its form.
 */
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { WEBHOOK_EVENTS, WEBHOOK_LIMITS, type Webhook, type WebhookDelivery, type WebhookEvent, type WebhookWithSecret } from '../../../protocol/notification-routes.js';
import type { User } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { field } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { secretStyles, sectionStyles } from './admin-styles.js';
import { webhookEventName } from './admin-webhook-deliveries.js';
import './admin-webhook-deliveries.js';

interface WebhookDraft {
  url: string;
  secret: string;
  events: WebhookEvent[];
  active: boolean;
}

const emptyDraft = (): WebhookDraft => ({ url: '', secret: '', events: ['ticket.called'], active: true });

/** The form's own checks, before the server's: the same rules, said next to the field. */
function problemsOf(d: WebhookDraft, isNew: boolean): { url?: string; secret?: string; events?: string } {
  const problems: { url?: string; secret?: string; events?: string } = {};
  if (!/^https?:\/\/\S+$/i.test(d.url.trim())) problems.url = msg('Enter an address starting with https:// (or http://)');
  if (isNew && d.secret !== '' && (d.secret.length < WEBHOOK_LIMITS.secretMin || /\s/.test(d.secret))) {
    problems.secret = msg(str`At least ${WEBHOOK_LIMITS.secretMin} characters, no spaces; or leave it empty`);
  }
  if (d.events.length === 0) problems.events = msg('Choose at least one event');
  return problems;
}

@localized()
@customElement('admin-notifications')
export class AdminNotifications extends AdminSection {
  /** Who is signed in: only an admin changes webhooks. */
  @property({ attribute: false }) currentUser: User | null = null;

  @state() private _webhooks: Webhook[] = [];
  @state() private _selectedId: string | null = null;
  @state() private _draft: WebhookDraft = emptyDraft();
  @state() private _deliveries: WebhookDelivery[] = [];
  /** The secret just made: shown until dismissed, never again. */
  @state() private _shownSecret: WebhookWithSecret | null = null;
  /** The branch's time zone: deliveries show in branch time, as the audit log does. */
  @state() private _timeZone: string | undefined = undefined;

  static override styles = [
    sectionStyles,
    secretStyles,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto;
      }
      button.record {
        cursor: pointer;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      legend {
        font-weight: 600;
        margin-bottom: 4px;
      }
      .deliveries {
        grid-column: 1 / -1;
      }
      /* A problem under a control that is not a field of its own (the events, the URL under its hint). */
      span.problem {
        color: var(--alarm);
        font-size: 14px;
        font-weight: 600;
        margin-top: -8px;
      }
    `,
  ];

  private get _canChange(): boolean {
    return this.currentUser?.role === 'admin';
  }

  private get _selected(): Webhook | null {
    return this._webhooks.find((w) => w.id === this._selectedId) ?? null;
  }

  protected override async _reload(admin: AdminApi) {
    this._webhooks = await admin.webhooks.list();
    this._timeZone ??= (await admin.branch.get()).timeZone;
    this._deliveries = this._selectedId ? await admin.webhooks.deliveries(this._selectedId) : [];
  }

  protected override _reset() {
    this._selectedId = null;
    this._draft = emptyDraft();
    this._shownSecret = null;
    this._timeZone = undefined;
  }

  override render() {
    const selected = this._selected;
    return html`<div class="layout">
      <section aria-labelledby="webhooks-title">
        <div class="list-head">
          <h2 id="webhooks-title">${msg('Webhooks')}</h2>
          ${this._canChange ? html`<button data-testid="admin-new" @click=${() => this._select(null)}>${msg('New webhook')}</button>` : nothing}
        </div>
        <p class="hint">${msg("Lobbyflow tells the bank's SMS or WeChat gateway of the events chosen, signed with the webhook's secret. Messages carry the ticket number and service, never a name or card number.")}</p>
        ${this._renderLoadState()}
        ${this._loaded && this._webhooks.length === 0 ? html`<p class="empty">${msg('No webhooks yet.')}</p>` : nothing}
        <ul class="records">
          ${this._webhooks.map((w) => this._renderRecord(w))}
        </ul>
      </section>
      ${this._shownSecret ? this._renderSecret(this._shownSecret) : this._renderForm(selected)}
      ${selected
        ? html`<section class="deliveries" aria-labelledby="deliveries-title">
            <div class="list-head">
              <h2 id="deliveries-title">${msg('Recent deliveries')}</h2>
              <button data-testid="webhook-refresh" @click=${() => this._refresh()}>${msg('Refresh')}</button>
            </div>
            <admin-webhook-deliveries .deliveries=${this._deliveries} .timeZone=${this._timeZone}></admin-webhook-deliveries>
          </section>`
        : nothing}
    </div>`;
  }

  private _renderRecord(w: Webhook) {
    return html`<li>
      <button class="record ${w.active ? '' : 'inactive'}" data-testid="admin-webhook-${w.id}" aria-current=${w.id === this._selectedId ? 'true' : 'false'} @click=${() => this._select(w)}>
        <span>
          <div class="main">${w.url}</div>
          <div class="sub">${w.events.map(webhookEventName).join(' · ')} · ${msg(str`secret ${w.secretHint}`)}</div>
        </span>
        ${w.active ? html`<span class="chip ok">${msg('Active')}</span>` : html`<span class="chip off">${msg('Disabled')}</span>`}
      </button>
    </li>`;
  }

  private _renderForm(selected: Webhook | null) {
    if (!this._canChange && !selected) return html`<p class="hint">${msg('Only an admin may add or change webhooks.')}</p>`;
    const d = this._draft;
    const problems = this._showProblems ? problemsOf(d, !selected) : {};
    const readOnly = !this._canChange;
    return html`<form class="panel" novalidate @submit=${this._onSubmit}>
      <h3>${selected ? msg('Edit webhook') : msg('New webhook')}</h3>
      ${field(
        msg('Gateway address'),
        html`<input name="url" type="url" data-testid="webhook-url" .value=${d.url} ?disabled=${readOnly} maxlength=${WEBHOOK_LIMITS.urlLength} aria-invalid=${!!problems.url}
          @input=${(e: Event) => (this._draft = { ...d, url: (e.target as HTMLInputElement).value })} />`,
        undefined,
        msg('e.g. https://sms-gateway.bank.example/lobbyflow'),
      )}
      ${problems.url ? html`<span class="problem" data-testid="admin-problem">${problems.url}</span>` : nothing}
      ${selected
        ? html`<p class="hint">${msg(str`Secret: ${selected.secretHint} (shown in full only when made)`)}</p>`
        : html`${field(
            msg('Secret (optional)'),
            html`<input name="secret" data-testid="webhook-secret" autocomplete="off" .value=${d.secret} maxlength=${WEBHOOK_LIMITS.secretMax} aria-invalid=${!!problems.secret}
              @input=${(e: Event) => (this._draft = { ...d, secret: (e.target as HTMLInputElement).value })} />`,
            undefined,
            msg('Leave empty and lobbyflow makes a strong one, shown once.'),
          )}
          ${problems.secret ? html`<span class="problem" data-testid="admin-problem">${problems.secret}</span>` : nothing}`}
      <fieldset>
        <legend>${msg('Events')}</legend>
        ${WEBHOOK_EVENTS.map(
          (event) => html`<label class="check"
            ><input type="checkbox" data-testid="webhook-event-${event}" ?disabled=${readOnly} .checked=${d.events.includes(event)} @change=${(e: Event) => this._toggleEvent(event, (e.target as HTMLInputElement).checked)} />${webhookEventName(event)}</label
          >`,
        )}
        ${problems.events ? html`<span class="problem" data-testid="admin-problem">${problems.events}</span>` : nothing}
      </fieldset>
      <label class="check"
        ><input type="checkbox" data-testid="webhook-active" ?disabled=${readOnly} .checked=${d.active} @change=${(e: Event) => (this._draft = { ...d, active: (e.target as HTMLInputElement).checked })} />${msg('Active (untick to stop sending)')}</label
      >
      ${this._renderOutcome()}
      ${readOnly
        ? html`<p class="hint">${msg('Only an admin may add or change webhooks.')}</p>`
        : html`<div class="actions">
            <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${selected ? msg('Save') : msg('Add webhook')}</button>
            ${selected
              ? html`<button type="button" data-testid="webhook-test" ?disabled=${this._busy || !selected.active} @click=${() => this._onTest(selected)}>${msg('Send a test')}</button>
                  <button type="button" class="push" data-testid="webhook-new-secret" ?disabled=${this._busy} @click=${() => this._onNewSecret(selected)}>${msg('New secret')}</button>`
              : nothing}
          </div>`}
    </form>`;
  }

  private _renderSecret(made: WebhookWithSecret) {
    return html`<div class="panel secret" data-testid="webhook-secret-shown">
      <h3>${msg('The webhook’s secret')}</h3>
      <strong>${msg('Copy it now into the gateway: it is shown only this once.')}</strong>
      <code data-testid="webhook-secret-value">${made.secret}</code>
      <span>${msg('The gateway checks each message’s X-Lobbyflow-Signature with it (see the README).')}</span>
      <div class="actions"><button class="primary" data-testid="admin-done" @click=${() => (this._shownSecret = null)}>${msg('Done')}</button></div>
    </div>`;
  }

  private _select(webhook: Webhook | null) {
    this._clearOutcome();
    this._shownSecret = null;
    this._selectedId = webhook?.id ?? null;
    this._draft = webhook ? { url: webhook.url, secret: '', events: [...webhook.events], active: webhook.active } : emptyDraft();
    this._deliveries = [];
    if (webhook) void this._refresh();
  }

  private async _refresh() {
    const admin = this.admin;
    if (!admin || !this._selectedId) return;
    try {
      this._deliveries = await admin.webhooks.deliveries(this._selectedId);
    } catch (err) {
      this._refusal = err;
    }
  }

  private _toggleEvent(event: WebhookEvent, on: boolean) {
    const events = on ? [...new Set([...this._draft.events, event])] : this._draft.events.filter((e) => e !== event);
    this._draft = { ...this._draft, events: WEBHOOK_EVENTS.filter((e) => events.includes(e)) };
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    const selected = this._selected;
    const d = this._draft;
    if (Object.keys(problemsOf(d, !selected)).length > 0) return;
    if (selected) {
      await this._send((admin) => admin.webhooks.update(selected.id, { url: d.url.trim(), events: d.events, active: d.active }), msg('Webhook saved.'));
      return;
    }
    const sent = await this._send(
      (admin) => admin.webhooks.create({ url: d.url.trim(), events: d.events, active: d.active, ...(d.secret ? { secret: d.secret } : {}) }),
      msg('Webhook added.'),
    );
    if (sent) {
      this._selectedId = sent.reply.webhook.id;
      this._shownSecret = sent.reply;
      await this._refresh();
    }
  }

  private async _onTest(webhook: Webhook) {
    const sent = await this._send((admin) => admin.webhooks.test(webhook.id), msg('Test sent: see its delivery below.'));
    if (sent) await this._refresh();
  }

  private async _onNewSecret(webhook: Webhook) {
    const sent = await this._send((admin) => admin.webhooks.replaceSecret(webhook.id), msg('New secret made.'));
    if (sent) this._shownSecret = sent.reply;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-notifications': AdminNotifications;
  }
}
