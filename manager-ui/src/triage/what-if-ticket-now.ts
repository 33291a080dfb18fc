import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import type { Service } from '../../../protocol/schemas.js';
import { estimateMinutes } from '../logic/wait-time.js';
import { tokens } from '../shell/styles.js';

/**
 * The what-if's "ticket taken now": per service, the estimate the kiosk would promise and the
 * triage header shows (the same server figure, rounded up the same way), before and after the
 * action; those the action changes stand out. The simulated table above measures the next hour's customers instead.
 */
@localized()
@customElement('what-if-ticket-now')
export class WhatIfTicketNow extends LitElement {
  /** The server's forecast; its `ticketNow` is read. */
  @property({ attribute: false }) forecast: WhatIfForecast | null = null;
  /** The branch's services, for their prefixes, in display order. */
  @property({ attribute: false }) services: readonly Service[] = [];

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        margin-top: 10px;
        font-size: 17px;
      }
      .label {
        color: var(--muted);
        font-size: 15px;
        margin-inline-end: 8px;
      }
      .wait {
        display: inline-block;
        margin-inline-end: 18px;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .wait.same {
        color: var(--muted);
        font-weight: 600;
      }
      .wait.changed {
        color: var(--accent);
      }
    `,
  ];

  override render() {
    const waits = this.forecast?.ticketNow ?? [];
    if (waits.length === 0) return nothing;
    const prefix = new Map(this.services.map((s) => [s.id, s.prefix]));
    return html`<div data-testid="what-if-ticket-now">
      <span class="label">${msg('A ticket taken now:')}</span>
      ${waits.map((w) => {
        const service = prefix.get(w.serviceId) ?? '?';
        const before = estimateMinutes(w.baselineSeconds);
        const after = estimateMinutes(w.withActionSeconds);
        return html`<span class="wait ${before === after ? 'same' : 'changed'}" data-testid="what-if-ticket-now-${service}"
          >${msg(str`${service}: ${before} → ${after} min`)}</span
        >`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'what-if-ticket-now': WhatIfTicketNow;
  }
}
