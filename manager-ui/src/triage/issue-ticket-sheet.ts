import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { TIERS, type QueueSummary, type Service, type Ticket, type Tier } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { estimateMinutes } from '../logic/wait-time.js';
import '../shell/bottom-sheet.js';
import { aboutMinutesLabel, aheadLabel, tierLabel, TIER_SYMBOL, waitingCountLabel } from '../shell/labels.js';
import { buttons, tokens } from '../shell/styles.js';

/**
 * Issuing a number for a customer in the hall (主動派號): pick the service and tier, then show the number big.
 * @fires issue-ticket - detail: { serviceId, tier }
 * @fires sheet-closed - when dismissed or done
 */
@localized()
@customElement('issue-ticket-sheet')
export class IssueTicketSheet extends LitElement {
  /** Whether the sheet shows. */
  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) services: Service[] = [];
  @property({ attribute: false }) queues: QueueSummary[] = [];
  /** The ticket just issued, shown big; null while choosing. */
  @property({ attribute: false }) issued: Ticket | null = null;
  /** Disables the buttons while a request runs. */
  @property({ type: Boolean }) busy = false;

  @state() private _tier: Tier = 'regular';

  static override styles = [
    tokens,
    buttons,
    css`
      h2 {
        margin: 0;
        font-size: 26px;
      }
      h3 {
        margin: 8px 0;
        font-size: 16px;
        color: var(--muted);
        font-weight: 600;
      }
      .tiers {
        display: flex;
        gap: 10px;
        margin-bottom: 12px;
      }
      .tiers button {
        min-height: 56px;
        font-size: 19px;
      }
      .tiers button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .services {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 10px;
      }
      .services button {
        min-height: 84px;
        display: grid;
        gap: 2px;
        text-align: start;
        padding: 8px 14px;
        color: var(--text);
        border-color: var(--line);
      }
      .services .name {
        font-size: 19px;
      }
      .services .prefix {
        color: var(--accent);
        font-family: var(--digits);
      }
      .services small {
        color: var(--muted);
        font-weight: 400;
      }
      .issued {
        text-align: center;
        padding: 8px 0 4px;
      }
      .issued .number {
        font-size: 120px;
        line-height: 1.05;
        color: var(--accent);
      }
      .issued p {
        font-size: 22px;
        margin: 4px 0 16px;
      }
      .issued button {
        min-height: 64px;
        min-width: 240px;
        font-size: 22px;
      }
    `,
  ];

  override render() {
    if (!this.open) return nothing;
    return html`<bottom-sheet open>
      <h2 slot="heading">${msg('Issue a ticket for a customer')}</h2>
      ${this.issued ? this._renderIssued(this.issued) : this._renderChoice()}
    </bottom-sheet>`;
  }

  private _renderChoice() {
    const locale = getLocale();
    return html`<h3>${msg('Customer')}</h3>
      <div class="tiers">
        ${TIERS.map(
          (tier) => html`<button aria-pressed=${tier === this._tier ? 'true' : 'false'} data-testid="issue-tier-${tier}" @click=${() => (this._tier = tier)}>
            ${TIER_SYMBOL[tier]} ${tierLabel(tier)}
          </button>`,
        )}
      </div>
      <h3>${msg('Service — tap to issue')}</h3>
      <div class="services">
        ${this.services.map((s) => {
          const queue = this.queues.find((q) => q.serviceId === s.id);
          return html`<button data-testid="issue-service-${s.prefix}" ?disabled=${this.busy} @click=${() => this._onIssue(s.id)}>
            <span class="name"><span class="prefix">${s.prefix}</span> ${localizedName(s.name, locale)}</span>
            <small>${waitingCountLabel(queue?.waitingCount ?? 0)} · ${aboutMinutesLabel(estimateMinutes(queue?.estimatedWaitSeconds ?? 0))}</small>
          </button>`;
        })}
      </div>`;
  }

  private _renderIssued(ticket: Ticket) {
    const service = this.services.find((s) => s.id === ticket.serviceId);
    const ahead = ticket.position ?? 0;
    return html`<div class="issued">
      <div class="number" data-testid="issued-number">${ticket.number}</div>
      <p>
        ${service ? localizedName(service.name, getLocale()) : ''}
        ${ticket.tier === 'regular' ? '' : html` · ${TIER_SYMBOL[ticket.tier]} ${tierLabel(ticket.tier)}`} ·
        ${aheadLabel(ahead)}${ticket.estimatedWaitSeconds === undefined ? '' : html` · ${aboutMinutesLabel(estimateMinutes(ticket.estimatedWaitSeconds))}`}
      </p>
      <button class="primary" data-testid="issue-done" @click=${this._onDone}>${msg('Done')}</button>
    </div>`;
  }

  private _onIssue(serviceId: string) {
    this.dispatchEvent(new CustomEvent('issue-ticket', { detail: { serviceId, tier: this._tier }, bubbles: true, composed: true }));
  }

  private _onDone() {
    this._tier = 'regular';
    this.dispatchEvent(new Event('sheet-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'issue-ticket-sheet': IssueTicketSheet;
  }
}
