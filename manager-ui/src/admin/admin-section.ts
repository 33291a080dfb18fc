/**
 * What every admin section shares: the branch's admin routes, sending one change at a time,
 * and telling staff plainly whether it was saved or why the server refused it.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ApiError } from '../../../protocol/api-client.js';
import type { AdminApi } from './admin-api.js';
import { refusalText, refusalTitle } from './admin-text.js';

export abstract class AdminSection extends LitElement {
  /** The admin routes of the branch being configured; the section loads when it is set. */
  @property({ attribute: false }) admin: AdminApi | null = null;

  @state() protected _loaded = false;
  @state() protected _loadFailure: unknown = null;
  @state() protected _refusal: unknown = null;
  @state() protected _savedText = '';
  @state() protected _busy = false;
  /** Problems show once the user tried to save, then follow their typing. */
  @state() protected _showProblems = false;

  /** Reads the section's records. */
  protected abstract _reload(admin: AdminApi): Promise<void>;

  /** Forgets the selection and the form: called when the branch changes. */
  protected _reset(): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('admin') && this.admin) {
      this._reset();
      this._loaded = false;
      void this._load();
    }
  }

  private async _load(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    try {
      await this._reload(admin);
      this._loadFailure = null;
    } catch (err) {
      this._loadFailure = err;
    }
    this._loaded = true;
  }

  /** Clears the last outcome when the user starts another change. */
  protected _clearOutcome(): void {
    this._refusal = null;
    this._savedText = '';
    this._showProblems = false;
  }

  /**
   * Sends one change, then reloads the records. Returns the server's reply, or null when it
   * refused (the refusal is shown; a 404 reloads, since someone else removed the record).
   */
  protected async _send<T>(change: (admin: AdminApi) => Promise<T>, savedText: string): Promise<{ reply: T } | null> {
    const admin = this.admin;
    if (!admin || this._busy) return null;
    this._busy = true;
    this._refusal = null;
    this._savedText = '';
    try {
      const reply = await change(admin);
      this._savedText = savedText;
      this._showProblems = false;
      await this._load();
      return { reply };
    } catch (err) {
      this._refusal = err;
      if (err instanceof ApiError && err.code === 'NOT_FOUND') await this._load();
      return null;
    } finally {
      this._busy = false;
    }
  }

  protected _renderOutcome() {
    if (this._refusal) {
      return html`<div class="refusal" role="alert" data-testid="admin-error">
        <strong>${refusalTitle(this._refusal)}</strong>${refusalText(this._refusal)}
      </div>`;
    }
    if (this._savedText) return html`<div class="saved" role="status" data-testid="admin-saved">✓ ${this._savedText}</div>`;
    return nothing;
  }

  /** Loading and load failures, in place of the records. */
  protected _renderLoadState() {
    if (this._loadFailure) {
      return html`<div class="refusal" role="alert" data-testid="admin-error">
        <strong>${msg('Could not load this list.')}</strong>${refusalText(this._loadFailure)}
      </div>`;
    }
    if (!this._loaded) return html`<p class="empty">${msg('Loading…')}</p>`;
    return nothing;
  }
}
