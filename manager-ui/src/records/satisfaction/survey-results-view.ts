import { localized, msg, str } from '@lit/localize';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SurveyResults } from '../../../../protocol/rating-routes.js';
import { tokens } from '../../shell/styles.js';
import './score-bars.js';
import { satisfactionStyles } from './satisfaction-styles.js';

/** A survey's results: per question the count of each score and the mean, then the suggestions. */
@localized()
@customElement('survey-results-view')
export class SurveyResultsView extends LitElement {
  @property({ attribute: false }) results!: SurveyResults;

  static override styles = [tokens, satisfactionStyles];

  override render() {
    const { survey, questions, suggestions } = this.results;
    return html`<h2>${msg(str`Results: ${survey.title}`)}</h2>
      <p class="note">${msg(str`${survey.answers} answers, ${survey.startsOn} to ${survey.endsOn}. Answers are anonymous.`)}</p>
      <div class="columns" data-testid="survey-results">
        ${questions.map(
          (q, i) => {
            const mean = q.mean === null ? '–' : q.mean.toFixed(2);
            return html`<div data-testid="survey-result-${i}">
            <h3>${q.question}</h3>
            <p class="meta">${msg(str`${q.answered} answered · mean ${mean}`)}</p>
            <score-bars .counts=${q.counts}></score-bars>
          </div>`;
          },
        )}
      </div>
      <h3>${msg('Suggestions')}</h3>
      ${suggestions.length === 0
        ? html`<p class="empty">${msg('No suggestions yet.')}</p>`
        : html`<ul class="plain" data-testid="survey-suggestions">
            ${suggestions.map((s) => html`<li>${s.text}<div class="meta">${s.answeredOn}</div></li>`)}
          </ul>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'survey-results-view': SurveyResultsView;
  }
}
