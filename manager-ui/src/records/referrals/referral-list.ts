import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: every referral of the branch (being built). */
@customElement('referral-list')
export class ReferralList extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'referral-list': ReferralList;
  }
}
