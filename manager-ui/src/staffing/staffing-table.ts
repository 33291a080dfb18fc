import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Service } from '../../../protocol/schemas.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { hourRangeLabel, minutesText, percentText, rateText } from '../reports/report-format.js';
import { reportTable } from '../reports/report-styles.js';
import { tokens } from '../shell/styles.js';
import type { StaffingHour } from './staffing-plan.js';

/** The staffing plan hour by hour: customers, counters per service alone, their sum, and the shared need with its figures. */
@localized()
@customElement('staffing-table')
export class StaffingTable extends LitElement {
  /** The plan, in hour order. */
  @property({ attribute: false }) plan: StaffingHour[] = [];
  /** The services planned, in the branch's order. */
  @property({ attribute: false }) services: Service[] = [];
  /** Counters the branch has: hours needing more are marked. */
  @property({ type: Number }) counters = 0;

  static override styles = [
    tokens,
    reportTable,
    css`
      :host {
        display: block;
      }
      th {
        min-width: 56px;
      }
      .shared {
        font-weight: 800;
        font-size: 18px;
        color: var(--accent);
      }
      tr.over .shared {
        color: var(--warn);
      }
      .over-note {
        display: block;
        font-size: 13px;
        font-weight: 600;
        color: var(--warn);
      }
    `,
  ];

  override render() {
    const locale = getLocale();
    // Focusable, so a keyboard can scroll a table wider than the screen; named for screen readers.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg('Counters needed by hour')}>
      <table data-testid="staffing-table">
        <thead>
          <tr>
            <th>${msg('Hour')}</th>
            <th>${msg('Customers per hour')}</th>
            ${this.services.map((s) => html`<th><span class="prefix">${s.prefix}</span>${localizedName(s.name, locale)}</th>`)}
            <th>${msg('Sum of services')}</th>
            <th>${msg('Counters needed (shared)')}</th>
            <th>${msg('Called within target')}</th>
            <th>${msg('Mean wait')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.plan.map((h) => {
            const over = this.counters > 0 && h.shared > this.counters;
            return html`<tr class=${over ? 'over' : ''} data-testid="staffing-hour-${h.hour}">
              <td>${hourRangeLabel(h.hour)}</td>
              <td>${rateText(h.arrivalsPerHour)}</td>
              ${this.services.map((s) => html`<td class=${h.countersByService[s.id] ? '' : 'dim'}>${h.countersByService[s.id] ?? 0}</td>`)}
              <td>${h.sumOfServices}</td>
              <td>
                <span class="shared">${h.shared}</span>
                ${over ? html`<span class="over-note">${msg(str`more than the ${this.counters} counters`)}</span>` : ''}
              </td>
              <td>${h.sharedFigures ? percentText(h.sharedFigures.serviceLevel) : html`<span class="dim">—</span>`}</td>
              <td>${h.sharedFigures ? msg(str`${minutesText(h.sharedFigures.meanWaitSeconds)} min`) : html`<span class="dim">—</span>`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staffing-table': StaffingTable;
  }
}
