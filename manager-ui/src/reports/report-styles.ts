/** The look the reports and staffing pages share: a scrolling page of cards, plain tables, clear empty states. */
import { css } from 'lit';

export const reportPage = css`
  :host {
    display: block;
    overflow-y: auto;
    padding: 16px 24px 32px;
    box-sizing: border-box;
  }
  .page {
    max-width: 1232px;
    margin: 0 auto;
    display: grid;
    gap: 16px;
  }
  header.title {
    display: flex;
    align-items: flex-end;
    flex-wrap: wrap;
    gap: 8px 24px;
  }
  h1 {
    margin: 0;
    font-size: 26px;
  }
  .period {
    color: var(--muted);
    font-size: 17px;
  }
  section.card {
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 12px;
    padding: 16px 20px;
    min-width: 0;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 20px;
  }
  p.note {
    margin: 0 0 12px;
    color: var(--muted);
    line-height: 1.45;
  }
  .empty {
    padding: 20px;
    border: 2px dashed var(--line);
    border-radius: 12px;
    color: var(--muted);
    font-size: 18px;
    line-height: 1.5;
    text-align: center;
  }
  .error {
    padding: 12px 16px;
    border-radius: 10px;
    background: #fdecea;
    color: var(--alarm);
    font-weight: 600;
  }
  .loading {
    color: var(--muted);
    padding: 12px 0;
  }
  .refreshing {
    opacity: 0.45;
    transition: opacity 0.2s;
  }
`;

export const reportTable = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 16px;
  }
  th,
  td {
    padding: 8px 10px;
    border-bottom: 1px solid var(--line);
    text-align: end;
    white-space: nowrap;
  }
  th {
    color: var(--muted);
    font-weight: 600;
    font-size: 14px;
    vertical-align: bottom;
    white-space: normal;
    /* A service name such as 現金存取 stays on one line instead of breaking after any character. */
    word-break: keep-all;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  tbody tr:nth-child(even) {
    background: var(--bg);
  }
  tfoot td,
  tr.total td {
    font-weight: 700;
    border-top: 2px solid var(--line);
  }
  .prefix {
    font-family: var(--digits);
    color: var(--accent);
    font-weight: 700;
    margin-inline-end: 6px;
  }
  .dim {
    color: var(--muted);
  }
`;

export const reportForm = css`
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 12px 16px;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
    font-size: 15px;
    color: var(--muted);
  }
  input {
    font: inherit;
    font-size: 18px;
    min-height: var(--target);
    padding: 0 12px;
    border: 2px solid var(--line);
    border-radius: 10px;
    color: var(--text);
    background: var(--card);
    box-sizing: border-box;
  }
  input:focus {
    outline: none;
    border-color: var(--accent);
  }
  input[aria-invalid='true'] {
    border-color: var(--alarm);
  }
  .problem {
    flex-basis: 100%;
    color: var(--alarm);
    font-weight: 600;
    margin: 0;
  }
`;
