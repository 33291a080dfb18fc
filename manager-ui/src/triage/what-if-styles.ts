/** The what-if panel's look: 48 px+ targets for a tablet held in one hand, chips that show what is chosen. */
import { css } from 'lit';

export const whatIfStyles = css`
  h2 {
    margin: 0;
    font-size: 24px;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 16px;
    color: var(--muted);
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-bottom: 12px;
  }
  .chips button {
    min-height: 52px;
    font-size: 18px;
    color: var(--text);
    border-color: var(--line);
  }
  .chips button[aria-pressed='true'],
  .chips button[aria-checked='true'] {
    background: #e3edf8;
    border-color: var(--accent);
    color: var(--accent);
  }
  .chips button[aria-pressed='true']::before,
  .chips button[aria-checked='true']::before {
    content: '✓ ';
  }
  .prefix {
    font-family: var(--digits);
    font-weight: 700;
  }
  .stepper {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-bottom: 6px;
  }
  .stepper button {
    min-width: 64px;
    min-height: 56px;
    font-size: 28px;
    padding: 0;
  }
  .count {
    min-width: 56px;
    text-align: center;
    font-size: 34px;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .of {
    color: var(--muted);
    font-size: 18px;
  }
  .hint {
    color: var(--muted);
    margin: 0 0 12px;
    line-height: 1.5;
  }
  .ticket {
    color: var(--text);
    margin-inline-start: 8px;
  }
  what-if-forecast-table {
    margin-bottom: 14px;
  }
  .footer {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .changed {
    flex: 1;
    color: var(--warn);
    font-weight: 600;
  }
  .footer button {
    min-height: 60px;
    font-size: 20px;
  }
  .footer .confirm {
    min-width: 220px;
  }
`;
