import { localized, msg } from '@lit/localize';
import type { ChartConfiguration, Plugin } from 'chart.js';
import { customElement, property } from 'lit/decorators.js';
import type { RecordFiguresReport } from '../../../protocol/report-routes.js';
import { categoryLabel } from '../records/complaints/complaint-text.js';
import { barValuesPlugin } from './chart-setup.js';
import { ReportChart } from './report-chart.js';

/**
 * Complaints of the period by category, a bar each with its count above it: the categories the
 * records route reports, in its order. `report` is the period's records in numbers.
 */
@localized()
@customElement('complaints-chart')
export class ComplaintsChart extends ReportChart<'bar'> {
  @property({ attribute: false }) report: RecordFiguresReport | null = null;

  protected config(): ChartConfiguration<'bar'> {
    const p = this.palette;
    const categories = this.report?.complaints.byCategory ?? [];
    const top = Math.max(1, ...categories.map((c) => c.received));
    return {
      type: 'bar',
      data: {
        labels: categories.map((c) => categoryLabel(c.category)),
        datasets: [
          {
            label: msg('Received'),
            data: categories.map((c) => c.received),
            backgroundColor: p.accent,
            hoverBackgroundColor: p.accent,
            borderRadius: { topLeft: 6, topRight: 6 },
            barPercentage: 0.7,
            maxBarThickness: 72,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 24 } },
        scales: {
          x: { grid: { display: false }, border: { color: p.text, width: 2 }, ticks: { color: p.muted, font: this.font(13), maxRotation: 0, autoSkip: false } },
          // The counts sit on the bars.
          y: { display: false, min: 0, max: top },
        },
        plugins: {
          legend: { display: false },
          tooltip: { backgroundColor: p.text, titleFont: this.font(15, 'bold'), bodyFont: this.font(14) },
          barValues: { datasets: [{ texts: categories.map((c) => String(c.received)), color: p.text, font: `700 15px ${p.font}` }] },
        },
      },
      plugins: [barValuesPlugin as Plugin<'bar'>],
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'complaints-chart': ComplaintsChart;
  }
}
