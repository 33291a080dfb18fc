/** Styles shared by <mobile-rating> and <mobile-survey>: cards like the ticket's, targets of 48 px and more. */
import { css } from 'lit';

export const mobileFeedbackStyles = css`
  :host {
    display: block;
  }
  section {
    padding: 20px 16px;
    border-radius: 16px;
    background: var(--surface);
    border: 1px solid var(--line);
  }
  h2 {
    margin: 0 0 12px;
    font-size: 22px;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  fieldset {
    border: 0;
    margin: 0 0 16px;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 8px;
    font-size: 18px;
    font-weight: 700;
    line-height: 1.35;
  }
  .scale {
    display: grid;
    /* minmax(0, …): five equal columns, however long a label is in the locale. */
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 6px;
  }
  .scale button {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    padding: 6px 1px;
    font-size: 14px;
    line-height: 1.2;
  }
  button,
  .scale label {
    font: inherit;
    min-height: 56px;
    border-radius: 12px;
    border: 2px solid var(--line);
    background: var(--surface);
    color: var(--text);
    cursor: pointer;
    touch-action: manipulation;
  }
  .scale label {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
    padding: 6px 2px;
    font-size: 14px;
    font-weight: 600;
    text-align: center;
  }
  .scale input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .scale input:checked + label,
  button[aria-pressed='true'] {
    border-color: var(--accent);
    background: var(--accent-soft);
  }
  .scale input:focus-visible + label,
  button:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .face {
    width: 40px;
    height: 40px;
    color: var(--accent);
  }
  .number {
    font-size: 20px;
    font-weight: 800;
  }
  .reasons {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 16px 0;
  }
  .reasons button {
    text-align: left;
    padding: 8px 16px;
    font-size: 18px;
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 96px;
    padding: 10px 12px;
    border: 2px solid var(--line);
    border-radius: 12px;
    font: inherit;
    font-size: 18px;
    color: var(--text);
  }
  .field-label {
    display: block;
    margin-bottom: 6px;
    font-size: 18px;
    font-weight: 700;
  }
  .send {
    width: 100%;
    margin-top: 16px;
    background: var(--accent);
    border-color: var(--accent);
    color: #ffffff;
    font-size: 20px;
    font-weight: 800;
  }
  .send:disabled {
    opacity: 0.5;
  }
  .thanks {
    font-size: 20px;
    font-weight: 700;
    color: var(--ok);
  }
  .error {
    margin-top: 12px;
    color: var(--alarm);
    font-weight: 700;
  }
`;
