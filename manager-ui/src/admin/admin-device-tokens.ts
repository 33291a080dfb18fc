/**
 * Ticket kiosks and wall displays: each has a token instead of a sign-in. A new token is shown
 * once, with the address to open on the device; a lost or retired device's token is revoked.
 */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { DeviceKind, DeviceToken, NewDeviceToken } from '../../../protocol/admin-schemas.js';
import type { AdminApi } from './admin-api.js';
import { field, withInput } from './admin-fields.js';
import { AdminSection } from './admin-section.js';
import { secretStyles, sectionStyles } from './admin-styles.js';
import { deviceKindName } from './admin-text.js';
import { checkLabel, hasProblems } from './admin-validation.js';

/** The page a device opens with its token: the kiosk or the display front-end. */
export function deviceAddress(origin: string, branchId: string, token: NewDeviceToken): string {
  const page = token.kind === 'kiosk' ? 'kiosk-ui' : 'display-ui';
  return `${origin}/${page}/?branch=${encodeURIComponent(branchId)}&token=${encodeURIComponent(token.token)}`;
}

@localized()
@customElement('admin-device-tokens')
export class AdminDeviceTokens extends AdminSection {
  static override styles = [
    sectionStyles,
    secretStyles,
    css`
      .record {
        grid-template-columns: minmax(0, 1fr) auto auto;
      }
      .record.inactive .main {
        text-decoration: line-through;
      }
      .confirm {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 10px;
        color: var(--alarm);
        font-weight: 600;
      }
    `,
  ];

  @state() private _tokens: DeviceToken[] = [];
  @state() private _draft: { kind: DeviceKind; label: string } = { kind: 'kiosk', label: '' };
  /** The token just created: shown until the user dismisses it, and never again. */
  @state() private _created: NewDeviceToken | null = null;
  @state() private _confirmingRevokeId: string | null = null;
  @state() private _copied = false;

  protected override async _reload(admin: AdminApi) {
    this._tokens = await admin.deviceTokens.list();
  }

  protected override _reset() {
    this._created = null;
    this._confirmingRevokeId = null;
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="tokens-title">
        <div class="list-head"><h2 id="tokens-title">${msg('Kiosks & displays')}</h2></div>
        ${this._renderLoadState()}
        <ul class="records">
          ${this._tokens.map((t) => this._renderRecord(t))}
        </ul>
      </section>
      ${this._created ? this._renderCreated(this._created) : this._renderForm()}
    </div>`;
  }

  private _renderRecord(token: DeviceToken) {
    const revoked = token.revokedAt !== null;
    const created = new Date(token.createdAt).toLocaleDateString(document.documentElement.lang || undefined);
    return html`<li>
      <div class="record ${revoked ? 'inactive' : ''}" data-testid="admin-token-${token.id}">
        <span>
          <div class="main">${token.label}</div>
          <div class="sub">${deviceKindName(token.kind)} · ${msg(str`added ${created}`)}</div>
        </span>
        ${revoked ? html`<span class="chip off">${msg('Revoked')}</span>` : html`<span class="chip ok">${msg('Active')}</span>`}
        ${revoked || this._confirmingRevokeId === token.id
          ? html`<span></span>`
          : html`<button class="danger" data-testid="admin-revoke" @click=${() => this._onAskRevoke(token)}>${msg('Revoke')}</button>`}
        ${this._confirmingRevokeId === token.id
          ? html`<div class="confirm" role="alertdialog" aria-label=${msg('Revoke token')}>
              ${msg('The device will be refused from its next request.')}
              <button class="danger primary" data-testid="admin-confirm" ?disabled=${this._busy} @click=${() => this._onRevoke(token)}>${msg('Revoke')}</button>
              <button data-testid="admin-cancel" @click=${() => (this._confirmingRevokeId = null)}>${msg('Keep it')}</button>
            </div>`
          : nothing}
      </div>
    </li>`;
  }

  private _renderForm() {
    const problems = this._showProblems ? checkLabel(this._draft.label) : {};
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <h3>${msg('Register a device')}</h3>
      ${field(
        msg('Device'),
        html`<select name="kind" .value=${this._draft.kind}>
          <option value="kiosk" ?selected=${this._draft.kind === 'kiosk'}>${deviceKindName('kiosk')}</option>
          <option value="display" ?selected=${this._draft.kind === 'display'}>${deviceKindName('display')}</option>
        </select>`,
      )}
      ${field(
        msg('Label'),
        html`<input name="label" .value=${this._draft.label} required maxlength=${ADMIN_LIMITS.labelLength} aria-invalid=${!!problems.label} />`,
        problems.label,
        msg('Where it stands, e.g. Kiosk by the entrance'),
      )}
      ${this._renderOutcome()}
      <div class="actions">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${msg('Create token')}</button>
      </div>
    </form>`;
  }

  private _renderCreated(token: NewDeviceToken) {
    const address = deviceAddress(location.origin, this.admin?.branchId ?? '', token);
    return html`<div class="panel secret" data-testid="admin-new-token">
      <h3>${msg(str`Token for ${token.label}`)}</h3>
      <strong>${msg('Copy it now: it is shown only this once.')}</strong>
      <code data-testid="admin-token-value">${token.token}</code>
      <span>${msg('Open this address on the device; it remembers the token:')}</span>
      <code>${address}</code>
      <div class="actions">
        <button class="primary" data-testid="admin-copy" @click=${() => this._onCopy(address)}>${this._copied ? msg('Copied ✓') : msg('Copy address')}</button>
        <button data-testid="admin-done" @click=${this._onDone}>${msg('Done')}</button>
      </div>
    </div>`;
  }

  private _onInput(event: Event) {
    this._draft = withInput(this._draft, event);
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    this._showProblems = true;
    if (hasProblems(checkLabel(this._draft.label))) return;
    const body = { kind: this._draft.kind, label: this._draft.label.trim() };
    const sent = await this._send((admin) => admin.deviceTokens.create(body), msg('Token created.'));
    if (sent) {
      this._created = sent.reply;
      this._copied = false;
      this._draft = { kind: this._draft.kind, label: '' };
    }
  }

  private async _onCopy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this._copied = true;
    } catch {
      // No clipboard (plain http): the address stays selectable on screen.
      this._copied = false;
    }
  }

  private _onDone() {
    this._created = null;
    this._clearOutcome();
  }

  private _onAskRevoke(token: DeviceToken) {
    this._clearOutcome();
    this._confirmingRevokeId = token.id;
  }

  private async _onRevoke(token: DeviceToken) {
    await this._send((admin) => admin.deviceTokens.revoke(token.id), msg(str`${token.label} revoked.`));
    this._confirmingRevokeId = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-device-tokens': AdminDeviceTokens;
  }
}
