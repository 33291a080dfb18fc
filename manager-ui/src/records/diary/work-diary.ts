import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** STUB: the work diary (being built). */
@customElement('work-diary')
export class WorkDiary extends LitElement {
  override render() {
    return html`<p>…</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'work-diary': WorkDiary;
  }
}
