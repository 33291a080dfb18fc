import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CounterAction } from '../../../protocol/actions.js';
import type { Counter, Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { counterActionsFor } from '../logic/ticket-actions.js';
import { counterName, counterStatusLabel } from '../shell/labels.js';
import '../shell/bottom-sheet.js';
import { buttons, tokens } from '../shell/styles.js';
import './counter-ticket-actions.js';
import type { WhatIfIntent } from './what-if-actions.js';

/**
 * The customer the counter has called, with Recall and No-show (counter-ticket-actions.ts: the alert of a
 * customer called but not at the counter opens this sheet), then open, pause or close the counter, or change the services it calls. Opening a closed counter and
 * changing its services go through the what-if panel (teller, predicted effect, then confirm);
 * resuming, pausing and closing are routine and happen at once.
 * @fires counter-action - detail: { counterId, action: 'open' | 'pause' | 'close' }
 * @fires what-if-requested - detail: WhatIfIntent — open the counter, or change its services
 * @fires sheet-closed - when dismissed
 */
@localized()
@customElement('counter-action-sheet')
export class CounterActionSheet extends LitElement {
  /** The counter to act on; null hides the sheet. */
  @property({ attribute: false }) counter: Counter | null = null;
  @property({ attribute: false }) services: Service[] = [];
  /** Disables the buttons while a request runs. */
  @property({ type: Boolean }) busy = false;

  static override styles = [
    tokens,
    buttons,
    css`
      h2 {
        margin: 0;
        font-size: 26px;
      }
      .sub {
        color: var(--muted);
        margin: 0 0 16px;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 12px;
      }
      .actions button {
        min-height: 72px;
        font-size: 20px;
      }
    `,
  ];

  override render() {
    const counter = this.counter;
    if (!counter) return nothing;
    const allowed = counterActionsFor(counter.status);
    const serves = this.services
      .filter((s) => counter.serviceIds.includes(s.id))
      .map((s) => `${s.prefix} ${localizedName(s.name, getLocale())}`)
      .join(' · ');
    return html`<bottom-sheet open>
      <h2 slot="heading">${counterName(counter.number)} — ${counterStatusLabel(counter.status)}</h2>
      <p class="sub">${counter.tellerName ? html`${counter.tellerName} · ` : nothing}${serves}</p>
      <counter-ticket-actions .counter=${counter}></counter-ticket-actions>
      <div class="actions">
        ${this._button('open', counter.status === 'paused' ? msg('Resume') : msg('Open…'), allowed, 'primary')}
        ${this._button('pause', msg('Pause'), allowed, '')}
        ${this._button('close', msg('Close'), allowed, 'danger')}
        <button data-testid="counter-reassign" ?disabled=${this.busy} @click=${this._onReassign}>${msg('Change services…')}</button>
      </div>
    </bottom-sheet>`;
  }

  private _button(action: CounterAction, label: string, allowed: ReadonlySet<CounterAction>, kind: string) {
    return html`<button
      class=${kind}
      data-testid="counter-${action}"
      ?disabled=${this.busy || !allowed.has(action)}
      @click=${() => this._onAction(action)}
    >
      ${label}
    </button>`;
  }

  private _onAction(action: CounterAction) {
    const counter = this.counter!;
    if (action === 'open' && counter.status === 'closed') {
      this._emitWhatIf({ action: 'open-counter', counterId: counter.id });
      return;
    }
    this.dispatchEvent(new CustomEvent('counter-action', { detail: { counterId: counter.id, action }, bubbles: true, composed: true }));
  }

  private _onReassign() {
    this._emitWhatIf({ action: 'reassign-counter', counterId: this.counter!.id });
  }

  private _emitWhatIf(intent: WhatIfIntent) {
    this.dispatchEvent(new CustomEvent<WhatIfIntent>('what-if-requested', { detail: intent, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-action-sheet': CounterActionSheet;
  }
}
