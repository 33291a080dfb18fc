/** The work diary's page: two cards (the day's entry, the month's entries), large type and 48 px targets. */
import { css } from 'lit';

export const diaryPage = css`
  :host {
    display: block;
  }
  .page {
    max-width: 1232px;
    margin: 0 auto;
    display: grid;
    gap: 16px;
  }
  section.card {
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 12px;
    padding: 16px 20px;
    min-width: 0;
  }
  .section-head {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 8px 16px;
    justify-content: space-between;
  }
  h2 {
    margin: 0;
    font-size: 22px;
  }
  h3 {
    margin: 16px 0 8px;
    font-size: 18px;
  }
  .note {
    margin: 0 0 10px;
    color: var(--muted);
    line-height: 1.45;
  }
  .loading {
    color: var(--muted);
  }
  .error {
    padding: 10px 14px;
    border-radius: 10px;
    background: #fdecea;
    color: var(--alarm);
    font-weight: 600;
  }
  .empty {
    padding: 20px;
    border: 2px dashed var(--line);
    border-radius: 12px;
    color: var(--muted);
    font-size: 18px;
    text-align: center;
  }
  .month-picker {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .month-picker button {
    padding: 0;
    font-size: 24px;
  }
  .month-picker input {
    font: inherit;
    min-height: var(--target);
    padding: 0 10px;
    border: 1px solid var(--muted);
    border-radius: 8px;
    color: var(--text);
    background: var(--card);
  }
  .entries {
    display: grid;
    gap: 12px;
    margin-top: 12px;
  }
`;
