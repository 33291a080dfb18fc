import { localized, msg } from '@lit/localize';
import type { ChartConfiguration } from 'chart.js';
import { customElement, property } from 'lit/decorators.js';
import type { FiguresReport } from '../../../protocol/report-routes.js';
import { dayAxisLabel, ReportChart, SECOND_SERIES } from './report-chart.js';

/** The mean rating with one decimal; null for a day without ratings. */
export const meanRatingOf = (mean: number | null) => (mean === null ? null : Math.round(mean * 10) / 10);
/** The rated share of served tickets as a whole percent; null for a day nobody was served. */
export const ratedPercentOf = (rated: number, served: number) => (served ? Math.round((rated / served) * 100) : null);

/**
 * Ratings day by day: the mean rating (1–5, left axis) and the share of served customers who rated
 * at all (right axis, in percent) — a mean of three ratings says less than a mean of thirty.
 * `report` is the figures broken down by day.
 */
@localized()
@customElement('ratings-trend-chart')
export class RatingsTrendChart extends ReportChart<'line'> {
  @property({ attribute: false }) report: FiguresReport | null = null;

  protected config(): ChartConfiguration<'line'> {
    const p = this.palette;
    const days = (this.report?.rows ?? []).filter((row) => row.key !== null);
    const meanLabel = msg('Mean rating (1–5)');
    const ratedLabel = msg('Rated (% of served)');
    return {
      type: 'line',
      data: {
        labels: days.map((row) => dayAxisLabel(row.key!)),
        datasets: [
          {
            label: meanLabel,
            data: days.map((row) => meanRatingOf(row.ratings.meanScore)),
            yAxisID: 'y',
            borderColor: p.accent,
            backgroundColor: p.accent,
            borderWidth: 3,
            pointRadius: 4,
            spanGaps: true,
          },
          {
            label: ratedLabel,
            data: days.map((row) => ratedPercentOf(row.ratings.count, row.served)),
            yAxisID: 'rated',
            borderColor: SECOND_SERIES,
            backgroundColor: SECOND_SERIES,
            borderWidth: 2,
            borderDash: [6, 4],
            pointRadius: 3,
            pointStyle: 'rectRot',
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
          y: {
            position: 'left',
            min: 1,
            max: 5,
            grid: { color: p.line },
            title: { display: true, text: meanLabel, color: p.muted, font: this.font(13) },
            ticks: { color: p.muted, font: this.font(13), stepSize: 1 },
          },
          rated: {
            position: 'right',
            min: 0,
            max: 100,
            grid: { display: false },
            title: { display: true, text: ratedLabel, color: p.muted, font: this.font(13) },
            ticks: { color: p.muted, font: this.font(13), stepSize: 25, callback: (v) => `${v}%` },
          },
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
            callbacks: {
              title: (items) => (items.length ? days[items[0].dataIndex].key! : ''),
              label: (item) => `${item.dataset.label}: ${item.raw}${item.datasetIndex === 1 ? '%' : ''}`,
            },
          },
        },
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ratings-trend-chart': RatingsTrendChart;
  }
}
