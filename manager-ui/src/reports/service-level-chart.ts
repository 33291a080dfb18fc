import { localized, msg } from '@lit/localize';
import type { ChartConfiguration, Plugin } from 'chart.js';
import { customElement, property } from 'lit/decorators.js';
import type { FiguresReport } from '../../../protocol/report-routes.js';
import { referenceLinePlugin } from './chart-setup.js';
import { dayAxisLabel, ReportChart } from './report-chart.js';

/**
 * The share of called customers first called within their service's target wait, the usual goal
 * for a bank hall (as in the staffing calculator): 80%.
 */
export const SERVICE_LEVEL_GOAL = 0.8;

/** A share as a whole percent for the chart; null for a day on which nobody was called. */
export const percentOf = (share: number | null) => (share === null ? null : Math.round(share * 100));

/**
 * The service level day by day, branch-wide, against the 80% goal drawn as a dashed line. Each
 * ticket is judged against the target wait of its own service (docs/reports.md), so the share of a
 * day mixes services fairly and one line per day reads at a glance; the figures by service are in
 * the table above. `report` is the figures broken down by day.
 */
@localized()
@customElement('service-level-chart')
export class ServiceLevelChart extends ReportChart<'line'> {
  @property({ attribute: false }) report: FiguresReport | null = null;

  protected config(): ChartConfiguration<'line'> {
    const p = this.palette;
    const days = (this.report?.rows ?? []).filter((row) => row.key !== null);
    const goal = Math.round(SERVICE_LEVEL_GOAL * 100);
    const label = msg('Called within target (%)');
    return {
      type: 'line',
      data: {
        labels: days.map((row) => dayAxisLabel(row.key!)),
        datasets: [
          {
            label,
            data: days.map((row) => percentOf(row.serviceLevel.share)),
            borderColor: p.accent,
            backgroundColor: p.accent,
            borderWidth: 3,
            pointRadius: 4,
            spanGaps: true,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          // Offset: a single day sits in the middle, not on the left edge.
          x: { offset: true, grid: { display: false }, ticks: { color: p.muted, font: this.font(13), maxRotation: 0, autoSkip: true } },
          y: { min: 0, max: 100, grid: { color: p.line }, ticks: { color: p.muted, font: this.font(13), stepSize: 20, callback: (v) => `${v}%` } },
        },
        plugins: {
          legend: {
            position: 'bottom',
            align: 'start',
            onClick: () => {},
            labels: { color: p.muted, font: this.font(14), usePointStyle: true, boxWidth: 10, boxHeight: 10, padding: 14 },
          },
          tooltip: {
            backgroundColor: p.text,
            titleFont: this.font(15, 'bold'),
            bodyFont: this.font(14),
            callbacks: { title: (items) => (items.length ? days[items[0].dataIndex].key! : ''), label: (item) => `${label}: ${item.raw}%` },
          },
          referenceLine: {
            value: goal,
            label: msg('Goal: 80%'),
            color: p.warn,
            background: p.card,
            font: `700 13px ${p.font}`,
          },
        },
      },
      // The dashed line is the same plugin the bar charts use; it only reads the y scale.
      plugins: [referenceLinePlugin as unknown as Plugin<'line'>],
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'service-level-chart': ServiceLevelChart;
  }
}
