import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: the account manager's referrals (being built). */
@customElement('referral-inbox')
export class ReferralInbox extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-inbox': ReferralInbox;
  }
}
