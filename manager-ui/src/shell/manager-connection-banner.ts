import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConnectionState } from '../../../protocol/live-client.js';
import { tokens } from './styles.js';

/** Says plainly that the live connection is down, so staff do not trust numbers that may be old. */
@localized()
@customElement('manager-connection-banner')
export class ManagerConnectionBanner extends LitElement {
  /** The live socket's state; the banner shows for anything but 'live'. */
  @property() connection: ConnectionState = 'connecting';

  static override styles = [
    tokens,
    css`
      div {
        background: var(--warn-fill);
        color: var(--text);
        font-weight: 700;
        padding: 10px 20px;
        text-align: center;
        font-size: 18px;
      }
    `,
  ];

  override render() {
    if (this.connection === 'live') return nothing;
    const text =
      this.connection === 'connecting'
        ? msg('Connecting…')
        : this.connection === 'signed_out'
          ? msg('This device was signed out')
          : msg('Reconnecting… the figures below may be out of date.');
    return html`<div role="status" data-testid="connection" data-state=${this.connection}>${text}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-connection-banner': ManagerConnectionBanner;
  }
}
