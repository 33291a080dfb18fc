import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiClient } from '../../../protocol/api-client.js';
import { RATING_COMMENT_MAX, RATING_REASONS, ratingRoutes, type RatingReason } from '../../../protocol/rating-routes.js';
import { theme } from '../styles/theme.js';
import { mobileFeedbackStyles } from './mobile-feedback-styles.js';
import { ratingFace } from './rating-face.js';

type Step = 'loading' | 'ask' | 'reason' | 'thanks' | 'none';

/**
 * "How was our service?" on the customer's phone once the ticket is done (評價器, as the counter's
 * display asks it): five faces, then for a 1 or 2 a reason and an optional comment. Asked once:
 * the server says whether this ticket may still be rated.
 *
 * @fires rating-settled - rated now, rated before, or not to be asked: the survey may follow.
 */
@localized()
@customElement('mobile-rating')
export class MobileRating extends LitElement {
  @property() ticketId = '';

  @state() private _step: Step = 'loading';
  @state() private _reason: RatingReason | null = null;
  @state() private _sending = false;
  @state() private _failed = false;
  private _score = 0;
  private readonly _api = new ApiClient();

  static override styles = [theme, mobileFeedbackStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    switch (this._step) {
      case 'loading':
      case 'none':
        return nothing;
      case 'thanks':
        return html`<section><p class="thanks" role="status" data-testid="mobile-rating-thanks">${msg('Thank you for rating our service.')}</p></section>`;
      case 'ask':
        return html`<section>
          <h2 id="rate-title">${msg('How was our service?')}</h2>
          <div class="scale" role="group" aria-labelledby="rate-title">
            ${[1, 2, 3, 4, 5].map(
              (score) => html`<button data-testid="mobile-rate-${score}" ?disabled=${this._sending} @click=${() => this._choose(score)}>
                ${ratingFace(score)}<span>${scoreLabel(score)}</span>
              </button>`,
            )}
          </div>
          ${this._renderError()}
        </section>`;
      case 'reason':
        return html`<section>
          <h2 id="reason-title">${msg('Sorry to hear that. What went wrong?')}</h2>
          <div class="reasons" role="group" aria-labelledby="reason-title">
            ${RATING_REASONS.map(
              (reason) => html`<button aria-pressed=${this._reason === reason ? 'true' : 'false'} data-testid="mobile-reason-${reason}" @click=${() => (this._reason = reason)}>
                ${reasonLabel(reason)}
              </button>`,
            )}
          </div>
          <label class="field-label" for="comment">${msg('Anything you would like to add? (optional)')}</label>
          <textarea id="comment" maxlength=${RATING_COMMENT_MAX} data-testid="mobile-rating-comment" ?disabled=${this._reason === null}></textarea>
          <button class="send" data-testid="mobile-rating-send" ?disabled=${this._reason === null || this._sending} @click=${() => this._send()}>${msg('Send')}</button>
          ${this._renderError()}
        </section>`;
    }
  }

  private _renderError() {
    return this._failed ? html`<p class="error" role="alert">${msg('Your rating could not be sent. Please try again.')}</p>` : nothing;
  }

  private async _load(): Promise<void> {
    try {
      const status = await this._api.call(ratingRoutes.ratingStatus, { ticketId: this.ticketId });
      this._step = status.canRate ? 'ask' : status.rated ? 'thanks' : 'none';
    } catch {
      this._step = 'none';
    }
    if (this._step !== 'ask') this._settled();
  }

  private _choose(score: number): void {
    this._score = score;
    if (score <= 2) this._step = 'reason';
    else void this._send();
  }

  private async _send(): Promise<void> {
    const comment = this.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.value.trim();
    const body = this._reason ? { score: this._score, reason: this._reason, ...(comment ? { comment } : {}) } : { score: this._score };
    this._sending = true;
    this._failed = false;
    try {
      await this._api.call(ratingRoutes.rateOnPhone, { ticketId: this.ticketId }, body);
    } catch (error) {
      // Rated already (at the counter) is as good as done; anything else may be tried again.
      if ((error as { code?: string }).code !== 'ALREADY_RATED') {
        this._failed = true;
        this._sending = false;
        return;
      }
    }
    this._sending = false;
    this._step = 'thanks';
    this._settled();
  }

  private _settled(): void {
    this.dispatchEvent(new CustomEvent('rating-settled', { bubbles: true, composed: true }));
  }
}

function scoreLabel(score: number): string {
  // Short words: five of them share a phone's width.
  return [msg('Very poor'), msg('Poor'), msg('OK'), msg('Good'), msg('Great')][score - 1]!;
}

function reasonLabel(reason: RatingReason): string {
  switch (reason) {
    case 'waiting_time':
      return msg('Waited too long');
    case 'staff_attitude':
      return msg('Staff attitude');
    case 'not_resolved':
      return msg('My business was not resolved');
    case 'environment':
      return msg('The hall (seats, cleanliness, noise)');
    case 'other':
      return msg('Something else');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobile-rating': MobileRating;
  }
}
