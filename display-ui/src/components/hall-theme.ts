/** Colours and type shared by the display's elements (docs/ui-conventions.md, "Look"). */
import { css } from 'lit';

export const hallTheme = css`
  :host {
    --accent: #0b4f9c;
    --accent-soft: #e3edf8;
    --text: #102a43;
    --muted: #486581;
    --surface: #ffffff;
    --background: #f4f6f8;
    --line: #d9e2ec;
    --ok: #17732f;
    --warning: #8f5300;
    --warning-fill: #ffb300;
    --number-font: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace;
    color: var(--text);
  }
  .number {
    font-family: var(--number-font);
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .en {
    display: block;
    font-weight: 500;
    color: var(--muted);
  }
  /* Data that may be out of date while the socket reconnects. */
  .stale {
    opacity: 0.45;
  }
`;
