import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, queueRoutes, type PublicTicket } from '../../../protocol/index.js';
import '../components/language-switch.js';
import type { LocaleChangeDetail } from '../components/language-switch.js';
import { counterName, goToCounter, secondLocale } from '../logic/counter-call.js';
import { browserStorage, remember } from '../logic/browser-storage.js';
import { chooseLocale, nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { formatWait } from '../logic/wait-format.js';
import { applyLocale, currentLocale } from '../localization.js';
import { theme } from '../styles/theme.js';
import { mobileTicketStyles } from './mobile-ticket-styles.js';
import { TicketPoller, type PollResult } from './ticket-poller.js';
import { justCalled } from './ticket-progress.js';
import './mobile-rating.js';
import './mobile-survey.js';

const LOCALE_KEY = 'lobbyflow.ticket.locale';

/**
 * The customer's ticket on their phone (opened from the QR code on the paper ticket). It asks the
 * server every 5 s and shows the position and estimate, then the counter to go to when called.
 */
@localized()
@customElement('mobile-ticket-page')
export class MobileTicketPage extends LitElement {
  @state() private _locale: KioskLocale = currentLocale();
  @state() private _ticket: PublicTicket | null = null;
  @state() private _notFound = false;
  /** The last poll failed: what is shown may be out of date. */
  @state() private _offline = false;
  @state() private _updatedAt: Date | null = null;
  /** The rating after service was given, or is not to be asked: the survey of the day may follow. */
  @state() private _ratingSettled = false;

  private readonly _ticketId = new URLSearchParams(location.search).get('id');
  private readonly _api = new ApiClient();
  private _poller: TicketPoller | null = null;

  static override styles = [theme, mobileTicketStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    const locale = chooseLocale({ query: params.get('lang'), stored: browserStorage()?.getItem(LOCALE_KEY), browser: navigator.languages }) ?? 'en';
    void this._switchLocale(locale);
    if (this._ticketId) {
      const ticket = { ticketId: this._ticketId };
      this._poller = new TicketPoller({ load: () => this._api.call(queueRoutes.publicTicket, ticket), onResult: (r) => this._onPollResult(r) });
      this._poller.start();
    }
    document.addEventListener('visibilitychange', this._onVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._poller?.stop();
    document.removeEventListener('visibilitychange', this._onVisibilityChange);
  }

  override render() {
    const branchName = this._ticket?.branchName;
    return html`
      <header>
        <span class="branch">${branchName ? nameIn(branchName, this._locale) : ''}</span>
        <language-switch size="phone" .locale=${this._locale} @locale-change=${this._onLocaleChange}></language-switch>
      </header>
      ${this._offline ? html`<div class="offline" role="status" data-testid="connection">${msg('Cannot reach the bank right now. Retrying…')}</div>` : nothing}
      <main class=${this._offline ? 'stale' : ''}>${this._renderBody()}</main>
    `;
  }

  private _renderBody() {
    if (!this._ticketId) return this._renderNote(msg('No ticket here'), msg('Scan the QR code on your paper ticket.'));
    if (this._notFound) return this._renderNote(msg('We cannot find this ticket'), msg('Tickets are valid on the day they are issued. Please ask our staff.'));
    const data = this._ticket;
    if (!data) return html`<p class="loading">${msg('Loading your ticket…')}</p>`;
    const { ticket, service, counterNumber } = data;
    const number = html`<p class="label">${msg('Your number')}</p>
      <p class="ticket-number number" data-testid="ticket-number">${ticket.number}</p>
      <p class="service">${nameIn(service.name, this._locale)}</p>`;

    switch (ticket.status) {
      case 'waiting':
        return html`<section class="card">${number}</section>
          <dl class="facts">
            <div><dt>${msg('People ahead of you')}</dt><dd class="number" data-testid="ticket-ahead">${ticket.position ?? 0}</dd></div>
            <div><dt>${msg('Estimated wait')}</dt><dd data-testid="ticket-wait">${formatWait(ticket.estimatedWaitSeconds ?? 0)}</dd></div>
          </dl>
          <p class="hint">${msg('This page updates by itself. Please stay in the hall and listen for your number.')}</p>
          ${this._renderUpdatedAt()}`;
      case 'called':
        return html`<section class="call" role="alert" data-testid="ticket-called">
            ${counterNumber === null
              ? html`<p class="call-main">${msg('Please go to the counter')}</p>`
              : html`<p class="call-main">${goToCounter(counterNumber, this._locale)}</p>
                  <p class="call-second" lang=${secondLocale(this._locale)}>${goToCounter(counterNumber, secondLocale(this._locale))}</p>`}
          </section>
          <section class="card">${number}</section>
          ${this._renderUpdatedAt()}`;
      case 'serving':
        return html`<section class="card">${number}</section>
          ${this._renderNote(
            counterNumber === null
              ? msg('You are being served')
              : msg(str`You are being served at ${counterName(counterNumber, this._locale)}`),
            '',
          )}`;
      case 'done':
        return html`<section class="card done">${number}</section>
          ${this._renderNote(msg('Thank you for visiting'), msg('Your service is complete. We look forward to seeing you again.'))}
          <mobile-rating .ticketId=${ticket.id} @rating-settled=${() => (this._ratingSettled = true)}></mobile-rating>
          ${this._ratingSettled ? html`<mobile-survey .ticketId=${ticket.id}></mobile-survey>` : nothing}`;
      case 'no_show':
        return html`<section class="card ended">${number}</section>
          ${this._renderNote(msg('We called your number but missed you'), msg('Please ask our staff, or take a new ticket at the ticket machine.'))}`;
      case 'cancelled':
        return html`<section class="card ended">${number}</section>
          ${this._renderNote(msg('This ticket was cancelled'), msg('If you still need help, please ask our staff.'))}`;
      case 'diverted':
        return html`<section class="card ended">${number}</section>
          ${this._renderNote(
            ticket.divertedTo === 'atm' ? msg('Please use the ATMs') : msg('Please use a self-service terminal'),
            msg('Our staff directed you to the self-service area, which is quicker for your business. This ticket is no longer in the queue.'),
          )}`;
    }
  }

  private _renderNote(title: string, detail: string) {
    return html`<section class="note" data-testid="ticket-state">
      <h1>${title}</h1>
      ${detail ? html`<p>${detail}</p>` : nothing}
    </section>`;
  }

  private _renderUpdatedAt() {
    if (!this._updatedAt) return nothing;
    const time = this._updatedAt.toLocaleTimeString(this._locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    return html`<p class="updated">${msg(str`Updated ${time}`)}</p>`;
  }

  private _onPollResult(result: PollResult) {
    if (result.kind === 'error') {
      this._offline = true;
      return;
    }
    this._offline = false;
    this._updatedAt = new Date();
    if (result.kind === 'not-found') {
      this._notFound = true;
      return;
    }
    const before = this._ticket?.ticket ?? null;
    this._ticket = result.ticket;
    if (justCalled(before, result.ticket.ticket)) navigator.vibrate?.([400, 200, 400]);
    document.title = `${result.ticket.ticket.number} · lobbyflow`;
  }

  private async _switchLocale(locale: KioskLocale) {
    await applyLocale(locale);
    this._locale = locale;
  }

  private _onLocaleChange(event: CustomEvent<LocaleChangeDetail>) {
    remember(LOCALE_KEY, event.detail.locale);
    void this._switchLocale(event.detail.locale);
  }

  private _onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this._poller?.refreshNow();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mobile-ticket-page': MobileTicketPage;
  }
}
