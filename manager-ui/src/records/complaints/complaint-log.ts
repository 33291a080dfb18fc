import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: the complaint log (being built). */
@customElement('complaint-log')
export class ComplaintLog extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-log': ComplaintLog;
  }
}
