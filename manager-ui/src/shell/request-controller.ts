/**
 * The console's one way to send a request from a page: `busy` while it runs, the refusal as
 * localized text in `error` (the page shows it inline or in a toast), and an ended session
 * reported to the console root (`session-expired`), which returns to the sign-in page.
 *
 * Two kinds of page use it:
 * - `one-at-a-time` (actions: call next, divert, open a counter): a second request while one runs
 *   is skipped, so a double tap never acts twice;
 * - `latest` (loads: a report period, a forecast): a new request replaces the running one, whose
 *   reply is then skipped, so an old answer never lands under a new question.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorText, isSessionExpired } from './error-text.js';

export type RequestOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'failed'; error: unknown }
  /** Not sent (another is running), or replaced by a newer one: the page does nothing. */
  | { status: 'skipped' };

export type RequestMode = 'one-at-a-time' | 'latest';

export class RequestController implements ReactiveController {
  /** True while a request runs: disable what would send another. */
  busy = false;
  /** Why the last request failed, for staff to read; empty after a success or a new request. */
  error = '';

  private _generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly mode: RequestMode = 'one-at-a-time',
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // A reply after the page went away has nowhere to go.
    this.cancel();
  }

  /** Sends `request` (see the modes above) and says how it went. */
  async run<T>(request: () => Promise<T>): Promise<RequestOutcome<T>> {
    if (this.mode === 'one-at-a-time' && this.busy) return { status: 'skipped' };
    const generation = ++this._generation;
    this._set(true, '');
    try {
      const value = await request();
      if (generation !== this._generation) return { status: 'skipped' };
      this._set(false, '');
      return { status: 'done', value };
    } catch (error) {
      if (generation !== this._generation) return { status: 'skipped' };
      if (isSessionExpired(error)) this.host.dispatchEvent(new Event('session-expired', { bubbles: true, composed: true }));
      this._set(false, errorText(error));
      return { status: 'failed', error };
    }
  }

  /** Forgets the running request (its reply is skipped) and the last error. */
  cancel(): void {
    this._generation++;
    this._set(false, '');
  }

  /** Clears the last error, e.g. when its toast is dismissed. */
  clearError(): void {
    this._set(this.busy, '');
  }

  private _set(busy: boolean, error: string): void {
    if (busy === this.busy && error === this.error) return;
    this.busy = busy;
    this.error = error;
    this.host.requestUpdate();
  }
}
