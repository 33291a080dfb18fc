/** The look of the checks page: big OK / Fault toggles (green, red), a note under a fault. */
import { css } from 'lit';

export const hallChecksStyles = css`
  :host {
    display: block;
    max-width: 980px;
  }
  .kinds {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    margin-bottom: 12px;
  }
  .kinds button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  .kinds small {
    display: block;
    font-weight: 400;
    font-size: 14px;
  }
  .status {
    margin: 0 0 12px;
    color: var(--muted);
  }
  .status.done {
    color: var(--ok);
    font-weight: 600;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 6px 12px;
    align-items: center;
    padding: 8px 12px;
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 10px;
  }
  li.problem {
    border: 2px solid var(--alarm);
  }
  .item {
    font-size: 18px;
    font-weight: 600;
  }
  .item small {
    display: block;
    font-weight: 400;
    font-size: 14px;
    color: var(--muted);
  }
  .toggle {
    display: flex;
    gap: 6px;
  }
  .toggle button {
    min-width: 96px;
  }
  .toggle .ok[aria-pressed='true'] {
    background: var(--ok);
    border-color: var(--ok);
    color: #fff;
  }
  .toggle .fault[aria-pressed='true'] {
    background: var(--alarm);
    border-color: var(--alarm);
    color: #fff;
  }
  label.note {
    grid-column: 1 / -1;
    display: grid;
    gap: 4px;
    font-size: 15px;
    color: var(--muted);
  }
  label.note input {
    font: inherit;
    color: var(--text);
    min-height: var(--target);
    padding: 0 12px;
    border: 2px solid var(--line);
    border-radius: 8px;
  }
  .problem-text {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--alarm);
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: 10px;
    flex-wrap: wrap;
    margin: 12px 0 24px;
  }
  .error {
    color: var(--alarm);
    font-weight: 600;
  }
`;
