/**
 * chart.js for the console's charts: only the parts the bar and line charts draw are registered
 * (so the bundle stays small), plus two small plugins of our own for what chart.js does not draw
 * itself: the figure above each bar and a labelled line across the chart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
} from 'chart.js';

// Lines for the trends by day (service level, ratings).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export { Chart };

/** The figures printed above one dataset's bars; `null` prints nothing for that bar. */
export interface BarValueLabels {
  texts: (string | null)[];
  color: string;
  /** A canvas font, e.g. `700 15px system-ui`. */
  font: string;
}

/** Options of the `barValues` plugin: labels per dataset index (none for a dataset left out). */
export interface BarValuesOptions {
  datasets: (BarValueLabels | null)[];
}

/** Options of the `referenceLine` plugin: a dashed line at `value` on the y scale, labelled at its right end. */
export interface ReferenceLineOptions {
  value: number | null;
  label: string;
  color: string;
  /** Painted behind the label so the bars do not show through it. */
  background: string;
  font: string;
}

declare module 'chart.js' {
  // The type parameter must match chart.js's own declaration, though these options ignore it.
  interface PluginOptionsByType<TType extends ChartType> {
    barValues?: BarValuesOptions;
    referenceLine?: ReferenceLineOptions;
  }
}

/** Prints each bar's figure just above it (a figure is read faster than an axis); list it after referenceLinePlugin so figures stay on top of the line. */
export const barValuesPlugin: Plugin<'bar', BarValuesOptions> = {
  id: 'barValues',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    options.datasets?.forEach((labels, index) => {
      const meta = chart.getDatasetMeta(index);
      if (!labels || !chart.isDatasetVisible(index)) return;
      ctx.fillStyle = labels.color;
      ctx.font = labels.font;
      meta.data.forEach((bar, i) => {
        const text = labels.texts[i];
        const { x, y } = bar.getProps(['x', 'y'], true);
        if (text != null && Number.isFinite(y)) ctx.fillText(text, x, y - 3);
      });
    });
    ctx.restore();
  },
};

/** A dashed line across the whole plot (a line dataset would stop at the first and last bar's centres). */
export const referenceLinePlugin: Plugin<'bar', ReferenceLineOptions> = {
  id: 'referenceLine',
  afterDatasetsDraw(chart, _args, options) {
    if (options.value == null) return;
    const { ctx, chartArea } = chart;
    const y = Math.round(chart.scales.y.getPixelForValue(options.value));
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.lineWidth = 2;
    ctx.setLineDash([7, 5]);
    ctx.beginPath();
    ctx.moveTo(chartArea.left, y);
    ctx.lineTo(chartArea.right, y);
    ctx.stroke();
    if (options.label) {
      ctx.font = options.font;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      const width = ctx.measureText(options.label).width + 8;
      ctx.fillStyle = options.background;
      ctx.fillRect(chartArea.right - width, y - 19, width, 18);
      ctx.fillStyle = options.color;
      ctx.fillText(options.label, chartArea.right - 4, y - 2);
    }
    ctx.restore();
  },
};
