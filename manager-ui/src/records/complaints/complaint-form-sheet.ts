import { LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Ticket } from '../../../../protocol/schemas.js';

/**
 * STUB (being built). A bottom sheet with the record's form, filled from `ticket`.
 * @fires record-saved - detail `{ message }`, a line for the page's toast, once the record is stored
 * @fires sheet-closed - when dismissed
 */
@customElement('complaint-form-sheet')
export class ComplaintFormSheet extends LitElement {
  /** The ticket the record is about; the sheet is open while it is set. */
  @property({ attribute: false }) ticket: Ticket | null = null;

  override render() {
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-form-sheet': ComplaintFormSheet;
  }
}
