/** The console's shared look (docs/ui-conventions.md): bank blue accent, high contrast, 48 px touch targets. */
import { css } from 'lit';

export const tokens = css`
  :host {
    --accent: #0b4f9c;
    --accent-dark: #083a73;
    --text: #102a43;
    --muted: #486581;
    --line: #d9e2ec;
    --bg: #f4f6f8;
    --card: #ffffff;
    --ok: #17732f;
    --warn: #8f5300;
    --warn-fill: #ffb300;
    --alarm: #c62828;
    --target: 48px;
    --font: system-ui, 'Noto Sans CJK TC', 'Noto Sans CJK SC', sans-serif;
    --digits: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace;
    font-family: var(--font);
    color: var(--text);
  }
  .number {
    font-family: var(--digits);
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .stale {
    opacity: 0.45;
  }
`;

export const buttons = css`
  button {
    font: inherit;
    min-height: var(--target);
    min-width: var(--target);
    padding: 0 18px;
    border-radius: 10px;
    border: 2px solid var(--accent);
    background: var(--card);
    color: var(--accent);
    font-weight: 600;
    cursor: pointer;
    touch-action: manipulation;
  }
  button:focus-visible {
    outline: 3px solid var(--warn-fill);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    background: var(--accent-dark);
  }
  button.danger {
    border-color: var(--alarm);
    color: var(--alarm);
  }
  button.danger.primary {
    background: var(--alarm);
    color: #fff;
  }
  button:disabled {
    border-color: var(--line);
    /* Dim but still readable (about 4:1 on the page background). */
    color: #627d98;
    background: var(--bg);
    cursor: not-allowed;
  }
  kbd {
    font-family: var(--digits);
    font-size: 0.75em;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 5px;
    margin-inline-start: 8px;
    opacity: 0.8;
  }
`;
