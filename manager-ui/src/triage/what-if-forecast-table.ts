import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WhatIfForecast } from '../../../protocol/forecast-schemas.js';
import { tokens } from '../shell/styles.js';
import { changeText, forecastRows, rangeText, type ForecastRow, type MinuteRange } from './what-if-forecast.js';

const MEASURES: ForecastRow['measure'][] = ['longestWaitSeconds', 'meanWaitSeconds', 'waitingAtEnd'];

/**
 * The next hour without and with an action: longest wait, mean wait and customers still waiting,
 * each as the median of the simulated hours with the range 8 in 10 of them fell in.
 * While a forecast loads, the last one stays (dimmed) or placeholders hold the space: nothing jumps.
 */
@localized()
@customElement('what-if-forecast-table')
export class WhatIfForecastTable extends LitElement {
  /** The server's forecast; null until the first one arrives. */
  @property({ attribute: false }) forecast: WhatIfForecast | null = null;
  /** A forecast is on its way. */
  @property({ type: Boolean }) loading = false;
  /** Why there is no forecast (the server's refusal, or the choice is incomplete). */
  @property() problem = '';

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .caption {
        color: var(--muted);
        font-size: 15px;
        margin-bottom: 6px;
        min-height: 20px;
      }
      .problem {
        color: var(--warn);
        font-weight: 600;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        transition: opacity 0.15s;
      }
      table.dim {
        opacity: 0.45;
      }
      th,
      td {
        padding: 6px 10px;
        border-bottom: 1px solid var(--line);
        text-align: end;
      }
      th {
        font-size: 14px;
        color: var(--muted);
        font-weight: 600;
      }
      th[scope='row'] {
        text-align: start;
        font-size: 17px;
        color: var(--text);
      }
      .median {
        font-size: 26px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .with .median {
        color: var(--accent);
      }
      .range {
        display: block;
        font-size: 14px;
        color: var(--muted);
        font-variant-numeric: tabular-nums;
      }
      .change {
        font-size: 20px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .better {
        color: var(--ok);
      }
      .worse {
        color: var(--warn);
      }
      .same {
        color: var(--muted);
      }
    `,
  ];

  override render() {
    const rows = this.forecast ? forecastRows(this.forecast) : null;
    return html`<div class="caption" aria-live="polite">${this._caption()}</div>
      <table class=${this.loading && rows ? 'dim' : ''} aria-busy=${this.loading} data-testid="what-if-forecast">
        <thead>
          <tr>
            <th></th>
            <th scope="col">${msg('As things are')}</th>
            <th scope="col">${msg('With this action')}</th>
            <th scope="col">${msg('Change')}</th>
          </tr>
        </thead>
        <tbody>
          ${MEASURES.map((measure) => this._renderRow(measure, rows?.find((r) => r.measure === measure)))}
        </tbody>
      </table>`;
  }

  private _caption() {
    if (this.problem) return html`<span class="problem" data-testid="what-if-problem">${this.problem}</span>`;
    if (this.loading && !this.forecast) return msg('Forecasting the next hour…');
    if (!this.forecast) return nothing;
    const { horizonMinutes, runs } = this.forecast;
    return msg(str`The next ${horizonMinutes} minutes, simulated ${runs} times from the hall as it is now: the likely figure, and in small type the range of 8 in 10 runs.`);
  }

  private _renderRow(measure: ForecastRow['measure'], row: ForecastRow | undefined) {
    const people = measure === 'waitingAtEnd';
    const label =
      measure === 'longestWaitSeconds' ? msg('Longest wait in the hall') : measure === 'meanWaitSeconds' ? msg('Mean wait') : msg('Still waiting after the hour');
    const key = measure === 'longestWaitSeconds' ? 'longest' : measure === 'meanWaitSeconds' ? 'mean' : 'waiting';
    if (!row) {
      return html`<tr>
        <th scope="row">${label}</th>
        <td><span class="median">${this.loading ? '…' : '—'}</span></td>
        <td><span class="median">${this.loading ? '…' : '—'}</span></td>
        <td></td>
      </tr>`;
    }
    const unit = (n: string) => (people ? msg(str`${n} people`) : msg(str`${n} min`));
    const cell = (range: MinuteRange) => html`<span class="median">${unit(String(range.median))}</span>
      <span class="range">${range.low === range.high ? '\u00a0' : rangeText(range)}</span>`;
    return html`<tr>
      <th scope="row">${label}</th>
      <td data-testid="what-if-${key}-baseline">${cell(row.baseline)}</td>
      <td class="with" data-testid="what-if-${key}-with">${cell(row.withAction)}</td>
      <td class="change ${row.effect}" data-testid="what-if-${key}-change">${unit(changeText(row.change))}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'what-if-forecast-table': WhatIfForecastTable;
  }
}
