/**
 * The look the records' forms and lists share (complaints, customers, referrals): labelled fields,
 * inputs at least 48 px tall, choice chips, a two-column row, errors, status and tier pills, empty
 * lists and the row of actions. Each record adds its own colours on top.
 */
import { css } from 'lit';

export const recordStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-bottom: 14px;
    font-weight: 600;
  }
  .hint {
    font-weight: 400;
    color: var(--muted);
    font-size: 14px;
  }
  input[type='text'],
  input[type='tel'],
  input[type='month'],
  input[type='search'],
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    min-height: var(--target);
    box-sizing: border-box;
    padding: 8px 12px;
    border: 2px solid var(--line);
    border-radius: 10px;
    background: var(--card);
    color: var(--text);
    width: 100%;
  }
  textarea {
    min-height: 88px;
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--warn-fill);
    outline-offset: 1px;
    border-color: var(--accent);
  }
  fieldset {
    border: none;
    margin: 0 0 14px;
    padding: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: 6px;
    padding: 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: var(--target);
    padding: 0 16px;
    border: 2px solid var(--line);
    border-radius: 24px;
    font-weight: 600;
    cursor: pointer;
    background: var(--card);
  }
  .chip input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .chip:has(input:checked) {
    border-color: var(--accent);
    background: var(--accent);
    color: #fff;
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--warn-fill);
    outline-offset: 2px;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 16px;
  }
  .error {
    color: var(--alarm);
    font-weight: 600;
    margin: 8px 0;
  }
  .status,
  .tier {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: 14px;
    font-weight: 700;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .empty {
    color: var(--muted);
    padding: 24px 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 12px;
    margin-top: 8px;
  }
`;
