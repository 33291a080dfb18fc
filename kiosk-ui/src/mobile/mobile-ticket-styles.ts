/** Styles of <mobile-ticket-page>: a phone held at arm's length in a bright hall. */
import { css } from 'lit';

export const mobileTicketStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--surface-alt);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 12px 16px;
    background: var(--surface);
    border-bottom: 1px solid var(--line);
  }
  .branch {
    font-size: 20px;
    font-weight: 800;
    color: var(--accent);
  }
  .offline {
    padding: 12px 16px;
    background: var(--warning-fill);
    color: #1f1300;
    font-size: 18px;
    font-weight: 700;
  }
  main {
    display: flex;
    flex-direction: column;
    gap: 16px;
    padding: 20px 16px 32px;
  }
  main.stale .card,
  main.stale .facts,
  main.stale .call {
    opacity: 0.45;
  }
  p {
    margin: 0;
  }
  .card {
    padding: 20px;
    border-radius: 16px;
    background: var(--surface);
    border: 1px solid var(--line);
    text-align: center;
  }
  .card.ended {
    color: var(--text-muted);
  }
  .label {
    font-size: 18px;
    color: var(--text-muted);
    font-weight: 600;
  }
  .ticket-number {
    font-size: 96px;
    line-height: 1.05;
    font-weight: 800;
    color: var(--accent);
  }
  .card.ended .ticket-number {
    color: var(--text-muted);
  }
  .service {
    font-size: 24px;
    font-weight: 700;
  }
  .facts {
    margin: 0;
    border-radius: 16px;
    background: var(--surface);
    border: 1px solid var(--line);
  }
  .facts div {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 14px 16px;
  }
  .facts div + div {
    border-top: 1px solid var(--line);
  }
  .facts dt {
    min-width: 0;
    font-size: 18px;
    color: var(--text-muted);
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
    font-size: 26px;
    font-weight: 800;
    line-height: 1.15;
    white-space: nowrap;
  }
  .call {
    padding: 28px 20px;
    border-radius: 16px;
    background: var(--accent);
    color: #fff;
    text-align: center;
  }
  .call-main {
    font-size: 40px;
    font-weight: 800;
    line-height: 1.2;
  }
  .call-second {
    margin-top: 8px;
    font-size: 22px;
    font-weight: 600;
  }
  .note {
    padding: 20px;
    border-radius: 16px;
    background: var(--surface);
    border: 1px solid var(--line);
  }
  .note h1 {
    margin: 0;
    font-size: 28px;
    line-height: 1.3;
  }
  .note p {
    margin-top: 10px;
    font-size: 19px;
    line-height: 1.5;
    color: var(--text-muted);
  }
  .hint,
  .loading {
    font-size: 19px;
    line-height: 1.5;
  }
  .taken {
    margin-top: 6px;
    font-size: 17px;
    color: var(--text-muted);
  }
  .facts .opening dd {
    white-space: normal;
    font-size: 21px;
    line-height: 1.35;
    color: var(--warning-text);
  }
  .moved {
    padding: 14px 16px;
    border-radius: 16px;
    background: var(--accent-soft);
    border: 2px solid var(--accent);
    font-size: 19px;
    font-weight: 700;
    line-height: 1.4;
  }
  .updated {
    font-size: 16px;
    color: var(--text-muted);
  }
`;
