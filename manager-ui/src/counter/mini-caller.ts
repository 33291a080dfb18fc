import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, render, type CSSResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ticket } from '../../../protocol/schemas.js';
import { SHORTCUT_LABELS, type CounterCommand } from '../logic/shortcuts.js';
import { tellerActionsFor, type TellerAction } from '../logic/ticket-actions.js';
import { buttons, tokens } from '../shell/styles.js';
import type { TellerCommandDetail } from './teller-action-bar.js';

/** Chromium's Document Picture-in-Picture API (not yet in TypeScript's DOM types). */
interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}
const pictureInPicture = (): DocumentPictureInPicture | undefined =>
  (window as Window & { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;

/** About a corner of the screen: the number, Call next and the three actions on the called customer. */
const WINDOW_SIZE = { width: 320, height: 180 };

/**
 * The PiP window is a document of its own: it inherits none of the page's styles, and a `<style>`
 * element would need 'unsafe-inline' under the console's CSP. So the styles are one constructed
 * sheet (which the CSP does not govern) adopted by that document, `:host` rules read as the body's.
 */
const PIP_STYLES: CSSResult[] = [
  tokens,
  buttons,
  css`
    html,
    body {
      margin: 0;
      background: var(--bg);
    }
    body {
      padding: 8px;
      box-sizing: border-box;
      min-height: 100vh;
    }
    main {
      display: grid;
      gap: 6px;
    }
    .head {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 8px;
    }
    .who {
      display: grid;
      line-height: 1.1;
    }
    .counter {
      font-size: 14px;
      color: var(--muted);
      font-weight: 600;
    }
    .number {
      font-size: 34px;
    }
    .call-next {
      min-height: 52px;
      font-size: 20px;
      white-space: nowrap;
    }
    .actions {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 6px;
    }
    /* Three to a row in 320 px: the key goes under the label, and a label never wraps (a clipped one shows in the test). */
    .actions button {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      padding: 2px 4px;
      font-size: 16px;
      line-height: 1.15;
      min-height: 48px;
      white-space: nowrap;
    }
    .actions button kbd {
      margin-inline-start: 0;
    }
    .actions button.confirming {
      background: var(--alarm);
      border-color: var(--alarm);
      color: #fff;
    }
    kbd {
      margin-inline-start: 4px;
    }
    .line {
      margin: 0;
      min-height: 20px;
      font-size: 14px;
      font-weight: 600;
      color: var(--muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .line.error {
      color: var(--alarm);
    }
  `,
];

/**
 * "Mini caller": a small always-on-top window (Document Picture-in-Picture, Chromium) with the
 * current number, Call next, Recall, Start or Complete, and No-show, for a teller working in the
 * core banking system. It sends the page's own commands (`teller-command`), so the same requests,
 * no-show rules and confirmation apply; keys pressed in it reach the page's shortcuts. Where the
 * API is missing the button does not show. Closing the window returns everything to the page.
 * @fires teller-command - detail: TellerCommandDetail
 */
@localized()
@customElement('mini-caller')
export class MiniCaller extends LitElement {
  /** "Counter 3", as the page names it. */
  @property() counterLabel = '';
  /** The counter's current ticket (called or serving), or null. */
  @property({ attribute: false }) ticket: Ticket | null = null;
  /** Whether the counter may call the next customer now. */
  @property({ type: Boolean }) canCallNext = false;
  /** Why No-show is not available yet; empty when it is. */
  @property() noShowHint = '';
  @property({ type: Boolean }) noShowConfirming = false;
  @property({ type: Boolean }) busy = false;
  /** The page's status line (what the last action did), or its error when `error` is set. */
  @property() message = '';
  @property({ type: Boolean }) error = false;

  @state() private _window: Window | null = null;

  static override styles = [
    tokens,
    buttons,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  override disconnectedCallback() {
    this._window?.close();
    super.disconnectedCallback();
  }

  override render() {
    if (!pictureInPicture()) return nothing;
    const open = this._window !== null;
    return html`<button data-testid="mini-caller" aria-pressed=${String(open)} @click=${this._toggle}>
      ${open ? msg('Close mini caller') : msg('Mini caller')}
    </button>`;
  }

  protected override updated() {
    const pip = this._window;
    if (!pip) return;
    pip.document.title = this.counterLabel ? `${msg('Mini caller')} · ${this.counterLabel}` : msg('Mini caller');
    pip.document.documentElement.lang = document.documentElement.lang;
    render(this._renderWindow(), pip.document.body, { host: this, creationScope: pip.document });
  }

  private _renderWindow() {
    const allowed = new Set(tellerActionsFor(this.ticket?.status));
    if (this.noShowHint) allowed.delete('no_show');
    // One place for Start or Complete: a called customer is started, one being served is completed.
    const serveStep: TellerAction = this.ticket?.status === 'called' && allowed.has('start') ? 'start' : 'complete';
    const actions: { command: TellerAction & CounterCommand; label: string; testid: string }[] = [
      { command: 'recall', label: msg('Recall'), testid: 'mini-recall' },
      serveStep === 'start' ? { command: 'start', label: msg('Start'), testid: 'mini-start' } : { command: 'complete', label: msg('Complete'), testid: 'mini-complete' },
      { command: 'no_show', label: msg('No-show'), testid: 'mini-no-show' },
    ];
    return html`<main aria-label=${msg('Mini caller')}>
      <div class="head">
        <div class="who">
          <span class="counter">${this.counterLabel}</span>
          <span class="number" data-testid="mini-number" aria-live="polite">${this.ticket?.number ?? '—'}</span>
        </div>
        <button class="primary call-next" data-testid="mini-call-next" ?disabled=${this.busy || !this.canCallNext} @click=${() => this._emit('call_next')}>
          ${msg('Call next')}<kbd>${SHORTCUT_LABELS.call_next.split(' ')[0]}</kbd>
        </button>
      </div>
      <div class="actions">
        ${actions.map(
          ({ command, label, testid }) => html`<button
            data-testid=${testid}
            class=${command === 'no_show' && this.noShowConfirming ? 'confirming' : ''}
            ?disabled=${this.busy || !allowed.has(command)}
            title=${command === 'no_show' && this.noShowHint ? this.noShowHint : nothing}
            @click=${() => this._emit(command)}
          >
            ${label}<kbd>${SHORTCUT_LABELS[command]}</kbd>
          </button>`,
        )}
      </div>
      ${this._renderLine()}
    </main>`;
  }

  /** One line: an error first, then the no-show confirmation, then what the last action did, then why No-show waits. */
  private _renderLine() {
    if (this.error) return html`<p class="line error" role="alert" data-testid="mini-line" title=${this.message}>${this.message}</p>`;
    const text = this.noShowConfirming ? msg('Press again to confirm no-show') : this.message || this.noShowHint;
    return html`<p class="line" role="status" data-testid="mini-line" title=${text}>${text}</p>`;
  }

  private async _toggle() {
    if (this._window) {
      this._window.close();
      return;
    }
    const api = pictureInPicture();
    if (!api) return;
    let pip: Window;
    try {
      pip = await api.requestWindow(WINDOW_SIZE);
    } catch {
      // Refused (no user gesture, or the browser's own limit): the page works as before.
      return;
    }
    const sheet = new (pip as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(PIP_STYLES.map((style) => style.cssText).join('\n').replace(/:host\b/g, 'body'));
    pip.document.adoptedStyleSheets = [sheet];
    // Keys pressed in the small window act as on the page: the page's shortcuts handle a copy, and what they prevent stays prevented.
    pip.addEventListener('keydown', this._forwardKey);
    pip.addEventListener('keyup', this._forwardKey);
    pip.addEventListener('pagehide', () => {
      if (this._window === pip) this._window = null;
    });
    this._window = pip;
  }

  private _forwardKey = (event: KeyboardEvent) => {
    const copy = new KeyboardEvent(event.type, {
      key: event.key,
      code: event.code,
      repeat: event.repeat,
      isComposing: event.isComposing,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      bubbles: true,
      cancelable: true,
    });
    if (!window.dispatchEvent(copy)) event.preventDefault();
  };

  private _emit(command: CounterCommand) {
    this.dispatchEvent(new CustomEvent<TellerCommandDetail>('teller-command', { detail: { command }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mini-caller': MiniCaller;
  }
}
