import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiClient, type Branch, type QueueSummary, type Service, type Ticket } from '../../../protocol/index.js';
import { deviceHealthRoutes, type PrintFailureBody } from '../../../protocol/device-health-routes.js';
import { browserStorage } from '../logic/browser-storage.js';
import { rememberedDevice } from '../logic/device-config.js';
import { issuedClockTime, issuedDateTime } from '../logic/issued-time.js';
import { isChinese, nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { paperLengthMm, pageRule } from '../logic/paper-size.js';
import { mobileTicketUrl, qrCodeDataUrl } from '../logic/ticket-link.js';
import { formatWait } from '../logic/wait-format.js';
import { openingText } from '../logic/opening-text.js';
import { openingOf, waitIsPromise } from '../logic/service-opening.js';
import { theme } from '../styles/theme.js';
import { ticketScreenStyles } from './ticket-screen-styles.js';

/** `unprinted`: printing failed; the screen stays calm and asks the customer to note the number. */
type PrintState = 'preparing' | 'printing' | 'printed' | 'unprinted';

/** The page's @page rule, in a constructed stylesheet: the Content-Security-Policy refuses a new <style>. */
const paperSize = new CSSStyleSheet();

/** "Printing…" stays up at least this long: with --kiosk-printing, print() returns before the paper is out. */
const PRINTING_MESSAGE_MS = 3000;

/**
 * A print with no `afterprint` within this long has not happened (printer off, paper jam). Automated
 * Chromium never sends `afterprint`, so it does not watch (a test turns it back on).
 */
const AFTERPRINT_WAIT_MS = 8000;

/** Tells the lobby manager (POST …/devices/print-failure) with the kiosk's own token; a lost report is not retried. */
function reportToServer(report: PrintFailureBody): void {
  const device = rememberedDevice(browserStorage());
  if (!device) return;
  void new ApiClient({ token: device.token }).call(deviceHealthRoutes.printFailure, { branchId: device.branchId }, report).catch(() => undefined);
}

/**
 * The issued ticket: the number in huge type, people ahead, the estimate, the time, and a QR code
 * for the mobile page. It prints itself once (80 mm thermal roll, print stylesheet) and offers Reprint.
 *
 * @fires back-to-start - the customer tapped Done.
 */
@localized()
@customElement('ticket-screen')
export class TicketScreen extends LitElement {
  /** The ticket as the server issued it (with `position` and `estimatedWaitSeconds`). */
  @property({ attribute: false }) ticket: Ticket | null = null;

  @property({ attribute: false }) service: Service | null = null;

  /** The branch: its name, and its time zone for the issue time. */
  @property({ attribute: false }) branch: Branch | null = null;

  /** The service's queue summary: when no counter serves it yet, the ticket says when service starts instead of minutes. */
  @property({ attribute: false }) queue: QueueSummary | null = null;

  /**
   * Whether the tier is said next to the service; false for a VIP ticket of the VIP banking service,
   * whose name says it already (no "貴賓服務 · 貴賓").
   */
  @property({ type: Boolean }) showTier = true;

  @property() locale: KioskLocale = 'en';

  /** Prints the page; replaceable so a test can count prints. */
  @property({ attribute: false }) printPage: () => void = () => window.print();

  /** Reports a failed print to the server; replaceable for tests. */
  @property({ attribute: false }) reportPrintFailure: (report: PrintFailureBody) => void = reportToServer;

  /** How long to wait for `afterprint` before reporting a failure; 0 does not watch. */
  @property({ type: Number }) afterprintWaitMs = navigator.webdriver ? 0 : AFTERPRINT_WAIT_MS;

  @state() private _qrDataUrl: string | null = null;
  @state() private _printState: PrintState = 'preparing';

  static override styles = [theme, ticketScreenStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ticket') && this.ticket) {
      this._qrDataUrl = null;
      this._printState = 'preparing';
      void this._prepareAndPrint(this.ticket);
    }
  }

  override render() {
    const { ticket, service, branch } = this;
    if (!ticket || !service || !branch) return nothing;
    const serviceName = nameIn(service.name, this.locale);
    const ahead = ticket.position ?? 0;
    const wait = this._waitText(ticket);
    return html`
      <section class="screen">
        <p class="your-number">${msg('Your number')}</p>
        <p class="ticket-number number" data-testid="ticket-number">${ticket.number}</p>
        <p class="service">
          ${serviceName}
          ${this._tierShown(ticket) ? html`<span class="tier">${this._tierLabel(ticket)}</span>` : nothing}
        </p>
        ${isChinese(this.locale) ? html`<p class="service-second" lang="en">${service.name.en}</p>` : nothing}
        <dl class="facts">
          <div>
            <dt>${msg('People ahead of you')}</dt>
            <dd class="number" data-testid="ticket-ahead">${ahead}</dd>
          </div>
          <div>
            <dt>${msg('Estimated wait')}</dt>
            <dd data-testid="ticket-wait">${wait}</dd>
          </div>
        </dl>
        <p class="issued">
          ${msg('Issued')} <span class="number">${issuedClockTime(ticket.issuedAt, branch.timeZone)}</span> ·
          ${nameIn(branch.name, this.locale)}
        </p>
        <div class="qr-row">
          ${this._qrDataUrl
            ? html`<img class="qr" data-testid="ticket-qr" src=${this._qrDataUrl} alt=${msg('QR code for your ticket')} />`
            : html`<div class="qr"></div>`}
          <p>${msg('Scan with your phone to follow your turn. We will show you when you are called.')}</p>
        </div>
        <p class="print-state" role="status" data-testid="print-state">
          ${this._printMessage()}
        </p>
        <div class="actions">
          <button type="button" class="button" data-testid="reprint" ?disabled=${this._printState === 'preparing' || this._printState === 'printing'} @click=${this._onReprint}>
            ${msg('Reprint')}
          </button>
          <button type="button" class="button primary" data-testid="done" @click=${this._onDone}>${msg('Done')}</button>
        </div>
      </section>
      ${this._renderPrintTicket(ticket, serviceName, branch, ahead, wait)}
    `;
  }

  /** The paper ticket: hidden on screen, the only thing printed (see ticket-screen-styles.ts). */
  private _renderPrintTicket(ticket: Ticket, serviceName: string, branch: Branch, ahead: number, wait: string) {
    const second = isChinese(this.locale);
    return html`<section class="paper" aria-hidden="true">
      <p class="paper-branch">${nameIn(branch.name, this.locale)}</p>
      ${second ? html`<p class="paper-second">${branch.name.en}</p>` : nothing}
      <p class="paper-number number">${ticket.number}</p>
      <p class="paper-service">${serviceName}${this._tierShown(ticket) ? html` · ${this._tierLabel(ticket)}` : nothing}</p>
      ${second ? html`<p class="paper-second">${this.service?.name.en}</p>` : nothing}
      <table class="paper-facts">
        <tr>
          <th>${msg('People ahead of you')}</th>
          <td class="number">${ahead}</td>
        </tr>
        <tr>
          <th>${msg('Estimated wait')}</th>
          <td>${wait}</td>
        </tr>
        <tr>
          <th>${msg('Issued')}</th>
          <td class="number">${issuedDateTime(ticket.issuedAt, branch.timeZone)}</td>
        </tr>
      </table>
      ${this._qrDataUrl ? html`<img class="paper-qr" src=${this._qrDataUrl} alt="" />` : nothing}
      <p class="paper-note">${msg('Scan to follow your turn on your phone.')}</p>
      <p class="paper-note">${msg('Please listen for your number. If you miss your call, please ask our staff.')}</p>
    </section>`;
  }

  private _printMessage(): string {
    if (this._printState === 'printed') return msg('Please take your printed ticket.');
    if (this._printState === 'unprinted') return msg('Please remember your number, or scan the code with your phone.');
    return msg('Printing…');
  }

  /**
   * Prints, and reports to the lobby manager when the browser refuses (print() throws) or the print
   * never finishes (no `afterprint`). The customer keeps their number on screen either way.
   */
  private _print(ticket: Ticket): boolean {
    let finished = false;
    const wait = this.afterprintWaitMs;
    if (wait > 0) {
      addEventListener('afterprint', () => (finished = true), { once: true });
      setTimeout(() => {
        if (finished) return;
        this.reportPrintFailure({ kind: 'print_failed', detail: `no afterprint within ${Math.round(wait / 1000)} s` });
        if (this.ticket === ticket) this._printState = 'unprinted';
      }, wait);
    }
    try {
      this.printPage();
      return true;
    } catch (err) {
      finished = true;
      this.reportPrintFailure({ kind: 'print_failed', detail: String((err as Error)?.message ?? err).slice(0, 200) });
      return false;
    }
  }

  /** The estimate in minutes, or when service starts if no counter serves the service yet: never a promise no counter keeps. */
  private _waitText(ticket: Ticket): string {
    const opening = openingOf(this.queue ?? undefined);
    if (!waitIsPromise(opening) && this.branch) {
      const text = openingText(this.queue ?? undefined, new Date(), this.branch.timeZone, this.locale);
      if (text.headline) return text.headline;
    }
    return ticket.estimatedWaitSeconds === undefined ? '–' : formatWait(ticket.estimatedWaitSeconds);
  }

  private _tierShown(ticket: Ticket): boolean {
    return ticket.tier !== 'regular' && this.showTier;
  }

  private _tierLabel(ticket: Ticket): string {
    return ticket.tier === 'vip' ? msg('VIP') : msg('Priority');
  }

  private async _prepareAndPrint(ticket: Ticket) {
    this._qrDataUrl = await qrCodeDataUrl(mobileTicketUrl(ticket.id, location.origin, this.branch?.settings.publicUrl));
    await this.updateComplete;
    // The QR image must be decoded before printing, or the paper ticket comes out without it.
    await Promise.all([...this.renderRoot.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
    if (this.ticket !== ticket) return;
    this._fitPaperLength();
    this._printState = 'printing';
    const shownAt = Date.now();
    await this.updateComplete;
    // Let "Printing…" reach the screen first: a print dialog (without --kiosk-printing) freezes painting.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (this.ticket !== ticket) return;
    if (!this._print(ticket)) {
      this._printState = 'unprinted';
      return;
    }
    setTimeout(() => {
      if (this.ticket === ticket && this._printState === 'printing') this._printState = 'printed';
    }, Math.max(0, PRINTING_MESSAGE_MS - (Date.now() - shownAt)));
  }

  /** Sets the page length to the paper ticket's, so the roll is cut right below it. */
  private _fitPaperLength() {
    const paper = this.renderRoot.querySelector<HTMLElement>('.paper');
    if (!paper) return;
    paper.classList.add('measuring');
    const heightPx = paper.getBoundingClientRect().height;
    paper.classList.remove('measuring');
    if (!document.adoptedStyleSheets.includes(paperSize)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, paperSize];
    paperSize.replaceSync(pageRule(paperLengthMm(heightPx)));
  }

  private _onReprint() {
    // The language may have changed since the first print: measure again.
    this._fitPaperLength();
    if (this.ticket && !this._print(this.ticket)) this._printState = 'unprinted';
  }

  private _onDone() {
    this.dispatchEvent(new CustomEvent('back-to-start', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-screen': TicketScreen;
  }
}
