import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiClient, liveUrl, queueRoutes, type Snapshot } from '../../protocol/index.js';
import { hideStoredTokenInAddress } from '../../protocol/device-address.js';
import { LiveController } from '../../protocol/live-controller.js';
import './components/kiosk-header.js';
import type { LocaleChangeDetail } from './components/language-switch.js';
import { browserStorage } from './logic/browser-storage.js';
import { readDeviceConfig, rememberedDevice, type DeviceConfig } from './logic/device-config.js';
import { IdleTimer } from './logic/idle-timer.js';
import { failureOf, withTimeout } from './logic/issue-failure.js';
import { INITIAL_FLOW, issueRequest, nextFlow, returnToStartAfterMs, type KioskEvent, type KioskFlow } from './logic/kiosk-flow.js';
import { chooseLocale, type KioskLocale } from './logic/locale-choice.js';
import { suggestionThatSavesTime } from './logic/self-service.js';
import { isVipService, tiersFor } from './logic/tier-choice.js';
import { applyLocale, currentLocale } from './localization.js';
import './screens/diverted-screen.js';
import './screens/message-screen.js';
import './screens/self-service-screen.js';
import type { CardReadDetail, ServiceChooseDetail } from './screens/start-screen.js';
import './screens/start-screen.js';
import './screens/ticket-screen.js';
import type { TierChooseDetail } from './screens/tier-screen.js';
import './screens/tier-screen.js';
import type { VipRefusedChooseDetail } from './screens/vip-refused-screen.js';
import './screens/vip-refused-screen.js';
import type { CustomerRefDetail } from './screens/vip-screen.js';
import './screens/vip-screen.js';
import { theme } from './styles/theme.js';

/** A ticket request that has not answered by then is reported, so the kiosk never hangs on "Issuing…". */
const ISSUE_TIMEOUT_MS = 15_000;

/**
 * The customer ticket machine (portrait 1080×1920 touch screen). It follows the branch on the live
 * socket, walks the customer through one decision per screen, issues the ticket, prints it, and
 * returns to the start by itself.
 */
@localized()
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  @state() private _flow: KioskFlow = INITIAL_FLOW;
  @state() private _locale: KioskLocale = currentLocale();

  private readonly _device: DeviceConfig | null = readDeviceConfig(location.search, browserStorage());
  private readonly _api = new ApiClient({ token: this._device?.token ?? null });
  private readonly _live = new LiveController(this, () =>
    this._device ? { url: liveUrl(this._device.branchId, this._device.token) } : null,
  );
  // After a customer walks away, the next one starts in the branch's language, not theirs: on every
  // screen, the start screen too (a customer may change the language and leave without a ticket).
  private readonly _idle = new IdleTimer(() => {
    this._dispatch({ type: 'reset' });
    this._restoreHouseLocale();
    this._idle.arm(returnToStartAfterMs(this._flow.step));
  });
  /** Whether the locale came from ?lang or the customer's switch, rather than the branch default. */
  private _localeChosen = false;

  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        width: 100%;
        height: 100%;
        background: var(--surface-alt);
        overflow: hidden;
        user-select: none;
      }
      .reconnecting {
        padding: 20px 48px;
        background: var(--warning-fill);
        color: #1f1300;
        font-size: 32px;
        font-weight: 800;
      }
      main {
        flex: 1;
        min-height: 0;
      }
      main > * {
        height: 100%;
      }
      @media print {
        :host {
          height: auto;
          background: #fff;
        }
        kiosk-header,
        .reconnecting {
          display: none;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    hideStoredTokenInAddress(rememberedDevice(browserStorage())?.token ?? null);
    const params = new URLSearchParams(location.search);
    const initial = chooseLocale({ query: params.get('lang') });
    if (initial) {
      this._localeChosen = true;
      void this._switchLocale(initial);
    }
    // Any touch or key keeps the current screen: the idle countdown starts again.
    this.addEventListener('pointerdown', this._onActivity, { capture: true });
    this.addEventListener('keydown', this._onActivity, { capture: true });
    this._idle.arm(returnToStartAfterMs(this._flow.step));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._idle.stop();
    this.removeEventListener('pointerdown', this._onActivity, { capture: true });
    this.removeEventListener('keydown', this._onActivity, { capture: true });
  }

  protected override willUpdate(): void {
    // The branch's default language applies until someone picks one.
    const branchDefault = this._live.state?.branch.defaultLocale;
    if (!this._localeChosen && branchDefault && branchDefault !== this._locale) {
      this._localeChosen = true;
      void this._switchLocale(branchDefault);
    }
  }

  override render() {
    const snapshot = this._live.state;
    const stale = this._live.stale;
    // The very first connection shows "Connecting…" on the screen itself; a lost one gets the banner.
    // A revoked token is not coming back: the screen says so instead (see _renderStep).
    const reconnecting = stale && !this._live.signedOut && (snapshot !== null || this._live.connection === 'reconnecting');
    return html`
      <kiosk-header .branchName=${snapshot?.branch.name ?? null} .locale=${this._locale} @locale-change=${this._onLocaleChange}></kiosk-header>
      ${reconnecting ? html`<div class="reconnecting" role="status" data-testid="connection">${msg('Reconnecting…')}</div>` : ''}
      <main>${this._renderStep(snapshot, stale)}</main>
    `;
  }

  private _renderStep(snapshot: Snapshot | null, stale: boolean) {
    if (!this._device) return html`<message-screen kind="unconfigured"></message-screen>`;
    if (this._live.signedOut) return html`<message-screen kind="signed-out"></message-screen>`;
    const { step } = this._flow;
    switch (step.name) {
      case 'start':
        if (!snapshot) return html`<message-screen kind="connecting"></message-screen>`;
        return html`<start-screen
          .services=${snapshot.services}
          .queues=${snapshot.queues}
          .timeZone=${snapshot.branch.timeZone}
          .now=${new Date(snapshot.at)}
          .locale=${this._locale}
          ?stale=${stale}
          .cardRead=${this._flow.cardRef !== undefined}
          @card-read=${(e: CustomEvent<CardReadDetail>) => this._dispatch({ type: 'card-read', customerRef: e.detail.customerRef })}
          @service-choose=${this._onServiceChoose}
        ></start-screen>`;
      case 'tier':
        return html`<tier-screen
          .service=${step.service}
          .tiers=${step.tiers}
          .locale=${this._locale}
          @tier-choose=${(e: CustomEvent<TierChooseDetail>) => this._dispatch({ type: 'tier-chosen', tier: e.detail.tier })}
          @back-to-start=${this._onBackToStart}
        ></tier-screen>`;
      case 'self-service':
        return html`<self-service-screen
          .suggestion=${step.suggestion}
          .queue=${snapshot?.queues.find((q) => q.serviceId === step.service.id) ?? null}
          .timeZone=${snapshot?.branch.timeZone ?? 'UTC'}
          ?stale=${stale}
          @self-service-accept=${() => this._dispatch({ type: 'self-service-accepted' })}
          @self-service-decline=${() => this._dispatch({ type: 'self-service-declined' })}
          @back-to-start=${this._onBackToStart}
        ></self-service-screen>`;
      case 'vip-ref':
        return html`<vip-screen
          .service=${step.service}
          .locale=${this._locale}
          @customer-ref-enter=${(e: CustomEvent<CustomerRefDetail>) => this._dispatch({ type: 'vip-ref-entered', customerRef: e.detail.customerRef })}
          @back-to-start=${this._onBackToStart}
        ></vip-screen>`;
      case 'vip-refused':
        return html`<vip-refused-screen
          .service=${step.service}
          .locale=${this._locale}
          @vip-refused-choose=${(e: CustomEvent<VipRefusedChooseDetail>) => this._dispatch({ type: 'vip-refused-choose', tier: e.detail.tier })}
          @back-to-start=${this._onCustomerDone}
        ></vip-refused-screen>`;
      case 'issuing':
        return html`<message-screen kind="issuing"></message-screen>`;
      case 'ticket':
        return html`<ticket-screen
          .ticket=${step.ticket}
          .service=${step.service}
          .branch=${snapshot?.branch ?? null}
          .queue=${snapshot?.queues.find((q) => q.serviceId === step.service.id) ?? null}
          .showTier=${!(step.ticket.tier === 'vip' && isVipService(step.service, snapshot?.counters ?? [], snapshot?.queues ?? []))}
          .locale=${this._locale}
          @back-to-start=${this._onCustomerDone}
        ></ticket-screen>`;
      case 'diverted':
        return html`<diverted-screen .suggestion=${step.suggestion} .locale=${this._locale} @back-to-start=${this._onCustomerDone}></diverted-screen>`;
      case 'failed':
        return html`<message-screen kind="failed" .failure=${step} @back-to-start=${this._onCustomerDone}></message-screen>`;
    }
  }

  /** Moves the flow on, re-arms the idle countdown, and performs what the new step needs. */
  private _dispatch(event: KioskEvent) {
    const before = this._flow;
    const after = nextFlow(before, event);
    if (after === before) return;
    this._flow = after;
    // A card read on the start screen is forgotten too if its holder walks away without choosing.
    if (after.step !== before.step || after.cardRef !== before.cardRef) this._idle.arm(returnToStartAfterMs(after.step));
    if (after.step.name === 'issuing' && before.step.name !== 'issuing') void this._issueTicket(after);
    if (after.step.name === 'diverted' && before.step.name === 'self-service') void this._recordDiversion(after);
  }

  private async _issueTicket(flow: KioskFlow) {
    const body = issueRequest(flow);
    if (!body || !this._device) return;
    try {
      const ticket = await withTimeout(this._api.call(queueRoutes.issueTicket, { branchId: this._device.branchId }, body), ISSUE_TIMEOUT_MS);
      this._dispatch({ type: 'ticket-issued', ticket });
    } catch (err) {
      const failure = failureOf(err);
      // For staff at the console; the customer reads only the localized words (issue-failure.ts).
      console.warn(`ticket not issued: ${failure.code}: ${failure.message}`);
      this._dispatch({ type: 'issue-failed', ...failure });
    }
  }

  /** Tells the lobby manager's screen that a customer went to the machines. The customer is not kept waiting for it. */
  private async _recordDiversion(flow: KioskFlow) {
    const { step } = flow;
    if (step.name !== 'diverted' || !this._device) return;
    try {
      await this._api.call(queueRoutes.recordDiversion, { branchId: this._device.branchId }, { serviceId: step.service.id, machineKind: step.suggestion.machineKind });
    } catch (err) {
      console.warn('diversion not recorded', err);
    }
  }

  private async _switchLocale(locale: KioskLocale) {
    await applyLocale(locale);
    this._locale = locale;
  }

  private _onLocaleChange(event: CustomEvent<LocaleChangeDetail>) {
    // A choice for this customer only: the kiosk is shared, so it is not remembered.
    void this._switchLocale(event.detail.locale);
  }

  /** Back to `?lang=` or the branch's default language. */
  private _restoreHouseLocale() {
    const house = chooseLocale({ query: new URLSearchParams(location.search).get('lang'), branchDefault: this._live.state?.branch.defaultLocale });
    if (house && house !== this._locale) void this._switchLocale(house);
  }

  private _onServiceChoose(event: CustomEvent<ServiceChooseDetail>) {
    const snapshot = this._live.state;
    const service = snapshot?.services.find((s) => s.id === event.detail.serviceId);
    if (!snapshot || !service) return;
    const queue = snapshot.queues.find((q) => q.serviceId === service.id);
    const suggestion = suggestionThatSavesTime({
      service,
      machines: snapshot.machines,
      queue,
      minSavingSeconds: snapshot.branch.settings.selfServiceMinSavingSeconds,
    });
    this._dispatch({ type: 'service-chosen', service, tiers: tiersFor(service, snapshot.services, snapshot.counters, snapshot.queues), suggestion });
  }

  /** Back from a choice: the same customer chooses again, in the language they picked. */
  private _onBackToStart() {
    this._dispatch({ type: 'reset' });
  }

  /** Done (a ticket, the machines), a failure's button, or off to the lobby manager: the next customer starts in the branch's language. */
  private _onCustomerDone() {
    this._dispatch({ type: 'reset' });
    this._restoreHouseLocale();
  }

  private _onActivity = () => this._idle.poke();
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
