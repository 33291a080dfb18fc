import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { tokens } from '../shell/styles.js';
import { hourLabel } from './report-format.js';

/** One hour's bar. */
export interface HourBar {
  hour: number;
  value: number;
  /** Printed above the bar; the value itself when absent. */
  valueLabel?: string;
  /** A second, outlined figure drawn behind the bar (e.g. the need if no counter were shared). */
  ghost?: number;
  /** Draws the bar in the warning colour (e.g. more than the branch has). */
  warn?: boolean;
}

/** A key entry under the chart. */
export interface ChartKey {
  kind: 'bar' | 'ghost' | 'reference' | 'warn';
  label: string;
}

/**
 * A bar per hour of the branch's day, drawn with plain HTML and CSS (no charting library is
 * installed). Screen readers get `summary`; the table next to the chart holds every figure.
 */
@customElement('hour-bar-chart')
export class HourBarChart extends LitElement {
  /** The bars, in hour order. */
  @property({ attribute: false }) bars: HourBar[] = [];
  /** A dashed line across the chart, e.g. the counters the branch has. */
  @property({ attribute: false }) reference: { value: number; label: string } | null = null;
  /** What the chart shows, in one sentence, for screen readers. */
  @property() summary = '';
  /** The key shown under the chart. */
  @property({ attribute: false }) keys: ChartKey[] = [];

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      .plot {
        position: relative;
        display: flex;
        align-items: stretch;
        gap: 4px;
        height: 220px;
        padding-top: 24px;
        border-bottom: 2px solid var(--text);
      }
      .col {
        flex: 1 1 0;
        min-width: 0;
        position: relative;
      }
      .bar,
      .ghost {
        position: absolute;
        bottom: 0;
        left: 12%;
        right: 12%;
        border-radius: 6px 6px 0 0;
        box-sizing: border-box;
      }
      .bar {
        background: var(--accent);
      }
      .bar.warn {
        background: var(--warn-fill);
      }
      .ghost {
        left: 4%;
        right: 4%;
        border: 2px dashed #7fa3cc;
        border-bottom: none;
        background: #eef4fb;
      }
      .value {
        position: absolute;
        left: -8px;
        right: -8px;
        text-align: center;
        font-weight: 700;
        font-size: 15px;
        font-variant-numeric: tabular-nums;
        transform: translateY(-100%);
        padding-bottom: 2px;
      }
      .reference {
        position: absolute;
        left: 0;
        right: 0;
        border-top: 2px dashed var(--warn);
        pointer-events: none;
      }
      .reference span {
        position: absolute;
        right: 0;
        transform: translateY(-100%);
        background: var(--card);
        color: var(--warn);
        font-size: 13px;
        font-weight: 700;
        padding: 0 4px;
      }
      .hours {
        display: flex;
        gap: 4px;
        margin-top: 4px;
      }
      .hours span {
        flex: 1 1 0;
        min-width: 0;
        text-align: center;
        font-size: 13px;
        color: var(--muted);
        font-variant-numeric: tabular-nums;
        overflow: hidden;
      }
      figcaption {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 20px;
        margin-top: 10px;
        font-size: 14px;
        color: var(--muted);
      }
      figcaption span {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .swatch {
        display: inline-block;
        width: 18px;
        height: 12px;
        border-radius: 3px;
        box-sizing: border-box;
      }
      .swatch.key-bar {
        background: var(--accent);
      }
      .swatch.key-warn {
        background: var(--warn-fill);
      }
      .swatch.key-ghost {
        background: #eef4fb;
        border: 2px dashed #7fa3cc;
      }
      .swatch.key-reference {
        height: 0;
        border-radius: 0;
        border-top: 2px dashed var(--warn);
      }
      .ghost-value {
        position: absolute;
        left: 0;
        right: 0;
        text-align: center;
        font-size: 13px;
        color: var(--muted);
        font-variant-numeric: tabular-nums;
        transform: translateY(-100%);
      }
    `,
  ];

  override render() {
    const top = Math.max(1, ...this.bars.map((b) => Math.max(b.value, b.ghost ?? 0)), this.reference?.value ?? 0);
    const percent = (value: number) => `${(Math.max(0, value) / top) * 100}%`;
    // Many hours leave no room for ":00".
    const short = this.bars.length > 14;
    return html`<figure>
      <div class="plot" role="img" aria-label=${this.summary}>
        ${this.bars.map(
          (b) => html`<div class="col" data-hour=${b.hour}>
            ${b.ghost !== undefined && b.ghost > b.value
              ? html`<div class="ghost" style=${styleMap({ height: percent(b.ghost) })}><span class="ghost-value">${b.ghost}</span></div>`
              : nothing}
            <div class="bar ${b.warn ? 'warn' : ''}" style=${styleMap({ height: percent(b.value) })}>
              <span class="value">${b.valueLabel ?? b.value}</span>
            </div>
          </div>`,
        )}
        ${this.reference
          ? html`<div class="reference" style=${styleMap({ bottom: percent(this.reference.value) })}><span>${this.reference.label}</span></div>`
          : nothing}
      </div>
      <div class="hours" aria-hidden="true">${this.bars.map((b) => html`<span>${short ? String(b.hour).padStart(2, '0') : hourLabel(b.hour)}</span>`)}</div>
      ${this.keys.length
        ? html`<figcaption>${this.keys.map((k) => html`<span><i class="swatch key-${k.kind}"></i>${k.label}</span>`)}</figcaption>`
        : nothing}
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hour-bar-chart': HourBarChart;
  }
}
