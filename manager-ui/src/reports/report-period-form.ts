import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../shell/styles.js';
import { reportForm } from './report-styles.js';
import { lastDays, periodProblem, PERIOD_PRESETS, presetPeriod, type PeriodPreset, type PeriodProblem, type ReportPeriod } from './report-period.js';

/**
 * The days a report covers: from and to (branch calendar), with one-tap "last 7 / 28 days", or with
 * `calendar`, the calendar's periods (today, yesterday, this week, this month, last month); the two
 * day fields are the custom range.
 * @fires period-change - detail: ReportPeriod — a valid period was chosen
 */
@localized()
@customElement('report-period-form')
export class ReportPeriodForm extends LitElement {
  /** The period shown now. */
  @property({ attribute: false }) period: ReportPeriod | null = null;
  /** Today in the branch's calendar (YYYY-MM-DD): the latest day to offer. */
  @property() today = '';
  /** Disables the form while a report loads. */
  @property({ type: Boolean }) busy = false;
  /** Offer the calendar's periods (the reports) rather than the last 7 / 28 days (planning). */
  @property({ type: Boolean }) calendar = false;

  @state() private _from = '';
  @state() private _to = '';
  @state() private _problem: PeriodProblem | null = null;

  static override styles = [
    tokens,
    buttons,
    reportForm,
    css`
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .presets button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('period') && this.period) {
      this._from = this.period.from;
      this._to = this.period.to;
      this._problem = null;
    }
  }

  override render() {
    const invalid = this._problem !== null;
    return html`<form @submit=${this._onSubmit} novalidate>
      <label>
        ${msg('From')}
        <input type="date" name="from" data-testid="period-from" .value=${this._from} max=${this.today} aria-invalid=${invalid} @input=${this._onFrom} />
      </label>
      <label>
        ${msg('To')}
        <input type="date" name="to" data-testid="period-to" .value=${this._to} max=${this.today} aria-invalid=${invalid} @input=${this._onTo} />
      </label>
      <button type="submit" class="primary" data-testid="period-apply" ?disabled=${this.busy}>${msg('Show')}</button>
      ${this.calendar
        ? html`<div class="presets" role="group" aria-label=${msg('Period')}>
            ${PERIOD_PRESETS.map((preset) => {
              const period = presetPeriod(preset, this.today);
              const pressed = this.period?.from === period.from && this.period?.to === period.to;
              return html`<button type="button" data-testid="period-${preset}" aria-pressed=${pressed} ?disabled=${this.busy || !this.today} @click=${() => this._emit(period)}>
                ${this._presetText(preset)}
              </button>`;
            })}
          </div>`
        : html`<div class="presets">
            <button type="button" data-testid="period-7" ?disabled=${this.busy} @click=${() => this._emit(lastDays(this.today, 7))}>${msg('Last 7 days')}</button>
            <button type="button" data-testid="period-28" ?disabled=${this.busy} @click=${() => this._emit(lastDays(this.today, 28))}>${msg('Last 28 days')}</button>
          </div>`}
      ${invalid ? html`<p class="problem" role="alert">${this._problemText(this._problem!)}</p>` : nothing}
    </form>`;
  }

  private _presetText(preset: PeriodPreset): string {
    if (preset === 'today') return msg('Today');
    if (preset === 'yesterday') return msg('Yesterday');
    if (preset === 'this-week') return msg('This week');
    if (preset === 'this-month') return msg('This month');
    return msg('Last month');
  }

  private _problemText(problem: PeriodProblem): string {
    if (problem === 'from-after-to') return msg('The first day must not be after the last day.');
    if (problem === 'too-long') return msg('A report covers at most 366 days.');
    if (problem === 'in-future') return msg('The period has not begun yet.');
    return msg('Enter both days.');
  }

  private _onFrom(event: Event) {
    this._from = (event.target as HTMLInputElement).value;
  }

  private _onTo(event: Event) {
    this._to = (event.target as HTMLInputElement).value;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    this._emit({ from: this._from, to: this._to });
  }

  private _emit(period: ReportPeriod) {
    this._problem = periodProblem(period, this.today);
    if (this._problem) return;
    this.dispatchEvent(new CustomEvent<ReportPeriod>('period-change', { detail: period, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-period-form': ReportPeriodForm;
  }
}
