/**
 * The admin page's look, on the console's tokens (docs/ui-conventions.md): bank blue as the one
 * accent, dark text on white, 48 px targets, red only for what cannot be undone.
 */
import { css } from 'lit';
import { buttons } from '../shell/styles.js';

export const adminTokens = css`
  :host {
    --accent: #0b4f9c;
    --accent-dark: #083a73;
    --accent-soft: #e6eef8;
    --text: #102a43;
    --muted: #486581;
    --line: #bcccdc;
    --bg: #f4f6f8;
    --card: #ffffff;
    --ok: #17732f;
    --warn: #8f5300;
    --alarm: #c62828;
    --target: 48px;
    --warn-fill: #ffb300;
    --digits: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace;
    display: block;
    color: var(--text);
    font-family: system-ui, 'Noto Sans CJK TC', 'Noto Sans CJK SC', sans-serif;
    font-size: 16px;
  }
  [hidden] {
    display: none !important;
  }
`;

/** Form controls; buttons come from the console's shared `buttons` styles. */
export const adminControls = [
  buttons,
  css`
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #ffb300;
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: var(--target);
    box-sizing: border-box;
    width: 100%;
    padding: 0 12px;
    border: 2px solid var(--line);
    border-radius: 8px;
    background: var(--card);
    color: var(--text);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--alarm);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field > .label {
    font-weight: 600;
    font-size: 15px;
  }
  .field > .hint {
    color: var(--muted);
    font-size: 14px;
  }
  .field > .problem {
    color: var(--alarm);
    font-size: 14px;
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: var(--target);
    font-weight: 600;
    cursor: pointer;
  }
  .check input {
    flex: none;
    width: 24px;
    height: 24px;
    min-height: 0;
    margin: 0;
    accent-color: var(--accent);
  }
  .number {
    font-family: var(--digits);
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  `,
];

/** A section: its records on the left, the form for one of them on the right. */
export const adminLayout = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 500px;
    gap: 20px;
    align-items: start;
  }
  /* Portrait tablets: the form goes under the list. */
  @media (max-width: 1000px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .list-head {
    min-height: var(--target);
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    margin-bottom: 12px;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 20px;
  }
  ul.records,
  ol.lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .record {
    box-sizing: border-box;
    width: 100%;
    min-height: 60px;
    display: grid;
    align-items: center;
    gap: 12px;
    padding: 8px 14px;
    text-align: start;
    border: 2px solid var(--line);
    border-radius: 10px;
    background: var(--card);
    color: var(--text);
    font-weight: 400;
  }
  .record[aria-current='true'] {
    border-color: var(--accent);
    box-shadow: inset 6px 0 0 var(--accent);
  }
  .record.inactive {
    background: var(--bg);
    color: var(--muted);
  }
  .record .main {
    font-weight: 700;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .record .sub {
    color: var(--muted);
    font-size: 14px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    border: 1.5px solid currentColor;
    font-size: 14px;
    font-weight: 600;
    white-space: nowrap;
  }
  .chip.ok {
    color: var(--ok);
  }
  .chip.off {
    color: var(--muted);
  }
  .chip.accent {
    color: var(--accent);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  form.panel,
  .panel {
    background: var(--card);
    border: 2px solid var(--line);
    border-radius: 12px;
    padding: 16px 18px;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .row2 {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    padding-top: 4px;
  }
  .actions .push {
    margin-inline-start: auto;
  }
  .refusal {
    border: 2px solid var(--alarm);
    border-radius: 10px;
    padding: 10px 14px;
    color: var(--alarm);
    background: #fff5f5;
  }
  .refusal strong {
    display: block;
  }
  .saved {
    color: var(--ok);
    font-weight: 700;
  }
  .empty {
    color: var(--muted);
    padding: 20px 0;
  }
  p.hint {
    color: var(--muted);
    font-size: 14px;
    margin: 0;
  }
`;

/** Everything a list-and-form section needs. */
export const sectionStyles = [adminTokens, adminControls, adminLayout];

/** A secret shown once (a device token, a webhook's signing secret): framed, and selected whole with one tap. */
export const secretStyles = css`
  .secret {
    border: 3px solid var(--accent);
    background: var(--accent-soft);
  }
  .secret code {
    display: block;
    font-family: var(--digits);
    font-size: 15px;
    word-break: break-all;
    background: var(--card);
    border: 2px solid var(--line);
    border-radius: 8px;
    padding: 10px 12px;
    user-select: all;
  }
`;
