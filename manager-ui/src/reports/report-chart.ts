import type { ChartConfiguration, ChartType } from 'chart.js';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { tokens } from '../shell/styles.js';
import { Chart } from './chart-setup.js';

/** The console's colours, read from the shell's tokens once the element is styled. */
export interface Palette {
  accent: string;
  warn: string;
  text: string;
  muted: string;
  line: string;
  card: string;
  font: string;
}

/** A second series' colour: a calm green that stays apart from the accent blue and the warning colour. */
export const SECOND_SERIES = '#2e7d4f';

/** The short label of a business day on a chart's axis: 2026-11-23 → "11-23". */
export function dayAxisLabel(day: string): string {
  return day.slice(5);
}

/**
 * A chart.js canvas for one of the report's charts: creates the chart once styled, redraws when
 * the element's data changes, destroys it when detached. Screen readers get `summary` (the canvas
 * is one image); the tables of the page hold every figure. Subclasses give the configuration.
 */
export abstract class ReportChart<T extends ChartType> extends LitElement {
  /** What the chart shows, in one sentence, for screen readers. */
  @property() summary = '';

  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _chart?: Chart<T>;
  protected palette!: Palette;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .plot {
        position: relative;
        height: 260px;
        min-width: 0;
      }
    `,
  ];

  /** The live chart.js instance (for tests and printing); undefined while the element is detached. */
  get chart(): Chart<T> | undefined {
    return this._chart;
  }

  /** The chart's type, data, options and plugins for the element's current data. */
  protected abstract config(): ChartConfiguration<T>;

  override render() {
    return html`<div class="plot"><canvas role="img" aria-label=${this.summary}></canvas></div>`;
  }

  override firstUpdated() {
    this._create();
  }

  override updated(changed: PropertyValues<this>) {
    if (!this._chart || [...changed.keys()].every((key) => key === 'summary')) return;
    const { data, options } = this.config();
    this._chart.data = data;
    if (options) this._chart.options = options;
    this._chart.update();
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this._chart) this._create();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  /** Common options: no animation, the console's font, a key underneath that is not a switch. */
  protected font(size: number, weight: 'normal' | 'bold' = 'normal') {
    return { family: this.palette.font, size, weight };
  }

  private _create() {
    const style = getComputedStyle(this);
    const token = (name: string) => style.getPropertyValue(name).trim();
    this.palette = {
      accent: token('--accent'),
      warn: token('--warn'),
      text: token('--text'),
      muted: token('--muted'),
      line: token('--line') || '#d0d5dc',
      card: token('--card'),
      font: token('--font') || 'sans-serif',
    };
    this._chart = new Chart(this._canvas, this.config());
  }
}
