import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { ratingRoutes, type RatingSummary, type Survey, type SurveyResults } from '../../../../protocol/rating-routes.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../../app-context.js';
import { businessDayAt, lastDays, type ReportPeriod } from '../../reports/report-period.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import './rating-summary-view.js';
import { satisfactionStyles } from './satisfaction-styles.js';
import './survey-editor.js';
import './survey-results-view.js';

/** Days the ratings summary covers when the tab opens. */
const DEFAULT_DAYS = 28;

/**
 * Satisfaction (評價器 and 滿意度調查): the ratings customers gave after service for a period, and
 * the branch's surveys: define or edit one, and read its results per question. Refetches when a
 * `records.changed` hint says a rating or a survey changed.
 */
@localized()
@customElement('satisfaction-records')
export class SatisfactionRecords extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _period: ReportPeriod | null = null;
  @state() private _summary: RatingSummary | null = null;
  @state() private _surveys: Survey[] = [];
  /** The survey being edited, 'new' while one is being created, null when the editor is closed. */
  @state() private _editing: Survey | 'new' | null = null;
  @state() private _results: SurveyResults | null = null;

  private _summaryRequest = new RequestController(this, 'latest');
  private _surveyRequest = new RequestController(this, 'latest');
  private _hintsSeen = { rating: -1, survey: -1 };

  static override styles = [
    tokens,
    buttons,
    satisfactionStyles,
    css`
      .page {
        display: grid;
        gap: 16px;
        max-width: 1232px;
      }
      .period {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px;
        margin-bottom: 8px;
      }
      .period label {
        display: grid;
        gap: 4px;
        font-weight: 600;
      }
      .period input {
        font: inherit;
        min-height: var(--target);
        padding: 0 12px;
        border: 2px solid var(--line);
        border-radius: 8px;
        color: var(--text);
      }
      .heading {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
    `,
  ];

  private get _branchId(): string {
    return this._live.snapshot?.branch.id ?? '';
  }

  private get _today(): string {
    const branch = this._live.snapshot?.branch;
    return branch ? businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone) : '';
  }

  override willUpdate() {
    if (!this._live.snapshot) return;
    if (!this._period) this._period = lastDays(this._today, DEFAULT_DAYS);
    const hints = { rating: this._live.recordHints.rating ?? 0, survey: this._live.recordHints.survey ?? 0 };
    if (hints.rating !== this._hintsSeen.rating || hints.survey !== this._hintsSeen.survey) {
      const surveysChanged = hints.survey !== this._hintsSeen.survey;
      this._hintsSeen = hints;
      void this._loadSummary();
      if (surveysChanged) void this._loadSurveys();
    }
  }

  override render() {
    if (!this._live.snapshot || !this._period) return html`<p class="empty">${msg('Loading…')}</p>`;
    return html`<div class="page">
      <section class="card" data-testid="ratings-summary">
        <h2>${msg('Ratings after service')}</h2>
        <form class="period" @submit=${this._onPeriod}>
          <label>${msg('From')}<input type="date" name="from" required .value=${this._period.from} max=${this._today} /></label>
          <label>${msg('To')}<input type="date" name="to" required .value=${this._period.to} max=${this._today} /></label>
          <button type="submit" ?disabled=${this._summaryRequest.busy}>${msg('Show')}</button>
        </form>
        ${this._summaryRequest.error ? html`<p class="error" role="alert">${this._summaryRequest.error}</p>` : nothing}
        ${this._summary ? html`<rating-summary-view .summary=${this._summary}></rating-summary-view>` : nothing}
      </section>
      <section class="card" data-testid="surveys">
        <div class="heading">
          <h2>${msg('Satisfaction surveys')}</h2>
          <button class="primary" data-testid="survey-new" @click=${() => void this._edit('new')}>${msg('New survey')}</button>
        </div>
        <p class="note">${msg('The mobile ticket page offers the survey of the day after service. Answers are stored without the ticket or the customer.')}</p>
        ${this._surveyRequest.error ? html`<p class="error" role="alert">${this._surveyRequest.error}</p>` : nothing}
        ${this._surveys.length === 0 ? html`<p class="empty">${msg('No surveys yet.')}</p>` : this._renderSurveys()}
      </section>
      ${this._editing
        ? html`<section class="card">
            <survey-editor
              .api=${this._api}
              branchId=${this._branchId}
              today=${this._today}
              .survey=${this._editing === 'new' ? null : this._editing}
              @survey-saved=${this._onSaved}
              @survey-cancelled=${() => (this._editing = null)}
            ></survey-editor>
          </section>`
        : nothing}
      ${this._results ? html`<section class="card"><survey-results-view .results=${this._results}></survey-results-view></section>` : nothing}
    </div>`;
  }

  private _renderSurveys() {
    return html`<table data-testid="survey-list">
      <thead>
        <tr>
          <th scope="col">${msg('Title')}</th>
          <th scope="col">${msg('Dates')}</th>
          <th scope="col" class="num">${msg('Answers')}</th>
          <th scope="col">${msg('Actions')}</th>
        </tr>
      </thead>
      <tbody>
        ${this._surveys.map(
          (s) => html`<tr data-testid="survey-row">
            <th scope="row">${s.title}</th>
            <td>${s.startsOn} – ${s.endsOn}</td>
            <td class="num">${s.answers}</td>
            <td>
              <div class="actions">
              <button data-testid="survey-results-${s.id}" @click=${() => this._showResults(s)}>${msg('Results')}</button>
              <button data-testid="survey-edit-${s.id}" @click=${() => void this._edit(s)}>${msg('Edit')}</button>
              </div>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async _edit(survey: Survey | 'new') {
    this._results = null;
    this._editing = survey;
    await this.updateComplete;
    // The editor opens below the lists: bring it into view.
    this.renderRoot.querySelector('survey-editor')?.scrollIntoView({ block: 'start' });
  }

  private _onPeriod(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    this._period = { from: value('from'), to: value('to') };
    void this._loadSummary();
  }

  private async _loadSummary() {
    if (!this._period || !this._branchId) return;
    const outcome = await this._summaryRequest.run(() => this._api.call(ratingRoutes.ratingSummary, { branchId: this._branchId, ...this._period! }));
    if (outcome.status === 'done') this._summary = outcome.value;
  }

  private async _loadSurveys() {
    if (!this._branchId) return;
    const outcome = await this._surveyRequest.run(() => this._api.call(ratingRoutes.listSurveys, { branchId: this._branchId }));
    if (outcome.status === 'done') this._surveys = outcome.value;
  }

  private async _showResults(survey: Survey) {
    this._editing = null;
    const outcome = await this._surveyRequest.run(() => this._api.call(ratingRoutes.surveyResults, { branchId: this._branchId, surveyId: survey.id }));
    if (outcome.status === 'done') {
      this._results = outcome.value;
      await this.updateComplete;
      this.renderRoot.querySelector('survey-results-view')?.scrollIntoView({ block: 'start' });
    }
  }

  private _onSaved = () => {
    this._editing = null;
    void this._loadSurveys();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'satisfaction-records': SatisfactionRecords;
  }
}
