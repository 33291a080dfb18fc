import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { issueFailureText } from '../logic/issue-failure.js';
import { theme } from '../styles/theme.js';

export type MessageKind = 'connecting' | 'issuing' | 'failed' | 'unconfigured' | 'signed-out';

/**
 * A one-message screen: connecting to the branch, issuing a ticket, a ticket that could not be
 * issued (in the customer's language only: the code is in `data-code` and the console, never on screen), a kiosk not set up,
 * or a kiosk whose device token was revoked (signed out).
 *
 * @fires back-to-start - from the button on the failure screen.
 */
@localized()
@customElement('message-screen')
export class MessageScreen extends LitElement {
  @property({ reflect: true }) kind: MessageKind = 'connecting';

  /** For `failed`: the error code (protocol/errors.ts, NETWORK or TIMEOUT) and the server's message (not shown). */
  @property({ attribute: false }) failure: { code: string; message: string } | null = null;

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 40px;
        height: 100%;
        padding: 64px;
        text-align: center;
      }
      .failure {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 40px;
        padding: 56px 48px;
        border: 4px solid var(--alarm);
        border-radius: 28px;
        background: #fff5f5;
      }
      .mark {
        width: 140px;
        height: 140px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-size: 96px;
        font-weight: 800;
        color: #fff;
        background: var(--alarm);
      }
      h1 {
        margin: 0;
        font-size: 64px;
        line-height: 1.25;
        font-weight: 800;
      }
      p {
        margin: 0;
        font-size: 44px;
        line-height: 1.4;
      }
      .spinner {
        width: 140px;
        height: 140px;
        border-radius: 50%;
        border: 14px solid var(--accent-soft);
        border-top-color: var(--accent);
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      .button {
        min-width: 480px;
        min-height: 128px;
        font-size: 40px;
      }
    `,
  ];

  override render() {
    switch (this.kind) {
      case 'connecting':
        return html`<div class="spinner" role="progressbar"></div>
          <h1>${msg('Connecting…')}</h1>`;
      case 'issuing':
        return html`<div class="spinner" role="progressbar"></div>
          <h1>${msg('Issuing your ticket…')}</h1>`;
      case 'unconfigured':
        return html`<h1>${msg('This ticket machine is not set up.')}</h1>
          <p>${msg('Staff: open this page with its branch and kiosk device token in the address.')}</p>`;
      case 'signed-out':
        return html`<h1 role="alert" data-testid="signed-out">${msg('This device was signed out')}</h1>
          <p>${msg('Staff: open this page with a new kiosk device token in the address.')}</p>`;
      case 'failed':
        return this._renderFailure();
    }
  }

  private _renderFailure() {
    const code = this.failure?.code ?? 'INTERNAL';
    const text = issueFailureText(code);
    return html`<div class="failure" role="alert" data-testid="kiosk-error" data-code=${code}>
      <div class="mark" aria-hidden="true">!</div>
      <h1>${text.title}</h1>
      <p>${text.advice}</p>
      <button type="button" class="button primary" data-testid="back" @click=${this._onBack}>${msg('Back to start')}</button>
    </div>`;
  }

  private _onBack() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'message-screen': MessageScreen;
  }
}
