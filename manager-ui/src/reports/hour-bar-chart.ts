import type { ChartData, ChartOptions, LegendItem } from 'chart.js';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { tokens } from '../shell/styles.js';
import { Chart, barValuesPlugin, referenceLinePlugin } from './chart-setup.js';
import { hourLabel, hourRangeLabel } from './report-format.js';

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

type HourChart = Chart<'bar', (number | null)[], string>;

/** The console's colours, read from the shell's tokens once the element is styled. */
interface Palette {
  accent: string;
  warn: string;
  warnFill: string;
  text: string;
  muted: string;
  card: string;
  font: string;
}

/** The outlined "ghost" bar; the same pale blue as the hand-drawn chart had. */
const GHOST_FILL = '#eef4fb';
const GHOST_EDGE = '#7fa3cc';
/** Room above the tallest bar for its figure. */
const FIGURE_ROOM = 26;

/**
 * A bar per hour of the branch's day, drawn by chart.js on a canvas: the figure above each bar, an
 * optional outlined ghost bar behind it, an optional dashed reference line and a key underneath.
 * Screen readers get `summary` (the canvas is one image); the table next to the chart holds every figure.
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

  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _chart?: HourChart;
  private _palette?: Palette;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      /* chart.js sizes the canvas to this box (responsive), so the box alone sets the height. */
      .plot {
        position: relative;
        height: 300px;
        min-width: 0;
      }
    `,
  ];

  /** The live chart.js instance (for tests and printing); undefined while the element is detached. */
  get chart(): HourChart | undefined {
    return this._chart;
  }

  override render() {
    return html`<div class="plot"><canvas role="img" aria-label=${this.summary}></canvas></div>`;
  }

  override firstUpdated() {
    this._createChart();
  }

  override updated(changed: PropertyValues<this>) {
    if (!this._chart || !(changed.has('bars') || changed.has('reference') || changed.has('keys'))) return;
    const { data, options } = this._chartConfig();
    this._chart.data = data;
    this._chart.options = options;
    this._chart.update();
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved in the page: the canvas is still in the shadow root, only the chart was destroyed.
    if (this.hasUpdated && !this._chart) this._createChart();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._chart?.destroy();
    this._chart = undefined;
  }

  private _createChart() {
    const style = getComputedStyle(this);
    const token = (name: string) => style.getPropertyValue(name).trim();
    this._palette = {
      accent: token('--accent'),
      warn: token('--warn'),
      warnFill: token('--warn-fill'),
      text: token('--text'),
      muted: token('--muted'),
      card: token('--card'),
      font: token('--font') || 'sans-serif',
    };
    const { data, options } = this._chartConfig();
    this._chart = new Chart(this._canvas, { type: 'bar', data, options, plugins: [referenceLinePlugin, barValuesPlugin] });
  }

  private _chartConfig(): { data: ChartData<'bar', (number | null)[], string>; options: ChartOptions<'bar'> } {
    const palette = this._palette!;
    const bars = this.bars;
    const font = (size: number, weight: 'normal' | 'bold' = 'normal') => ({ family: palette.font, size, weight });
    const canvasFont = (size: number, weight: number) => `${weight} ${size}px ${palette.font}`;
    const keyLabel = (kind: ChartKey['kind']) => this.keys.find((k) => k.kind === kind)?.label ?? '';
    // Only where it is taller than the bar, as before: an equal ghost would just frame the bar.
    const ghosts = bars.map((b) => (b.ghost !== undefined && b.ghost > b.value ? b.ghost : null));
    const hasGhosts = ghosts.some((g) => g !== null);
    const top = Math.max(1, ...bars.map((b) => Math.max(b.value, b.ghost ?? 0)), this.reference?.value ?? 0);
    // Many hours leave no room for ":00".
    const short = bars.length > 14;

    const data: ChartData<'bar', (number | null)[], string> = {
      labels: bars.map((b) => (short ? String(b.hour).padStart(2, '0') : hourLabel(b.hour))),
      datasets: [
        {
          label: keyLabel('bar'),
          data: bars.map((b) => b.value),
          backgroundColor: bars.map((b) => (b.warn ? palette.warnFill : palette.accent)),
          hoverBackgroundColor: bars.map((b) => (b.warn ? palette.warnFill : palette.accent)),
          borderRadius: { topLeft: 6, topRight: 6 },
          barPercentage: 0.76,
          categoryPercentage: 0.96,
          grouped: false,
          order: 0,
        },
        ...(hasGhosts
          ? [
              {
                label: keyLabel('ghost'),
                data: ghosts,
                backgroundColor: GHOST_FILL,
                hoverBackgroundColor: GHOST_FILL,
                borderColor: GHOST_EDGE,
                borderWidth: 2,
                borderSkipped: 'bottom' as const,
                borderRadius: { topLeft: 6, topRight: 6 },
                barPercentage: 0.92,
                categoryPercentage: 0.96,
                grouped: false,
                // Drawn first, so the real bar stands in front of it.
                order: 1,
              },
            ]
          : []),
      ],
    };

    const options: ChartOptions<'bar'> = {
      // A tablet at the manager's desk: draw at once, never replay a growing-bars animation.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: FIGURE_ROOM } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          grid: { display: false },
          border: { color: palette.text, width: 2 },
          ticks: { color: palette.muted, font: font(13), maxRotation: 0, autoSkip: true },
        },
        // The figures sit on the bars, so a y axis would only repeat them.
        y: { display: false, min: 0, max: top },
      },
      plugins: {
        legend: {
          display: this.keys.length > 0,
          position: 'bottom',
          align: 'start',
          // The key explains the drawing; it is not a switch to hide series.
          onClick: () => {},
          labels: {
            color: palette.muted,
            font: font(14),
            usePointStyle: true,
            pointStyleWidth: 18,
            boxHeight: 12,
            padding: 14,
            generateLabels: () => this.keys.map((key) => this._legendItem(key)),
          },
        },
        tooltip: {
          backgroundColor: palette.text,
          titleFont: font(15, 'bold'),
          bodyFont: font(14),
          padding: 10,
          filter: (item) => item.raw !== null,
          callbacks: {
            title: (items) => (items.length ? hourRangeLabel(bars[items[0].dataIndex].hour) : ''),
            label: (item) => {
              const bar = bars[item.dataIndex];
              const figure = item.datasetIndex === 0 ? (bar.valueLabel ?? String(bar.value)) : String(item.raw);
              return item.dataset.label ? `${item.dataset.label}: ${figure}` : figure;
            },
          },
        },
        barValues: {
          datasets: [
            { texts: bars.map((b) => b.valueLabel ?? String(b.value)), color: palette.text, font: canvasFont(15, 700) },
            hasGhosts ? { texts: ghosts.map((g) => (g === null ? null : String(g))), color: palette.muted, font: canvasFont(13, 400) } : null,
          ],
        },
        referenceLine: {
          value: this.reference?.value ?? null,
          label: this.reference?.label ?? '',
          color: palette.warn,
          background: palette.card,
          font: canvasFont(13, 700),
        },
      },
    };
    return { data, options };
  }

  /** A key entry drawn like the thing it names: a filled bar, an outlined ghost, a dashed line. */
  private _legendItem(key: ChartKey): LegendItem {
    const palette = this._palette!;
    const box = { text: key.label, pointStyle: 'rect' as const, lineWidth: 0 };
    switch (key.kind) {
      case 'bar':
        return { ...box, fillStyle: palette.accent, strokeStyle: palette.accent };
      case 'warn':
        return { ...box, fillStyle: palette.warnFill, strokeStyle: palette.warnFill };
      case 'ghost':
        return { ...box, fillStyle: GHOST_FILL, strokeStyle: GHOST_EDGE, lineWidth: 2 };
      case 'reference':
        return { text: key.label, pointStyle: 'line', fillStyle: palette.warn, strokeStyle: palette.warn, lineWidth: 2, lineDash: [5, 3] };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hour-bar-chart': HourBarChart;
  }
}
