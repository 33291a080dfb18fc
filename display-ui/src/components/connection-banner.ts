import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConnectionState } from '../../../protocol/index.js';
import { englishLine } from '../localization.js';
import { hallTheme } from './hall-theme.js';

/** A plain banner across the top while the display is not live, so nobody trusts old numbers. */
@localized()
@customElement('connection-banner')
export class ConnectionBanner extends LitElement {
  /** The live socket's state; the banner shows for anything but 'live'. */
  @property() connection: ConnectionState = 'connecting';

  static override styles = [
    hallTheme,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      div {
        display: flex;
        align-items: baseline;
        justify-content: center;
        gap: 24px;
        padding: 14px 24px;
        background: var(--warning-fill);
        color: #102a43;
        font-size: clamp(24px, 4vh, 44px);
        font-weight: 800;
        box-shadow: 0 4px 12px rgb(16 42 67 / 0.25);
      }
      .en {
        display: inline;
        color: inherit;
        font-size: 0.7em;
      }
    `,
  ];

  override render() {
    return html`<div role="status" data-testid="connection" data-state=${this.connection}>${this._text()}</div>`;
  }

  private _text() {
    if (this.connection === 'connecting') return html`${msg('Connecting…')}${englishLine('Connecting…')}`;
    if (this.connection === 'signed_out') return html`${msg('This device was signed out')}${englishLine('This device was signed out')}`;
    return html`${msg('Reconnecting…')}${englishLine('Reconnecting…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'connection-banner': ConnectionBanner;
  }
}
