import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: the opening and closing checks (being built). */
@customElement('hall-checks')
export class HallChecks extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-checks': HallChecks;
  }
}
