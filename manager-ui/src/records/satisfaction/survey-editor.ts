import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import {
  ratingRoutes,
  SURVEY_MAX_QUESTIONS,
  SURVEY_MIN_QUESTIONS,
  SURVEY_QUESTION_MAX,
  SURVEY_TITLE_MAX,
  type Survey,
} from '../../../../protocol/rating-routes.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import { satisfactionStyles } from './satisfaction-styles.js';

/**
 * Creates a survey, or edits one: its title, its questions (2–8, each answered 1–5) and its dates.
 * Questions are fixed once the survey has answers; the server refuses the change and so does the form.
 *
 * @fires survey-saved - detail: the survey as saved
 * @fires survey-cancelled
 */
@localized()
@customElement('survey-editor')
export class SurveyEditor extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property() branchId = '';
  /** The survey to edit; null creates one. */
  @property({ attribute: false }) survey: Survey | null = null;
  /** The first day a new survey runs, by default. */
  @property() today = '';

  @state() private _questions: string[] = ['', ''];
  private _request = new RequestController(this);

  static override styles = [
    tokens,
    buttons,
    satisfactionStyles,
    css`
      form {
        display: grid;
        gap: 12px;
      }
      label {
        display: grid;
        gap: 4px;
        font-weight: 600;
      }
      input {
        font: inherit;
        min-height: var(--target);
        padding: 0 12px;
        border: 2px solid var(--line);
        border-radius: 8px;
        color: var(--text);
        font-weight: 400;
      }
      input:focus-visible {
        outline: 3px solid var(--warn-fill);
        outline-offset: 1px;
      }
      .dates,
      .question,
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 12px;
      }
      .question label {
        flex: 1;
        min-width: 240px;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('survey')) this._questions = this.survey ? [...this.survey.questions] : ['', ''];
  }

  override render() {
    const s = this.survey;
    const locked = (s?.answers ?? 0) > 0;
    return html`<form @submit=${this._onSubmit} data-testid="survey-editor" novalidate>
      <h2>${s ? msg('Edit the survey') : msg('New survey')}</h2>
      <label>${msg('Title')}<input name="title" required maxlength=${SURVEY_TITLE_MAX} .value=${s?.title ?? ''} data-testid="survey-title" /></label>
      <div class="dates">
        <label>${msg('First day')}<input type="date" name="startsOn" required .value=${s?.startsOn ?? this.today} data-testid="survey-starts" /></label>
        <label>${msg('Last day')}<input type="date" name="endsOn" required .value=${s?.endsOn ?? this.today} data-testid="survey-ends" /></label>
      </div>
      ${locked ? html`<p class="note">${msg(str`This survey has ${s!.answers} answers: its questions can no longer change.`)}</p>` : nothing}
      ${this._questions.map(
        (question, i) => html`<div class="question">
          <label>${msg(str`Question ${i + 1} (answered 1–5)`)}
            <input .value=${question} maxlength=${SURVEY_QUESTION_MAX} ?disabled=${locked} data-testid="survey-question-${i}" @input=${(e: Event) => this._setQuestion(i, (e.target as HTMLInputElement).value)} />
          </label>
          ${locked || this._questions.length <= SURVEY_MIN_QUESTIONS
            ? nothing
            : html`<button type="button" class="danger" @click=${() => this._removeQuestion(i)} aria-label=${msg(str`Remove question ${i + 1}`)}>${msg('Remove')}</button>`}
        </div>`,
      )}
      <div class="actions">
        ${locked || this._questions.length >= SURVEY_MAX_QUESTIONS
          ? nothing
          : html`<button type="button" data-testid="survey-add-question" @click=${() => (this._questions = [...this._questions, ''])}>${msg('Add a question')}</button>`}
        <button type="submit" class="primary" ?disabled=${this._request.busy} data-testid="survey-save">${msg('Save')}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('survey-cancelled'))}>${msg('Cancel')}</button>
      </div>
      ${this._request.error ? html`<p class="error" role="alert" data-testid="survey-error">${this._request.error}</p>` : nothing}
    </form>`;
  }

  private _setQuestion(index: number, value: string) {
    this._questions = this._questions.map((q, i) => (i === index ? value : q));
  }

  private _removeQuestion(index: number) {
    this._questions = this._questions.filter((_, i) => i !== index);
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const body = { title: value('title').trim(), startsOn: value('startsOn'), endsOn: value('endsOn') };
    const questions = this._questions.map((q) => q.trim()).filter((q) => q !== '');
    const locked = (this.survey?.answers ?? 0) > 0;
    const outcome = await this._request.run(() =>
      this.survey
        ? this.api.call(ratingRoutes.updateSurvey, { branchId: this.branchId, surveyId: this.survey.id }, locked ? body : { ...body, questions })
        : this.api.call(ratingRoutes.createSurvey, { branchId: this.branchId }, { ...body, questions }),
    );
    if (outcome.status === 'done') this.dispatchEvent(new CustomEvent('survey-saved', { detail: outcome.value }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'survey-editor': SurveyEditor;
  }
}
