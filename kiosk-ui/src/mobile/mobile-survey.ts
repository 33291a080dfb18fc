import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiClient } from '../../../protocol/api-client.js';
import { ratingRoutes, SURVEY_SUGGESTION_MAX, type PublicSurvey } from '../../../protocol/rating-routes.js';
import { theme } from '../styles/theme.js';
import { mobileFeedbackStyles } from './mobile-feedback-styles.js';

/**
 * The branch's satisfaction survey of the day (滿意度調查), offered after service: each question on a
 * 1–5 scale (any may be left out) and a free-text suggestion. The answer goes without the ticket;
 * nothing shows when there is no survey or this ticket has answered it.
 */
@localized()
@customElement('mobile-survey')
export class MobileSurvey extends LitElement {
  @property() ticketId = '';

  @state() private _survey: PublicSurvey | null = null;
  @state() private _scores: (number | null)[] = [];
  @state() private _open = false;
  @state() private _sent = false;
  @state() private _sending = false;
  @state() private _failed = false;
  private readonly _api = new ApiClient();

  static override styles = [theme, mobileFeedbackStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    const survey = this._survey;
    if (!survey) return nothing;
    if (this._sent) return html`<section><p class="thanks" role="status" data-testid="survey-thanks">${msg('Thank you for your answers.')}</p></section>`;
    if (!this._open) {
      return html`<section>
        <h2>${msg('A short survey')}</h2>
        <p>${msg(str`${survey.questions.length} quick questions about our branch. Your answers are anonymous.`)}</p>
        <button class="send" data-testid="survey-open" @click=${() => (this._open = true)}>${msg('Answer the survey')}</button>
      </section>`;
    }
    const answered = this._scores.some((s) => s !== null);
    return html`<section data-testid="survey-form">
      <h2>${survey.title}</h2>
      ${survey.questions.map(
        (question, q) => html`<fieldset>
          <legend>${question}</legend>
          <div class="scale">
            ${[1, 2, 3, 4, 5].map(
              (score) => html`<input type="radio" id="q${q}-${score}" name="q${q}" .checked=${this._scores[q] === score} @change=${() => this._pick(q, score)} />
                <label for="q${q}-${score}" data-testid="survey-q${q}-${score}"><span class="number">${score}</span>${edgeLabel(score)}</label>`,
            )}
          </div>
        </fieldset>`,
      )}
      <label class="field-label" for="suggestion">${msg('Your suggestions (optional)')}</label>
      <textarea id="suggestion" maxlength=${SURVEY_SUGGESTION_MAX} data-testid="survey-suggestion" @input=${() => this.requestUpdate()}></textarea>
      <button class="send" data-testid="survey-send" ?disabled=${this._sending || (!answered && !this._suggestion())} @click=${this._send}>${msg('Send')}</button>
      ${this._failed ? html`<p class="error" role="alert">${msg('Your answers could not be sent. Please try again.')}</p>` : nothing}
    </section>`;
  }

  private _suggestion(): string {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('#suggestion')?.value.trim() ?? '';
  }

  private async _load(): Promise<void> {
    try {
      this._survey = await this._api.call(ratingRoutes.surveyForTicket, { ticketId: this.ticketId });
      this._scores = this._survey ? this._survey.questions.map(() => null) : [];
    } catch {
      this._survey = null;
    }
  }

  private _pick(question: number, score: number): void {
    this._scores = this._scores.map((s, i) => (i === question ? score : s));
  }

  private _send = async () => {
    const suggestion = this._suggestion();
    this._sending = true;
    this._failed = false;
    try {
      await this._api.call(ratingRoutes.answerSurvey, { ticketId: this.ticketId }, { scores: this._scores, ...(suggestion ? { suggestion } : {}) });
      this._sent = true;
    } catch (error) {
      if ((error as { code?: string }).code === 'ALREADY_RATED') this._sent = true;
      else this._failed = true;
    } finally {
      this._sending = false;
    }
  };
}

/** Words under the ends of the scale only: the numbers say the rest. */
function edgeLabel(score: number) {
  if (score === 1) return html`<span>${msg('Poor')}</span>`;
  if (score === 5) return html`<span>${msg('Great')}</span>`;
  return nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'mobile-survey': MobileSurvey;
  }
}
