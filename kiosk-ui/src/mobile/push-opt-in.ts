/** Placeholder: the phone page's "notify me" control (Web Push), being built (issue 11). */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';

@localized()
@customElement('push-opt-in')
export class PushOptIn extends LitElement {
  /** The ticket whose calls the phone asks to be told about. */
  @property() ticketId = '';

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'push-opt-in': PushOptIn;
  }
}
