import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RatingFigures, RatingReason, RatingSummary } from '../../../../protocol/rating-routes.js';
import { getLocale } from '../../localization.js';
import { localizedName } from '../../logic/locale.js';
import { tokens } from '../../shell/styles.js';
import './score-bars.js';
import { satisfactionStyles } from './satisfaction-styles.js';

const mean = (value: number | null) => (value === null ? '–' : value.toFixed(2));
const share = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** The label of a low mark's reason, as the console says it. */
export function reasonText(reason: RatingReason): string {
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

/** Ratings after service for a period: the overall figures and bars, the reasons, and tables by teller, counter and service. */
@localized()
@customElement('rating-summary-view')
export class RatingSummaryView extends LitElement {
  @property({ attribute: false }) summary!: RatingSummary;

  static override styles = [tokens, satisfactionStyles];

  override render() {
    const s = this.summary;
    const name = (n: { en: string; zhHant: string; zhHans: string } | null) =>
      n ? localizedName(n, getLocale()) : msg('Unknown');
    return html`<div class="figures">
        ${this._figure(String(s.overall.rated), msg('ratings'), 'summary-rated')}
        ${this._figure(mean(s.overall.mean), msg('mean score (1–5)'), 'summary-mean')}
        ${this._figure(share(s.ratedShare), msg(str`of ${s.completed} tickets served were rated`), 'summary-share')}
      </div>
      <p class="note">${msg('A customer who did not answer is not counted as satisfied: only ratings given are counted.')}</p>
      <div class="columns">
        <div>
          <h3>${msg('Ratings by score')}</h3>
          <score-bars .counts=${s.overall.counts}></score-bars>
        </div>
        <div>
          <h3>${msg('Reasons for low marks')}</h3>
          ${s.reasons.length === 0
            ? html`<p class="empty">${msg('None')}</p>`
            : html`<table>
                <tbody>
                  ${s.reasons.map((r) => html`<tr><td>${reasonText(r.reason)}</td><td class="num">${r.count}</td></tr>`)}
                </tbody>
              </table>`}
        </div>
      </div>
      ${this._table(msg('By teller'), msg('Teller'), s.byTeller.map((row) => ({ label: row.name ?? msg('Unknown'), figures: row })), 'by-teller')}
      ${this._table(
        msg('By counter'),
        msg('Counter'),
        s.byCounter.map((row) => ({ label: row.number === null ? msg('Unknown') : msg(str`Counter ${row.number}`), figures: row })),
        'by-counter',
      )}
      ${this._table(msg('By service'), msg('Service'), s.byService.map((row) => ({ label: name(row.name), figures: row })), 'by-service')}
      ${s.comments.length === 0
        ? nothing
        : html`<h3>${msg('What customers wrote with a low mark')}</h3>
            <ul class="plain" data-testid="rating-comments">
              ${s.comments.map(
                (c) => html`<li>
                  ${c.comment}
                  <div class="meta">${msg(str`Score ${c.score}`)} · ${c.reason ? reasonText(c.reason) : ''} · ${new Date(c.at).toLocaleString(getLocale())}</div>
                </li>`,
              )}
            </ul>`}`;
  }

  private _figure(value: string, label: string, testid: string) {
    return html`<div class="figure"><span class="value number" data-testid=${testid}>${value}</span><span class="label">${label}</span></div>`;
  }

  private _table(title: string, column: string, rows: { label: string; figures: RatingFigures }[], testid: string) {
    return html`<h3>${title}</h3>
      ${rows.length === 0
        ? html`<p class="empty">${msg('No ratings in this period.')}</p>`
        : html`<table data-testid=${testid}>
            <thead>
              <tr>
                <th scope="col">${column}</th>
                <th scope="col" class="num">${msg('Ratings')}</th>
                <th scope="col" class="num">${msg('Mean')}</th>
                ${[1, 2, 3, 4, 5].map((score) => html`<th scope="col" class="num">${score}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr>
                  <th scope="row">${row.label}</th>
                  <td class="num">${row.figures.rated}</td>
                  <td class="num">${mean(row.figures.mean)}</td>
                  ${row.figures.counts.map((count) => html`<td class="num">${count}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rating-summary-view': RatingSummaryView;
  }
}
