import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DiaryFigures } from '../../../../protocol/diary-routes.js';
import { localizedName } from '../../logic/locale.js';
import { getLocale } from '../../localization.js';
import { tokens } from '../../shell/styles.js';

/** Whole minutes of a wait, or a dash when nobody waited. */
const minutes = (seconds: number | null) => (seconds === null ? '–' : String(Math.round(seconds / 60)));
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/**
 * The day's figures at the top of a diary entry, read-only: they come from the hall's records
 * (tickets, diversions, complaints, referrals, faults), not from the manager's memory.
 */
@localized()
@customElement('diary-figures')
export class DiaryFiguresView extends LitElement {
  /** The figures to show; nothing while they load. */
  @property({ attribute: false }) figures: DiaryFigures | null = null;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px;
        margin: 0;
      }
      .tile {
        background: var(--bg);
        border-radius: 10px;
        padding: 8px 12px;
        display: flex;
        flex-direction: column-reverse;
        justify-content: flex-end;
      }
      dt {
        color: var(--muted);
        font-size: 15px;
        line-height: 1.3;
      }
      dd {
        margin: 0;
        font-size: 24px;
      }
      dd small {
        font-size: 15px;
        font-weight: 400;
        color: var(--muted);
        font-family: var(--font);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-top: 12px;
        font-size: 16px;
      }
      th,
      td {
        text-align: end;
        padding: 6px 8px;
        border-bottom: 1px solid var(--line);
      }
      th:first-child,
      td:first-child {
        text-align: start;
      }
      thead th {
        color: var(--muted);
        font-weight: 600;
        font-size: 14px;
      }
      td.number {
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const f = this.figures;
    if (!f) return html`<p>${msg('Loading…')}</p>`;
    const t = f.totals;
    const faults = f.faults.machines + f.faults.devices + f.faults.checkItems;
    return html`<dl class="tiles" data-testid="diary-figures">
        ${this._tile('served', msg('Customers served'), t.served)}
        ${this._tile('longest-wait', msg('Longest wait (min)'), minutes(t.longestWaitSeconds))}
        ${this._tile('mean-wait', msg('Mean wait (min)'), minutes(t.meanWaitSeconds))}
        ${this._tile('service-level', msg('Called within target'), percent(t.serviceLevel), t.called ? msg(str`of ${t.called}`) : undefined)}
        ${this._tile('diversions', msg('Sent to self-service'), f.diversions.fromQueue + f.diversions.beforeTicket)}
        ${this._tile('vip', msg('VIP customers'), f.vip.vipTickets, msg(str`${f.vip.registeredCustomers} registered`))}
        ${this._tile('complaints', msg('Complaints received'), f.complaints.received, msg(str`${f.complaints.closed} closed`))}
        ${this._tile('referrals', msg('Referrals made'), f.referrals)}
        ${this._tile('faults', msg('Equipment faults'), faults)}
      </dl>
      ${f.services.some((s) => s.called > 0 || s.served > 0) ? this._serviceTable(f) : nothing}`;
  }

  private _tile(id: string, label: string, value: string | number, detail?: string) {
    return html`<div class="tile" data-testid="figure-${id}">
      <dt>${label}</dt>
      <dd class="number">${value}${detail ? html` <small>${detail}</small>` : nothing}</dd>
    </div>`;
  }

  private _serviceTable(f: DiaryFigures) {
    const locale = getLocale();
    return html`<table data-testid="diary-services" aria-label=${msg('Figures by service')}>
      <thead>
        <tr>
          <th scope="col">${msg('Service')}</th>
          <th scope="col">${msg('Served')}</th>
          <th scope="col">${msg('Longest wait (min)')}</th>
          <th scope="col">${msg('Mean wait (min)')}</th>
          <th scope="col">${msg('Called within target')}</th>
        </tr>
      </thead>
      <tbody>
        ${f.services
          .filter((s) => s.called > 0 || s.served > 0)
          .map(
            (s) => html`<tr data-testid="diary-service-${s.prefix}">
              <th scope="row">${s.prefix} · ${localizedName(s.name, locale)}</th>
              <td class="number">${s.served}</td>
              <td class="number">${minutes(s.longestWaitSeconds)}</td>
              <td class="number">${minutes(s.meanWaitSeconds)}</td>
              <td class="number">${percent(s.serviceLevel)}</td>
            </tr>`,
          )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-figures': DiaryFiguresView;
  }
}
