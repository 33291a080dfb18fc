/**
 * The flash of a new call, shared by the big area's calls: the accent colour blinks once a second.
 * With prefers-reduced-motion the call is drawn in the accent colour, steady, for as long as it
 * would flash: it still stands out, without blinking.
 */
import { css } from 'lit';

export const flashStyles = css`
  :host([flashing]),
  .flash {
    animation: flash 1s linear infinite;
  }
  @keyframes flash {
    0%,
    49.9% {
      background: var(--accent);
      color: #ffffff;
    }
    50%,
    100% {
      background: var(--surface);
      color: var(--text);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([flashing]),
    .flash {
      animation: none;
      background: var(--accent);
      color: #ffffff;
    }
  }
`;
