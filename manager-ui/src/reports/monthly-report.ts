import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, render, unsafeCSS, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { monthlyReportRoutes, type MonthGlance, type MonthlyReport, type MonthlyReportText } from '../../../protocol/monthly-report-routes.js';
import type { ComplaintCategory, ComplaintStatus, ReferralStatus } from '../../../protocol/record-kinds.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../app-context.js';
import { getLocale } from '../localization.js';
import { localizedName } from '../logic/locale.js';
import { RequestController } from '../shell/request-controller.js';
import { buttons, tokens } from '../shell/styles.js';
import { hourRangeLabel, minutesText, percentText } from './report-format.js';
import './monthly-report-list.js';
import { businessDayAt } from './report-period.js';

/** The month the hash asks for (#/reports/monthly?month=YYYY-MM), if any. */
export function monthFromHash(hash: string): string | null {
  const match = /[?&]month=(\d{4}-(0[1-9]|1[0-2]))(&|$)/.exec(hash);
  return match ? match[1]! : null;
}

/** The month before the one `day` (YYYY-MM-DD) falls in. */
export function monthBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * Styles of the report document, shared by the screen (in the shadow root) and the printed copy
 * (in the page's own document, where `@page` rules apply). Classes start with `mr-`.
 */
const DOCUMENT_CSS = `
  .mr-doc { font-family: system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif; color: #111; line-height: 1.45; }
  .mr-doc h1 { font-size: 24px; margin: 0 0 4px; }
  .mr-doc h2 { font-size: 19px; margin: 0 0 10px; border-bottom: 2px solid #0b4f9c; padding-bottom: 4px; }
  .mr-doc .mr-sub { color: #444; margin: 0 0 12px; }
  .mr-doc table { border-collapse: collapse; width: 100%; font-size: 14px; }
  .mr-doc th, .mr-doc td { border-bottom: 1px solid #ccc; padding: 5px 6px; text-align: left; vertical-align: top; }
  .mr-doc td:first-child { white-space: nowrap; }
  .mr-doc td.num, .mr-doc th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .mr-doc .mr-up { color: #0a6b2d; }
  .mr-doc .mr-down { color: #a11; }
  .mr-doc .mr-flat { color: #555; }
  .mr-doc .mr-section { margin: 0 0 28px; }
  .mr-doc .mr-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 12px; min-height: 1.4em; }
  .mr-doc h3 { font-size: 16px; margin: 12px 0 4px; }
  .mr-doc .mr-empty { color: #555; font-style: italic; }
  .mr-doc .mr-footer { display: none; }
`;

/** Print: A4, one section per page at least, the branch and month in the running header, page numbers below. */
const printCss = (header: string, pageWord: string) => {
  const quoted = JSON.stringify(header);
  return `
  #monthly-report-print { display: none; }
  @media print {
    @page { size: A4; margin: 22mm 16mm 20mm 16mm;
      @top-left { content: ${quoted}; font: 10pt system-ui, sans-serif; color: #444; }
      @bottom-right { content: ${JSON.stringify(pageWord + ' ')} counter(page) " / " counter(pages); font: 10pt system-ui, sans-serif; color: #444; }
    }
    html.monthly-report-printing body > *:not(#monthly-report-print) { display: none !important; }
    html.monthly-report-printing #monthly-report-print { display: block; }
    #monthly-report-print .mr-section { break-before: page; break-inside: auto; margin: 0; }
    #monthly-report-print .mr-section:first-of-type { break-before: auto; }
    #monthly-report-print tr, #monthly-report-print h2, #monthly-report-print h3 { break-inside: avoid; break-after: avoid-page; }
    #monthly-report-print table { font-size: 11pt; }
  }
  ${DOCUMENT_CSS}`;
};

type Direction = 'up' | 'down' | 'flat';

/**
 * The monthly report (定期報告) for the branch head, at #/reports/monthly?month=YYYY-MM (last month
 * by default): the month against the month before, the busiest hours and days with the counters
 * Erlang C suggests, complaints and how each was settled, referrals, equipment faults, and the
 * manager's own words, editable while a draft. "Print / Save as PDF" prints an A4 document: the
 * element keeps a copy of the report in the page's own document, which is all that prints while
 * the report is open.
 */
@localized()
@customElement('monthly-report')
export class MonthlyReportElement extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _month = '';
  @state() private _report: MonthlyReport | null = null;
  @state() private _text: MonthlyReportText | null = null;
  @state() private _saved = '';
  /** Moves on each save or submit here: the list of saved reports reads itself again. */
  @state() private _listVersion = 0;

  private _requests = new RequestController(this, 'latest');
  private _actions = new RequestController(this, 'one-at-a-time');
  private _printRoot: HTMLElement | null = null;
  /** A constructed sheet, adopted by the page's document: the console's CSP allows no <style> elements. */
  private _printSheet: CSSStyleSheet | null = null;

  static override styles = [
    tokens,
    buttons,
    unsafeCSS(DOCUMENT_CSS),
    css`
      :host { display: block; }
      .bar { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 0 0 16px; }
      .bar label { display: flex; gap: 8px; align-items: center; font-size: 16px; }
      .bar input { font: inherit; min-height: 44px; padding: 0 8px; }
      .mr-doc { background: #fff; padding: 20px 24px; border-radius: 8px; box-shadow: 0 1px 3px #0002; max-width: 900px; }
      textarea { width: 100%; box-sizing: border-box; min-height: 110px; font: inherit; font-size: 15px; padding: 8px; }
      .status { font-weight: 600; }
      .error { color: #a11; margin: 8px 0; }
      .saved { color: #0a6b2d; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHashChange);
    document.documentElement.classList.add('monthly-report-printing');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this._onHashChange);
    document.documentElement.classList.remove('monthly-report-printing');
    this._printRoot?.remove();
    const sheet = this._printSheet;
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    this._printRoot = null;
    this._printSheet = null;
  }

  private _onHashChange = () => {
    const month = monthFromHash(location.hash);
    if (month && month !== this._month) void this._load(month);
  };

  override willUpdate() {
    const branch = this._live.snapshot?.branch;
    if (!this._month && branch) {
      const today = businessDayAt(Date.now() + this._live.serverOffsetMs, branch.timeZone);
      void this._load(monthFromHash(location.hash) ?? monthBefore(today));
    }
  }

  override updated() {
    this._renderPrintCopy();
  }

  override render() {
    const report = this._report;
    const error = this._requests.error || this._actions.error;
    return html`<monthly-report-list
        branchId=${this._live.snapshot?.branch.id ?? ''}
        month=${this._month}
        changed=${this._listVersion}
      ></monthly-report-list>
      <div class="bar">
        <label>${msg('Month')} <input type="month" data-testid="monthly-month" .value=${this._month} @change=${this._onMonth} /></label>
        ${report
          ? html`<span class="status" data-testid="monthly-status">${this._statusText(report.status)}</span>
              ${report.status !== 'submitted'
                ? html`<button type="button" data-testid="monthly-save" ?disabled=${this._actions.busy} @click=${this._onSave}>${msg('Save draft')}</button>
                    <button type="button" data-testid="monthly-submit" ?disabled=${this._actions.busy} @click=${this._onSubmit}>${msg('Submit')}</button>`
                : nothing}
              <button type="button" data-testid="monthly-print" @click=${() => window.print()}>${msg('Print / Save as PDF')}</button>
              ${this._saved ? html`<span class="saved" role="status">${this._saved}</span>` : nothing}`
          : nothing}
      </div>
      ${error ? html`<div class="error" role="alert" data-testid="monthly-error">${error}</div>` : nothing}
      ${report ? this._document(report, report.status !== 'submitted') : this._requests.busy ? html`<div>${msg('Loading…')}</div>` : nothing}`;
  }

  /** The report itself: editable text while a draft (on screen), text once submitted (and always in print). */
  private _document(report: MonthlyReport, editable: boolean): TemplateResult {
    const branchName = this._branchName(report);
    const text = this._text ?? report.text;
    return html`<article class="mr-doc" data-testid="monthly-document">
      <section class="mr-section" data-testid="monthly-glance">
        <h1>${msg(str`Monthly report ${report.month}`)}</h1>
        <p class="mr-sub">${branchName} · ${msg(str`${report.current.from} to ${report.current.to}, against ${report.previousMonth}`)}${report.submittedAt
            ? html` · ${msg(str`submitted ${report.submittedAt.slice(0, 10)} by ${report.authorName ?? ''}`)}`
            : nothing}</p>
        <h2>${msg('The month at a glance')}</h2>
        ${this._glance(report.current, report.previous)}
      </section>
      <section class="mr-section" data-testid="monthly-busiest">
        <h2>${msg('Busiest hours and days')}</h2>
        <p class="mr-sub">${msg(
          str`Counters suggested by Erlang C so that ${percentText(report.staffingTarget.serviceLevel)} are called within ${minutesText(report.staffingTarget.targetSeconds)} minutes.`,
        )}</p>
        ${report.busiestHours.length === 0
          ? html`<p class="mr-empty">${msg('No tickets this month.')}</p>`
          : html`<table>
              <thead><tr><th>${msg('Hour')}</th><th class="num">${msg('Tickets')}</th><th class="num">${msg('Per day')}</th><th class="num">${msg('Mean wait (min)')}</th><th class="num">${msg('Called within target')}</th><th class="num">${msg('Counters suggested')}</th></tr></thead>
              <tbody>${report.busiestHours.map(
                (h) => html`<tr data-testid="busy-hour">
                  <td>${hourRangeLabel(Number(h.hour))}</td><td class="num">${h.issued}</td><td class="num">${h.arrivalsPerHour}</td>
                  <td class="num">${h.meanWaitSeconds === null ? '—' : minutesText(h.meanWaitSeconds)}</td>
                  <td class="num">${h.serviceLevel === null ? '—' : percentText(h.serviceLevel)}</td>
                  <td class="num" data-testid="busy-hour-counters">${h.suggestedCounters ?? '—'}</td>
                </tr>`,
              )}</tbody>
            </table>
            <h3>${msg('Busiest days')}</h3>
            <table>
              <thead><tr><th>${msg('Day')}</th><th class="num">${msg('Tickets')}</th><th class="num">${msg('Served')}</th><th class="num">${msg('Mean wait (min)')}</th><th class="num">${msg('Called within target')}</th></tr></thead>
              <tbody>${report.busiestDays.map(
                (d) => html`<tr>
                  <td>${d.day}</td><td class="num">${d.issued}</td><td class="num">${d.served}</td>
                  <td class="num">${d.meanWaitSeconds === null ? '—' : minutesText(d.meanWaitSeconds)}</td>
                  <td class="num">${d.serviceLevel === null ? '—' : percentText(d.serviceLevel)}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      </section>
      <section class="mr-section" data-testid="monthly-complaints">
        <h2>${msg('Complaints and how each was settled')}</h2>
        ${report.complaints.length === 0
          ? html`<p class="mr-empty">${msg('No complaints this month.')}</p>`
          : html`<table>
              <thead><tr><th>${msg('Received')}</th><th>${msg('Category')}</th><th>${msg('Status')}</th><th>${msg('Replied')}</th><th>${msg('Outcome')}</th></tr></thead>
              <tbody>${report.complaints.map(
                (c) => html`<tr data-testid="monthly-complaint">
                  <td>${this._day(c.receivedAt)}</td><td>${this._categoryText(c.category)}</td><td>${this._complaintStatusText(c.status)}</td>
                  <td>${c.repliedAt === null ? '—' : c.repliedAt <= c.replyDueAt ? msg('in time') : msg('late')}</td>
                  <td>${c.outcome ?? '—'}</td>
                </tr>`,
              )}</tbody>
            </table>`}
      </section>
      <section class="mr-section" data-testid="monthly-referrals">
        <h2>${msg('Referrals and their outcomes')}</h2>
        <table>
          <thead><tr><th>${msg('Outcome')}</th><th class="num">${msg('Referrals')}</th></tr></thead>
          <tbody>
            ${report.referrals.byOutcome.map((r) => html`<tr><td>${this._referralText(r.status)}</td><td class="num">${r.referrals}</td></tr>`)}
            <tr><th>${msg('Made this month')}</th><th class="num" data-testid="monthly-referrals-made">${report.referrals.made}</th></tr>
          </tbody>
        </table>
      </section>
      <section class="mr-section" data-testid="monthly-faults">
        <h2>${msg('Equipment faults')}</h2>
        <table>
          <tbody>
            <tr><td>${msg('Self-service machines found faulty')}</td><td class="num">${report.faults.machines}</td></tr>
            <tr><td>${msg('Kiosk print failures and paper outs')}</td><td class="num">${report.faults.devices}</td></tr>
            <tr><td>${msg('Faulty items in the opening and closing checks')}</td><td class="num">${report.faults.checkItems}</td></tr>
          </tbody>
        </table>
      </section>
      <section class="mr-section" data-testid="monthly-text">
        <h2>${msg('The lobby manager’s report')}</h2>
        ${report.prefilled && editable ? html`<p class="mr-sub">${msg('Prefilled from this month’s diary notes: edit before you submit.')}</p>` : nothing}
        ${this._textField('customerNeeds', msg('Customer needs'), text, editable)}
        ${this._textField('opinions', msg('Customers’ opinions of our products and service'), text, editable)}
        ${this._textField('marketInfo', msg('Market information'), text, editable)}
        ${this._textField('proposals', msg('Proposals'), text, editable)}
      </section>
    </article>`;
  }

  private _textField(field: keyof MonthlyReportText, label: string, text: MonthlyReportText, editable: boolean) {
    return html`<h3>${label}</h3>
      ${editable
        ? html`<textarea data-testid="monthly-${field}" aria-label=${label} maxlength="8000" .value=${text[field]} @input=${(e: Event) => this._onText(field, (e.target as HTMLTextAreaElement).value)}></textarea>`
        : html`<p class="mr-text" data-testid="monthly-${field}-text">${text[field] || '—'}</p>`}`;
  }

  private _glance(current: MonthGlance, previous: MonthGlance) {
    const minutes = (s: number | null) => (s === null ? '—' : minutesText(s));
    const share = (s: number | null) => (s === null ? '—' : percentText(s));
    const rating = (s: number | null) => (s === null ? '—' : s.toFixed(2));
    // better: which direction is good news (waits and no-shows are better down).
    const rows: [string, string, number | null, number | null, (v: number | null) => string, 'up' | 'down', boolean][] = [
      ['served', msg('Served'), current.served, previous.served, (v) => String(v ?? 0), 'up', false],
      ['mean-wait', msg('Mean wait (min)'), current.meanWaitSeconds, previous.meanWaitSeconds, minutes, 'down', false],
      ['p90-wait', msg('90% waited at most (min)'), current.p90WaitSeconds, previous.p90WaitSeconds, minutes, 'down', false],
      ['service-level', msg('Called within target'), current.serviceLevel, previous.serviceLevel, share, 'up', true],
      ['no-shows', msg('No-shows'), current.noShows, previous.noShows, (v) => String(v ?? 0), 'down', false],
      ['diversions', msg('Sent to self-service'), current.diversions, previous.diversions, (v) => String(v ?? 0), 'up', false],
      ['mean-rating', msg('Mean rating (1–5)'), current.meanRating, previous.meanRating, rating, 'up', false],
      ['rated-share', msg('Served customers who rated'), current.ratedShare, previous.ratedShare, share, 'up', true],
      ['complaints', msg('Complaints received'), current.complaintsReceived, previous.complaintsReceived, (v) => String(v ?? 0), 'down', false],
      ['complaints-in-time', msg('Complaints replied in time'), current.complaintsRepliedInTime, previous.complaintsRepliedInTime, (v) => String(v ?? 0), 'up', false],
    ];
    return html`<table>
      <thead><tr><th>${msg('Figure')}</th><th class="num">${msg('This month')}</th><th class="num">${msg('Previous month')}</th><th class="num">${msg('Change')}</th></tr></thead>
      <tbody>${rows.map(([key, label, now, before, format, better, isShare]) => {
        const change = this._change(now, before, isShare);
        const good = change.direction === 'flat' ? 'mr-flat' : change.direction === better ? 'mr-up' : 'mr-down';
        return html`<tr data-testid="glance-${key}">
          <td>${label}</td><td class="num" data-testid="glance-${key}-now">${format(now)}</td><td class="num">${format(before)}</td>
          <td class="num ${good}">${change.text}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }

  /** ▲/▼ and the change: in percent of the previous month, or in percentage points for a share. */
  private _change(now: number | null, before: number | null, isShare: boolean): { direction: Direction; text: string } {
    if (now === null || before === null) return { direction: 'flat', text: '—' };
    const direction: Direction = now > before ? 'up' : now < before ? 'down' : 'flat';
    const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝';
    if (isShare) {
      const points = Math.round((now - before) * 1000) / 10;
      return { direction, text: `${arrow} ${points > 0 ? '+' : ''}${points.toFixed(1)} ${msg('pts')}` };
    }
    if (before === 0) return { direction, text: direction === 'flat' ? '＝ 0%' : `${arrow} ${msg('new')}` };
    const percent = Math.round(((now - before) / before) * 1000) / 10;
    return { direction, text: `${arrow} ${percent > 0 ? '+' : ''}${percent.toFixed(1)}%` };
  }

  /** Keeps the printed copy in the page's own document, where `@page` applies and the console's chrome can be hidden. */
  private _renderPrintCopy() {
    const report = this._report;
    if (!report || !this.isConnected) return;
    if (!this._printRoot) {
      this._printRoot = document.createElement('div');
      this._printRoot.id = 'monthly-report-print';
      document.body.append(this._printRoot);
      this._printSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this._printSheet];
    }
    this._printSheet!.replaceSync(printCss(`${this._branchName(report)} · ${msg(str`Monthly report ${report.month}`)}`, msg('Page')));
    render(this._document(report, false), this._printRoot);
  }

  /** The branch's calendar day of an instant. */
  private _day(at: string): string {
    const timeZone = this._live.snapshot?.branch.timeZone;
    return timeZone ? businessDayAt(Date.parse(at), timeZone) : at.slice(0, 10);
  }

  private _branchName(report: MonthlyReport): string {
    return localizedName(report.branchName, getLocale());
  }

  private _onMonth(event: Event) {
    const month = (event.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    history.replaceState(null, '', `#/reports/monthly?month=${month}`);
    void this._load(month);
  }

  private _onText(field: keyof MonthlyReportText, value: string) {
    this._text = { ...(this._text ?? this._report!.text), [field]: value };
    this._saved = '';
  }

  private async _load(month: string) {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId) return;
    this._month = month;
    this._saved = '';
    const outcome = await this._requests.run(() => this._api.call(monthlyReportRoutes.report, { branchId, month }));
    if (outcome.status === 'done') {
      this._report = outcome.value;
      this._text = outcome.value.text;
    } else if (outcome.status === 'failed') {
      this._report = null;
      this._text = null;
    }
  }

  private async _save(): Promise<boolean> {
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId || !this._report || !this._text) return false;
    const month = this._month;
    const text = this._text;
    const outcome = await this._actions.run(() => this._api.call(monthlyReportRoutes.save, { branchId, month }, text));
    return outcome.status === 'done';
  }

  private async _onSave() {
    if (await this._save()) {
      await this._load(this._month);
      this._saved = msg('Draft saved.');
      this._listVersion++;
    }
  }

  private async _onSubmit() {
    if (!confirm(msg('Submit the report to the branch head? It cannot be changed afterwards.'))) return;
    const branchId = this._live.snapshot?.branch.id;
    if (!branchId || !(await this._save())) return;
    const month = this._month;
    const outcome = await this._actions.run(() => this._api.call(monthlyReportRoutes.submit, { branchId, month }));
    if (outcome.status === 'done') {
      await this._load(month);
      this._saved = msg('Submitted to the branch head.');
      this._listVersion++;
    }
  }

  private _statusText(status: MonthlyReport['status']): string {
    if (status === 'submitted') return msg('Submitted');
    if (status === 'draft') return msg('Draft');
    return msg('Not saved yet');
  }

  private _categoryText(category: ComplaintCategory): string {
    const names: Record<ComplaintCategory, string> = {
      waiting_time: msg('Waiting time'),
      staff_attitude: msg('Staff attitude'),
      product: msg('Product'),
      fees: msg('Fees'),
      equipment: msg('Equipment'),
      environment: msg('Environment'),
      other: msg('Other'),
    };
    return names[category];
  }

  private _complaintStatusText(status: ComplaintStatus): string {
    const names: Record<ComplaintStatus, string> = { open: msg('Open'), replied: msg('Replied'), closed: msg('Closed'), reopened: msg('Reopened') };
    return names[status];
  }

  private _referralText(status: ReferralStatus): string {
    const names: Record<ReferralStatus, string> = { referred: msg('Referred'), contacted: msg('Contacted'), converted: msg('Converted'), declined: msg('Declined') };
    return names[status];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'monthly-report': MonthlyReportElement;
  }
}
