/**
 * Styles of <ticket-screen>: the big on-screen ticket, and the paper ticket for an 80 mm thermal
 * roll, which is the only thing printed (the page's @page rule sets the paper size).
 */
import { css } from 'lit';

export const ticketScreenStyles = css`
  :host {
    display: block;
    height: 100%;
  }
  .screen {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 24px;
    height: 100%;
    padding: 48px 64px 48px;
    text-align: center;
  }
  p {
    margin: 0;
  }
  .your-number {
    font-size: 40px;
    font-weight: 700;
    color: var(--text-muted);
  }
  .ticket-number {
    font-size: 300px;
    line-height: 1;
    font-weight: 800;
    color: var(--accent);
  }
  .service {
    font-size: 52px;
    font-weight: 800;
    line-height: 1.2;
  }
  .service-second {
    margin-top: -12px;
    font-size: 30px;
    color: var(--text-muted);
  }
  .tier {
    display: inline-block;
    margin-left: 12px;
    padding: 4px 20px;
    border-radius: 999px;
    background: var(--accent);
    color: #fff;
    font-size: 34px;
    vertical-align: 6px;
  }
  .facts {
    width: 100%;
    margin: 12px 0 0;
    border-radius: var(--radius);
    background: var(--surface);
    border: 2px solid var(--line);
  }
  .facts div {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 24px;
    padding: 20px 36px;
  }
  .facts div + div {
    border-top: 2px solid var(--line);
  }
  .facts dt {
    font-size: 36px;
    color: var(--text-muted);
    font-weight: 600;
    text-align: left;
  }
  .facts dd {
    margin: 0;
    font-size: 64px;
    font-weight: 800;
    line-height: 1.1;
    white-space: nowrap;
  }
  .issued {
    font-size: 32px;
    color: var(--text-muted);
  }
  .qr-row {
    display: flex;
    align-items: center;
    gap: 40px;
    width: 100%;
    margin-top: 16px;
    padding: 24px;
    border-radius: var(--radius);
    background: var(--surface);
    border: 2px solid var(--line);
    text-align: left;
  }
  .qr {
    flex: none;
    width: 320px;
    height: 320px;
    background: #fff;
  }
  .qr-row p {
    font-size: 36px;
    line-height: 1.4;
  }
  .print-state {
    margin-top: auto;
    font-size: 40px;
    font-weight: 800;
    color: var(--ok);
  }
  .actions {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 24px;
    width: 100%;
  }
  .actions .button {
    min-height: 128px;
    font-size: 40px;
  }

  /* The paper ticket: 80 mm roll, about 72 mm printable; black on white for a thermal head.
     Hidden on screen, except off-screen while its length is measured (see paper-size.ts). */
  .paper {
    display: none;
    width: 72mm;
    margin: 0 auto;
    padding: 4mm 0 8mm;
    color: #000;
    background: #fff;
    text-align: center;
    font-size: 10pt;
    line-height: 1.3;
  }
  .paper.measuring {
    display: block;
    position: fixed;
    top: 0;
    left: -10000px;
    visibility: hidden;
  }
  .paper-branch {
    font-size: 13pt;
    font-weight: 700;
  }
  /* Notes and the English second lines at 10 pt at least: read by older customers, on thermal paper. */
  .paper-second {
    font-size: 10pt;
  }
  .paper-number {
    margin: 2mm 0 1mm;
    padding: 2mm 0;
    border-top: 0.4mm solid #000;
    border-bottom: 0.4mm solid #000;
    font-size: 44pt;
    font-weight: 800;
    line-height: 1;
  }
  .paper-service {
    font-size: 13pt;
    font-weight: 700;
  }
  .paper-facts {
    width: 100%;
    margin: 3mm 0;
    border-collapse: collapse;
    font-size: 10pt;
  }
  .paper-facts th {
    text-align: left;
    font-weight: 400;
    padding: 0.6mm 0;
  }
  .paper-facts td {
    text-align: right;
    font-weight: 700;
  }
  .paper-qr {
    display: block;
    width: 36mm;
    height: 36mm;
    margin: 1mm auto;
  }
  .paper-note {
    font-size: 10pt;
    margin-top: 1.5mm;
  }
  @media print {
    :host {
      height: auto;
    }
    .screen {
      display: none;
    }
    .paper {
      display: block;
    }
  }
`;
