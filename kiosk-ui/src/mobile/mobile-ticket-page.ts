import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, queueRoutes, type PublicTicket, type Service } from '../../../protocol/index.js';
import { TicketLiveClient } from '../../../protocol/ticket-live-client.js';
import { ticketLiveUrl } from '../../../protocol/ticket-live.js';
import '../components/language-switch.js';
import type { LocaleChangeDetail } from '../components/language-switch.js';
import { counterName, goToCounter } from '../logic/counter-call.js';
import { browserStorage, remember } from '../logic/browser-storage.js';
import { chooseLocale, nameIn, type KioskLocale } from '../logic/locale-choice.js';
import { formatWait } from '../logic/wait-format.js';
import { applyLocale, currentLocale } from '../localization.js';
import { theme } from '../styles/theme.js';
import { branchTime } from './branch-time.js';
import { signalCall, unlockAudioOnFirstTouch } from './call-signal.js';
import { mobileTicketStyles } from './mobile-ticket-styles.js';
import { openingNote } from './opening-note.js';
import { TicketPoller, type PollResult } from './ticket-poller.js';
import { justCalled } from './ticket-progress.js';
import './call-screen.js';
import './mobile-rating.js';
import './mobile-survey.js';
import './push-opt-in.js';
import './ticket-actions.js';

const LOCALE_KEY = 'lobbyflow.ticket.locale';

/**
 * The customer's ticket on their phone (opened from the QR code on the paper ticket). The first
 * paint comes from the plain GET; then the ticket's live channel keeps the position and estimate
 * current and covers the screen, vibrates and chimes the moment the ticket is called. A phone
 * without WebSockets asks every few seconds instead.
 */
@localized()
@customElement('mobile-ticket-page')
export class MobileTicketPage extends LitElement {
  @state() private _locale: KioskLocale = currentLocale();
  @state() private _ticket: PublicTicket | null = null;
  @state() private _notFound = false;
  /** Not live: what is shown may be out of date. */
  @state() private _offline = false;
  @state() private _updatedAt: Date | null = null;
  /** The rating after service was given, or is not to be asked: the survey of the day may follow. */
  @state() private _ratingSettled = false;
  /** The call (its callCount) the customer closed the full-screen message of. */
  @state() private _dismissedCall = 0;
  /** The service the ticket was in before staff moved it (轉辦). */
  @state() private _movedFrom: Service | null = null;

  private readonly _ticketId = new URLSearchParams(location.search).get('id');
  private readonly _api = new ApiClient();
  private _live: TicketLiveClient | null = null;
  private _poller: TicketPoller | null = null;

  static override styles = [theme, mobileTicketStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    const locale = chooseLocale({ query: params.get('lang'), stored: browserStorage()?.getItem(LOCALE_KEY), browser: navigator.languages }) ?? 'en';
    void this._switchLocale(locale);
    if (this._ticketId) this._follow(this._ticketId);
    unlockAudioOnFirstTouch();
    document.addEventListener('visibilitychange', this._onVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._live?.close();
    this._poller?.stop();
    document.removeEventListener('visibilitychange', this._onVisibilityChange);
  }

  /** First paint from the GET, then the live channel (or polling where sockets are missing). */
  private _follow(ticketId: string) {
    const load = () => this._api.call(queueRoutes.publicTicket, { ticketId });
    if (typeof WebSocket === 'undefined') {
      this._poller = new TicketPoller({ load, onResult: (r) => this._onPollResult(r) });
      return this._poller.start();
    }
    load().then(
      (view) => this._live?.connection !== 'live' && this._show(view),
      (err: { code?: string }) => {
        if (err.code === 'NOT_FOUND') this._notFound = true;
      },
    );
    const live = new TicketLiveClient({ url: ticketLiveUrl(ticketId) });
    this._live = live;
    live.subscribe((client) => {
      if (client.connection === 'not_found') this._notFound = true;
      this._offline = client.connection === 'reconnecting';
      if (client.ticket && client.ticket !== this._ticket) this._show(client.ticket);
    });
  }

  private _show(view: PublicTicket) {
    const before = this._ticket;
    this._ticket = view;
    this._updatedAt = new Date();
    if (justCalled(before?.ticket ?? null, view.ticket)) signalCall();
    if (before && before.service.id !== view.service.id && view.ticket.status === 'waiting') this._movedFrom = before.service;
    if (view.ticket.status !== 'waiting') this._movedFrom = null;
    document.title = `${view.ticket.number} · lobbyflow`;
  }

  override render() {
    const branchName = this._ticket?.branchName;
    const ticket = this._ticket?.ticket;
    const calling = ticket?.status === 'called' && this._dismissedCall !== ticket.callCount;
    return html`
      <header>
        <span class="branch">${branchName ? nameIn(branchName, this._locale) : ''}</span>
        <language-switch size="phone" .locale=${this._locale} @locale-change=${this._onLocaleChange}></language-switch>
      </header>
      ${this._offline ? html`<div class="offline" role="status" data-testid="connection">${msg('Cannot reach the bank right now. Retrying…')}</div>` : nothing}
      <main class=${this._offline ? 'stale' : ''}>${this._renderBody()}</main>
      ${calling
        ? html`<call-screen
            .counterNumber=${this._ticket!.counterNumber}
            .number=${ticket.number}
            .locale=${this._locale}
            ?recall=${ticket.callCount > 1}
            @call-dismissed=${this._onCallDismissed}
          ></call-screen>`
        : nothing}
    `;
  }

  private _renderBody() {
    if (!this._ticketId) return this._renderNote(msg('No ticket here'), msg('Scan the QR code on your paper ticket.'));
    if (this._notFound) return this._renderNote(msg('We cannot find this ticket'), msg('Tickets are valid on the day they are issued. Please ask our staff.'));
    const data = this._ticket;
    if (!data) return html`<p class="loading">${msg('Loading your ticket…')}</p>`;
    const { ticket, service, counterNumber } = data;
    const taken = branchTime(ticket.issuedAt, this._locale, data.timeZone);
    const number = html`<p class="label">${msg('Your number')}</p>
      <p class="ticket-number number" data-testid="ticket-number">${ticket.number}</p>
      <p class="service">${nameIn(service.name, this._locale)}</p>
      <p class="taken" data-testid="ticket-taken">${msg(str`Taken at ${taken}`)}</p>`;
    const actions = html`<ticket-actions .ticket=${data} .api=${this._api} @ticket-changed=${this._onTicketChanged}></ticket-actions>`;
    const notify = html`<push-opt-in .ticketId=${ticket.id}></push-opt-in>`;

    switch (ticket.status) {
      case 'waiting': {
        const note = openingNote(data, this._locale);
        return html`${this._movedFrom ? this._renderMoved(service) : nothing}
          <section class="card">${number}</section>
          <dl class="facts">
            <div><dt>${msg('People ahead of you')}</dt><dd class="number" data-testid="ticket-ahead">${ticket.position ?? 0}</dd></div>
            ${note
              ? html`<div class="opening"><dd data-testid="ticket-opening">${note}</dd></div>`
              : html`<div><dt>${msg('Estimated wait')}</dt><dd data-testid="ticket-wait">${formatWait(ticket.estimatedWaitSeconds ?? 0)}</dd></div>`}
          </dl>
          ${notify}
          <p class="hint">${msg('This page updates by itself. Please stay in the hall and listen for your number.')}</p>
          ${actions} ${this._renderUpdatedAt()}`;
      }
      case 'called':
        return html`<section class="call" role="status" data-testid="ticket-called">
            <p class="call-main">${counterNumber === null ? msg('Please go to the counter') : goToCounter(counterNumber, this._locale)}</p>
          </section>
          <section class="card">${number}</section>
          ${actions} ${notify} ${this._renderUpdatedAt()}`;
      case 'serving':
        return html`<section class="card">${number}</section>
          ${this._renderNote(
            counterNumber === null ? msg('You are being served') : msg(str`You are being served at ${counterName(counterNumber, this._locale)}`),
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

  private _renderMoved(service: Service) {
    const name = nameIn(service.name, this._locale);
    return html`<section class="moved" role="status" data-testid="ticket-moved">${msg(str`Our staff moved your ticket to ${name}. You keep your place in the queue.`)}</section>`;
  }

  private _renderNote(title: string, detail: string) {
    return html`<section class="note" data-testid="ticket-state">
      <h1>${title}</h1>
      ${detail ? html`<p>${detail}</p>` : nothing}
    </section>`;
  }

  private _renderUpdatedAt() {
    if (!this._updatedAt) return nothing;
    const time = branchTime(this._updatedAt, this._locale, this._ticket?.timeZone, true);
    return html`<p class="updated">${msg(str`Updated ${time}`)}</p>`;
  }

  private _onPollResult(result: PollResult) {
    this._offline = result.kind === 'error';
    if (result.kind === 'not-found') this._notFound = true;
    if (result.kind === 'ticket') this._show(result.ticket);
  }

  private _onTicketChanged(event: CustomEvent<PublicTicket>) {
    this._show(event.detail);
  }

  /** "OK, on my way" on the call screen also tells the teller, once per call. */
  private _onCallDismissed() {
    const ticket = this._ticket?.ticket;
    if (!ticket) return;
    this._dismissedCall = ticket.callCount;
    const said = ticket.onMyWayAt !== undefined && ticket.calledAt !== null && ticket.onMyWayAt >= ticket.calledAt;
    if (!said) (this.renderRoot.querySelector('ticket-actions') as HTMLElementTagNameMap['ticket-actions'] | null)?.sayOnMyWay();
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
    if (document.visibilityState !== 'visible') return;
    this._live?.reconnectNow();
    this._poller?.refreshNow();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mobile-ticket-page': MobileTicketPage;
  }
}
