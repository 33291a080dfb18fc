/** The look of the satisfaction tab's parts: cards, plain tables, bars per score. */
import { css } from 'lit';

export const satisfactionStyles = css`
  :host {
    display: block;
  }
  section.card {
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 12px;
    padding: 16px 20px;
    min-width: 0;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 20px;
  }
  h3 {
    margin: 16px 0 8px;
    font-size: 17px;
  }
  p.note,
  .empty {
    color: var(--muted);
    margin: 4px 0;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 32px;
    margin: 8px 0 12px;
  }
  .figure {
    display: flex;
    flex-direction: column;
  }
  .figure .value {
    font-size: 28px;
  }
  .figure .label {
    color: var(--muted);
    font-size: 15px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 8px 10px;
    border-bottom: 1px solid var(--line);
    font-size: 16px;
  }
  th {
    color: var(--muted);
    font-weight: 600;
  }
  th[scope='row'] {
    color: var(--text);
  }
  td.num,
  th.num {
    text-align: end;
    font-family: var(--digits);
    font-variant-numeric: tabular-nums;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
    gap: 8px 24px;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    padding: 8px 0;
    border-bottom: 1px solid var(--line);
  }
  .meta {
    color: var(--muted);
    font-size: 14px;
  }
  .error {
    color: var(--alarm);
    font-weight: 600;
  }
`;
