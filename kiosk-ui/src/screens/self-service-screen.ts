import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MachineKind, QueueSummary } from '../../../protocol/index.js';
import { icon } from '../components/kiosk-icons.js';
import type { SelfServiceSuggestion } from '../logic/self-service.js';
import { formatWait } from '../logic/wait-format.js';
import { theme } from '../styles/theme.js';
import { servedFromText } from '../logic/opening-text.js';

/** What each kind of machine is quicker for, in the customer's words. */
export function machineHeadline(kind: MachineKind): string {
  return kind === 'atm'
    ? msg('Withdrawals and deposits are quicker at the ATM')
    : msg('Transfers, card services and statements are quicker at a self-service terminal');
}

/** "3 ATMs in service now": in service, not free, because we cannot know which ones are in use. */
export function inServiceText(kind: MachineKind, count: number): string {
  if (kind === 'atm') {
    return count === 1 ? msg('1 ATM in service now') : msg(str`${count} ATMs in service now`, { desc: 'ATMs switched on and working' });
  }
  return count === 1 ? msg('1 self-service terminal in service now') : msg(str`${count} self-service terminals in service now`);
}

/**
 * Suggests a self-service machine instead of a ticket, as the lobby manager would (積極鼓勵客戶使用自助設備).
 * It says "in service", never "free": the branch does not know which machines are in use.
 *
 * @fires self-service-accept - the customer will go to the machines ("Take me there").
 * @fires self-service-decline - the customer wants a ticket anyway.
 * @fires back-to-start - the customer chose the wrong service.
 */
@localized()
@customElement('self-service-screen')
export class SelfServiceScreen extends LitElement {
  /** The machines that fit the chosen service. */
  @property({ attribute: false }) suggestion: SelfServiceSuggestion | null = null;

  /** The counter queue of the chosen service, to compare. */
  @property({ attribute: false }) queue: QueueSummary | null = null;

  /** The branch's zone, for "counters open at 8:00". */
  @property() timeZone = 'UTC';

  /** True while the live socket is down (the queue figures may be old). */
  @property({ type: Boolean, reflect: true }) stale = false;

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 40px;
        padding: 72px 64px 48px;
        height: 100%;
      }
      .machine {
        font-size: 220px;
        color: var(--accent);
        line-height: 1;
      }
      h1 {
        margin: 0;
        font-size: 64px;
        line-height: 1.25;
        font-weight: 800;
      }
      .in-service {
        margin: 0;
        font-size: 48px;
        font-weight: 800;
        color: var(--ok);
      }
      .counter-queue {
        margin: 0;
        font-size: 36px;
        color: var(--text-muted);
      }
      :host([stale]) .counter-queue {
        opacity: 0.45;
      }
      .actions {
        margin-top: auto;
        display: flex;
        flex-direction: column;
        gap: 28px;
      }
      .actions .button {
        min-height: 140px;
        font-size: 44px;
      }
      .back {
        align-self: flex-start;
        min-width: 240px;
      }
    `,
  ];

  override render() {
    const suggestion = this.suggestion;
    if (!suggestion) return nothing;
    return html`
      <div class="machine">${icon(suggestion.machineKind === 'atm' ? 'atm' : 'terminal')}</div>
      <h1>${machineHeadline(suggestion.machineKind)}</h1>
      <p class="in-service" data-testid="machines-in-service">
        ${inServiceText(suggestion.machineKind, suggestion.inService)}
      </p>
      ${this.queue
        ? html`<p class="counter-queue">
            ${this.queue.opening === 'opens_later' && this.queue.servedFrom
              ? msg(str`At the counter: ${this.queue.waitingCount} waiting; ${servedFromText(this.queue.servedFrom, this.timeZone)}`)
              : msg(str`At the counter: ${this.queue.waitingCount} waiting, ${formatWait(this.queue.estimatedWaitSeconds)}`)}
          </p>`
        : nothing}
      <div class="actions">
        <button type="button" class="button primary" data-testid="take-me-there" @click=${this._onAccept}>${msg('Take me there')}</button>
        <button type="button" class="button" data-testid="ticket-anyway" @click=${this._onDecline}>${msg('Take a ticket anyway')}</button>
        <button type="button" class="button back" data-testid="back" @click=${this._onBack}>${msg('Back')}</button>
      </div>
    `;
  }

  private _onAccept() {
    this.dispatchEvent(new CustomEvent('self-service-accept', { bubbles: true, composed: true }));
  }

  private _onDecline() {
    this.dispatchEvent(new CustomEvent('self-service-decline', { bubbles: true, composed: true }));
  }

  private _onBack() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'self-service-screen': SelfServiceScreen;
  }
}
