import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: the customer resource sheet (being built). */
@customElement('customer-sheet')
export class CustomerSheet extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-sheet': CustomerSheet;
  }
}
