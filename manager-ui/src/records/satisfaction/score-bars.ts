import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Counts per score (5 down to 1) as labelled bars: the numbers are text, the bars only show the
 * proportion, so a screen reader reads "5: 12".
 */
@localized()
@customElement('score-bars')
export class ScoreBars extends LitElement {
  /** Index 0 is score 1. */
  @property({ attribute: false }) counts: readonly number[] = [0, 0, 0, 0, 0];

  static override styles = css`
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    li {
      display: grid;
      grid-template-columns: 64px 1fr 48px;
      align-items: center;
      gap: 8px;
      font-size: 15px;
    }
    .track {
      height: 14px;
      background: #eef2f6;
      border-radius: 7px;
      overflow: hidden;
    }
    .bar {
      /* The width is set through the CSSOM in updated(): the screens' CSP refuses style attributes. */
      width: 0;
      display: block;
      height: 100%;
      background: var(--accent, #0b4f9c);
    }
    .count {
      text-align: end;
      font-family: var(--digits, monospace);
      font-variant-numeric: tabular-nums;
    }
  `;

  override updated() {
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar')) bar.style.width = `${Number(bar.dataset.share) * 100}%`;
  }

  override render() {
    const max = Math.max(1, ...this.counts);
    return html`<ol>
      ${[5, 4, 3, 2, 1].map((score) => {
        const count = this.counts[score - 1] ?? 0;
        return html`<li data-testid="score-bar-${score}">
          <span>${msg(str`${score} of 5`)}</span>
          <span class="track" aria-hidden="true"><span class="bar" data-share=${count / max}></span></span>
          <span class="count">${count}</span>
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'score-bars': ScoreBars;
  }
}
