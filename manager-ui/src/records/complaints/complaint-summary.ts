import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ComplaintSummary } from '../../../../protocol/complaint-routes.js';
import { tokens } from '../../shell/styles.js';
import { categoryLabel, monthLabel } from './complaint-text.js';

/**
 * Complaints counted by category and by month, as bars: where complaints come from, so their causes
 * get fixed (shared/DOMAIN.md, the complaint log).
 */
@localized()
@customElement('complaint-summary')
export class ComplaintSummaryView extends LitElement {
  @property({ attribute: false }) summary: ComplaintSummary | null = null;

  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 16px;
      }
      section {
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 14px;
        padding: 12px 16px;
        min-width: 0;
      }
      h3 {
        margin: 0 0 8px;
        font-size: 17px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 4px;
      }
      li {
        display: grid;
        grid-template-columns: 8em 1fr 2.5em;
        align-items: center;
        gap: 8px;
        font-size: 15px;
      }
      .bar {
        height: 12px;
        border-radius: 6px;
        background: var(--accent);
        min-width: 2px;
      }
      .bar.zero {
        background: var(--line);
      }
      .count {
        text-align: end;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const summary = this.summary;
    if (!summary) return nothing;
    const most = Math.max(1, ...summary.byCategory.map((c) => c.count), ...summary.byMonth.map((m) => m.count));
    const [from, to] = [monthLabel(summary.from), monthLabel(summary.to)];
    const bar = (count: number) => html`<span class="bar ${count === 0 ? 'zero' : ''}" style="width: ${(count / most) * 100}%"></span>`;
    return html`<section aria-labelledby="by-category" data-testid="complaint-summary-categories">
        <h3 id="by-category">${msg(str`By category, ${from} – ${to}`)}</h3>
        <ol>
          ${summary.byCategory.map(
            (row) => html`<li data-testid="summary-category-${row.category}"><span>${categoryLabel(row.category)}</span>${bar(row.count)}<span class="count">${row.count}</span></li>`,
          )}
        </ol>
      </section>
      <section aria-labelledby="by-month" data-testid="complaint-summary-months">
        <h3 id="by-month">${msg('By month')}</h3>
        <ol>
          ${summary.byMonth
            .slice(-7)
            .map((row) => html`<li data-testid="summary-month-${row.month}"><span>${monthLabel(row.month)}</span>${bar(row.count)}<span class="count">${row.count}</span></li>`)}
        </ol>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'complaint-summary': ComplaintSummaryView;
  }
}
