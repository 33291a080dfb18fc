import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: ratings and surveys (being built). */
@customElement('satisfaction-records')
export class SatisfactionRecords extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'satisfaction-records': SatisfactionRecords;
  }
}
