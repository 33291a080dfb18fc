/**
 * `<push-opt-in>`: the phone page's "Notify me". On a tap it asks the browser's permission,
 * registers the push service worker (/push-sw.js), subscribes with the server's VAPID key and
 * hands the subscription to the server for this ticket, which then sends "N people ahead" and
 * "please go to counter 3" even while the page sleeps, in the page's language. Where the browser
 * has no Web Push it shows a short note instead; blocked and on are said plainly.
 */
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiClient } from '../../../protocol/api-client.js';
import { notificationRoutes } from '../../../protocol/notification-routes.js';
import { browserStorage, remember } from '../logic/browser-storage.js';
import { currentLocale } from '../localization.js';
import { theme } from '../styles/theme.js';
import { currentEndpoint, pushSupport, subscribePhone, type PushSupport } from './push-subscription.js';

/** off: not asked yet (or turned off); working: asking; on; blocked: the browser refuses; failed: try again. */
type PushState = 'unsupported' | 'off' | 'working' | 'on' | 'blocked' | 'failed';

const rememberedKey = (ticketId: string) => `lobbyflow.push.${ticketId}`;

/**
 * @fires push-changed - detail `{ on: boolean }` when notifications were turned on or off.
 */
@localized()
@customElement('push-opt-in')
export class PushOptIn extends LitElement {
  /** The ticket whose calls the phone asks to be told about. */
  @property() ticketId = '';

  @state() private _state: PushState = 'off';
  private readonly _api = new ApiClient();
  private _support: PushSupport = pushSupport();
  private _endpoint: string | null = null;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .box {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding: 16px;
        border-radius: 16px;
        background: var(--surface);
        border: 1px solid var(--line);
      }
      .notify {
        min-height: 56px;
        padding: 12px 20px;
        border-radius: 14px;
        border: none;
        background: var(--accent);
        color: #fff;
        font-size: 22px;
        font-weight: 800;
      }
      .notify[disabled] {
        opacity: 0.6;
      }
      .off {
        min-height: 48px;
        padding: 8px 16px;
        border-radius: 12px;
        border: 2px solid var(--accent);
        background: var(--surface);
        color: var(--accent);
        font-size: 18px;
        font-weight: 700;
        align-self: flex-start;
      }
      p {
        margin: 0;
        font-size: 18px;
        line-height: 1.4;
      }
      .on {
        color: var(--ok);
        font-weight: 800;
        font-size: 20px;
      }
      .problem {
        color: var(--warning-text);
        font-weight: 700;
      }
      .muted {
        color: var(--text-muted);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this._support = pushSupport();
    if (this._support === 'unsupported') this._state = 'unsupported';
    else if (Notification.permission === 'denied') this._state = 'blocked';
    else if (Notification.permission === 'granted' && browserStorage()?.getItem(rememberedKey(this.ticketId))) this._state = 'on';
  }

  override render() {
    switch (this._state) {
      case 'unsupported':
        return html`<p class="muted" data-testid="push-unsupported">${msg('This browser cannot notify you. Keep this page open to follow your ticket.')}</p>`;
      case 'blocked':
        return html`<div class="box" data-testid="push-blocked">
          <p class="problem">${msg('Notifications are blocked for this page.')}</p>
          <p class="muted">${msg("To be notified, allow notifications for this site in your browser's settings.")}</p>
        </div>`;
      case 'on':
        return html`<div class="box" data-testid="push-on">
          <p class="on" role="status">✓ ${msg('Notifications are on')}</p>
          <p class="muted">${msg('We will notify you when your turn is near and when you are called, even if this page is closed.')}</p>
          <button class="off" data-testid="push-off" @click=${this._onTurnOff}>${msg('Turn off')}</button>
        </div>`;
      default:
        return html`<div class="box">
          <button class="notify" data-testid="push-notify" ?disabled=${this._state === 'working'} @click=${this._onNotify}>
            ${this._state === 'working' ? msg('Turning on…') : msg('Notify me')}
          </button>
          ${this._state === 'failed'
            ? html`<p class="problem" role="alert" data-testid="push-failed">${msg('Notifications could not be turned on. Please try again.')}</p>`
            : html`<p class="muted">${msg('Get a notification when your turn is near and when you are called.')}</p>`}
        </div>`;
    }
  }

  private async _onNotify(): Promise<void> {
    if (!this.ticketId || this._state === 'working') return;
    this._state = 'working';
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        this._state = permission === 'denied' ? 'blocked' : 'off';
        return;
      }
      const { publicKey } = await this._api.call(notificationRoutes.pushKey, {});
      const subscription = await subscribePhone(publicKey);
      this._endpoint = subscription.endpoint;
      await this._api.call(notificationRoutes.pushSubscribe, { ticketId: this.ticketId }, { subscription, locale: currentLocale() });
      remember(rememberedKey(this.ticketId), '1');
      this._state = 'on';
      this.dispatchEvent(new CustomEvent('push-changed', { detail: { on: true }, bubbles: true, composed: true }));
    } catch (err) {
      console.warn('push opt-in failed', err);
      this._state = 'failed';
    }
  }

  private async _onTurnOff(): Promise<void> {
    try {
      const endpoint = this._endpoint ?? (await currentEndpoint());
      if (endpoint) await this._api.call(notificationRoutes.pushUnsubscribe, { ticketId: this.ticketId }, { endpoint });
    } catch (err) {
      console.warn('push opt-out failed', err);
    }
    browserStorage()?.removeItem(rememberedKey(this.ticketId));
    this._state = 'off';
    this.dispatchEvent(new CustomEvent('push-changed', { detail: { on: false }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'push-opt-in': PushOptIn;
  }
}
