/** The face of a score, 1 (frown) to 5 (broad smile), as the counter display draws it. */
import { svg } from 'lit';

export const ratingFace = (score: number) => {
  const curve = (score - 3) * 9;
  return svg`<svg viewBox="0 0 100 100" aria-hidden="true" class="face">
    <circle cx="50" cy="50" r="45" fill="none" stroke="currentColor" stroke-width="7"></circle>
    <circle cx="34" cy="40" r="7" fill="currentColor"></circle>
    <circle cx="66" cy="40" r="7" fill="currentColor"></circle>
    <path d="M28 ${68 - curve / 2} Q50 ${68 + curve * 1.2} 72 ${68 - curve / 2}" fill="none" stroke="currentColor" stroke-width="8" stroke-linecap="round"></path>
  </svg>`;
};
