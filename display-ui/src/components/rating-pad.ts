import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { RATING_REASONS, ratingRoutes, type RatingReason } from '../../../protocol/rating-routes.js';
import { englishLine } from '../localization.js';
import { hallTheme } from './hall-theme.js';

/** How long the pad waits for a tap before it goes, storing nothing. */
export const RATING_PAD_MS = 30_000;
/** How long the thank-you stays up. */
const THANKS_MS = 4_000;

const SCORES = [1, 2, 3, 4, 5] as const;

/** The face of a score: the mouth curves from a frown (1) to a broad smile (5). */
const face = (score: number) => {
  const curve = (score - 3) * 9;
  return svg`<svg viewBox="0 0 100 100" aria-hidden="true" class="face">
    <circle cx="50" cy="50" r="46" fill="var(--face)" stroke="currentColor" stroke-width="5"></circle>
    <circle cx="34" cy="40" r="6" fill="currentColor"></circle>
    <circle cx="66" cy="40" r="6" fill="currentColor"></circle>
    <path d="M28 ${68 - curve / 2} Q50 ${68 + curve * 1.2} 72 ${68 - curve / 2}" fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round"></path>
  </svg>`;
};

/**
 * The counter display's rating after service (評價器): "How was our service?" with five large faces,
 * then for a 1 or 2 the reasons, then a thank-you. It posts with the display's device token. Not
 * answered within 30 s, it goes and nothing is stored: no answer is no rating.
 *
 * @fires pad-done - the customer finished, or the pad timed out; the counter's number comes back.
 */
@localized()
@customElement('rating-pad')
export class RatingPad extends LitElement {
  /** The ticket just completed at this counter. */
  @property() ticketId = '';
  /** Its number, shown so the customer knows the question is theirs. */
  @property() ticketNumber = '';
  /** The display's client (its device token). */
  @property({ attribute: false }) api!: ApiClient;

  @state() private _step: 'ask' | 'reason' | 'thanks' = 'ask';
  @state() private _failed = false;
  private _score = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  static override styles = [
    hallTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 3vh;
        height: 100%;
        padding: 2vh 2vw;
        box-sizing: border-box;
        --face: #ffffff;
      }
      h2 {
        margin: 0;
        font-size: clamp(28px, 6vh, 64px);
        line-height: 1.2;
      }
      h2 .en {
        font-size: 0.55em;
      }
      .ticket {
        margin: 0;
        font-size: clamp(18px, 3vh, 32px);
        color: var(--muted);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 2vw;
        width: 100%;
      }
      button {
        font: inherit;
        color: var(--text);
        background: var(--surface);
        border: 3px solid var(--line);
        border-radius: 20px;
        cursor: pointer;
        touch-action: manipulation;
      }
      button:focus-visible {
        outline: 5px solid var(--accent);
        outline-offset: 3px;
      }
      button:active {
        background: var(--accent-soft);
        border-color: var(--accent);
      }
      .score {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1vh;
        width: clamp(120px, 17vw, 240px);
        min-height: clamp(150px, 30vh, 280px);
        padding: 12px 8px;
        color: var(--accent);
      }
      .face {
        width: clamp(80px, 12vw, 160px);
        height: clamp(80px, 12vw, 160px);
      }
      .score .label {
        color: var(--text);
        font-size: clamp(18px, 3vh, 30px);
        font-weight: 700;
        line-height: 1.2;
      }
      .score .label .en {
        font-size: 0.7em;
      }
      .reason {
        min-width: clamp(200px, 28vw, 360px);
        min-height: 96px;
        padding: 12px 20px;
        font-size: clamp(20px, 3.4vh, 34px);
        font-weight: 700;
      }
      .reason .en {
        font-size: 0.65em;
      }
      .skip {
        min-height: 72px;
        padding: 8px 32px;
        font-size: clamp(18px, 2.8vh, 28px);
        color: var(--muted);
      }
      .thanks {
        font-size: clamp(40px, 10vh, 110px);
        font-weight: 800;
        color: var(--ok);
      }
      .error {
        color: #b00020;
        font-size: clamp(18px, 3vh, 30px);
        margin: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this._wait(RATING_PAD_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  override updated(changed: Map<string, unknown>): void {
    // A new ticket completed while the pad was up: ask its customer afresh.
    if (changed.has('ticketId') && changed.get('ticketId') !== undefined) {
      this._step = 'ask';
      this._failed = false;
      this._wait(RATING_PAD_MS);
    }
  }

  override render() {
    if (this._step === 'thanks') {
      return html`<p class="thanks" role="status" data-testid="rating-thanks">${msg('Thank you!')}${englishLine('Thank you!')}</p>`;
    }
    const error = this._failed ? html`<p class="error" role="alert">${msg('Sorry, your rating could not be sent.')}</p>` : nothing;
    if (this._step === 'reason') {
      return html`<h2 id="reason-title">${msg('What went wrong?')}${englishLine('What went wrong?')}</h2>
        <div class="choices" role="group" aria-labelledby="reason-title">
          ${RATING_REASONS.map(
            (reason) => html`<button class="reason" data-testid="rating-reason-${reason}" @click=${() => this._send(reason)}>
              ${reasonLabel(reason)}${englishLine(reasonLabel(reason, true))}
            </button>`,
          )}
        </div>
        ${error}
        <button class="skip" data-testid="rating-skip-reason" @click=${() => this._send()}>${msg('Skip')}</button>`;
    }
    return html`<h2 id="rating-title">${msg('How was our service?')}${englishLine('How was our service?')}</h2>
      ${this.ticketNumber ? html`<p class="ticket">${msg('Ticket')} <span class="number">${this.ticketNumber}</span></p>` : nothing}
      <div class="choices" role="group" aria-labelledby="rating-title">
        ${SCORES.map(
          (score) => html`<button class="score" data-testid="rating-score-${score}" @click=${() => this._choose(score)}>
            ${face(score)}<span class="label">${scoreLabel(score)}${englishLine(scoreLabel(score, true))}</span>
          </button>`,
        )}
      </div>
      ${error}`;
  }

  private _wait(ms: number): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.dispatchEvent(new CustomEvent('pad-done', { bubbles: true, composed: true })), ms);
  }

  private _choose(score: number): void {
    this._score = score;
    if (score <= 2) {
      this._step = 'reason';
      return;
    }
    void this._send();
  }

  private async _send(reason?: RatingReason): Promise<void> {
    try {
      await this.api.call(ratingRoutes.rateAtCounter, { ticketId: this.ticketId }, reason ? { score: this._score, reason } : { score: this._score });
    } catch (error) {
      // Rated already (the phone was quicker) is as good as stored; anything else may be tried again.
      if ((error as { code?: string }).code !== 'ALREADY_RATED') {
        console.warn('rating:', error);
        this._failed = true;
        return;
      }
    }
    this._step = 'thanks';
    this._wait(THANKS_MS);
  }
}

/** The words under each face; `english` for the second line in Chinese locales. */
function scoreLabel(score: number, english = false): string {
  const labels = english
    ? ['Very poor', 'Poor', 'OK', 'Good', 'Excellent']
    : [msg('Very poor'), msg('Poor'), msg('OK'), msg('Good'), msg('Excellent')];
  return labels[score - 1]!;
}

function reasonLabel(reason: RatingReason, english = false): string {
  const en: Record<RatingReason, string> = {
    waiting_time: 'Waited too long',
    staff_attitude: 'Staff attitude',
    not_resolved: 'Not resolved',
    environment: 'The hall',
    other: 'Something else',
  };
  if (english) return en[reason];
  switch (reason) {
    case 'waiting_time':
      return msg('Waited too long');
    case 'staff_attitude':
      return msg('Staff attitude');
    case 'not_resolved':
      return msg('Not resolved');
    case 'environment':
      return msg('The hall');
    case 'other':
      return msg('Something else');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rating-pad': RatingPad;
  }
}
