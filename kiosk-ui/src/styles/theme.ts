/** The kiosk's look (docs/ui-conventions.md): bright hall, high contrast, one accent, big touch targets. */
import { css } from 'lit';

export const theme = css`
  :host {
    --accent: #0b4f9c;
    --accent-dark: #083b75;
    --accent-soft: #e6eef8;
    --text: #102a43;
    --text-muted: #3e5570;
    --surface: #ffffff;
    --surface-alt: #f4f6f8;
    --line: #c5d1de;
    --ok: #17732f;
    --warning-text: #8f5300;
    --warning-fill: #ffb300;
    --alarm: #c62828;
    --number-font: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace;
    --radius: 20px;
    color: var(--text);
    font-family: inherit;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 4px solid var(--accent);
    outline-offset: 4px;
  }
  /* Kiosk buttons: at least 96 px tall with 24 px+ labels (SCREENS.md). */
  .button {
    min-height: 96px;
    padding: 16px 36px;
    border-radius: var(--radius);
    font-size: 34px;
    font-weight: 700;
    line-height: 1.2;
    border: 3px solid var(--accent);
    background: var(--surface);
    color: var(--accent);
  }
  .button.primary {
    background: var(--accent);
    color: #fff;
  }
  .button:active {
    transform: scale(0.98);
  }
  .button.primary:active {
    background: var(--accent-dark);
  }
  .button:disabled {
    border-color: var(--line);
    background: var(--surface-alt);
    color: #6b7f95;
    cursor: default;
    transform: none;
  }
  .number {
    font-family: var(--number-font);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
