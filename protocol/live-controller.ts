/**
 * A Lit reactive controller over LiveClient, written against Lit's controller interface by shape
 * so that protocol/ stays framework-free. `host.requestUpdate()` runs on every change.
 */
import { LiveClient, type LiveClientOptions } from './live-client.js';

interface ControllerHost {
  addController(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
  requestUpdate(): void;
}

export class LiveController {
  client: LiveClient | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ControllerHost,
    private readonly options: () => LiveClientOptions | null,
  ) {
    host.addController(this);
  }

  get state() {
    return this.client?.state ?? null;
  }

  /** 'connecting' until the first snapshot; 'reconnecting' while data may be stale; 'signed_out' for good. */
  get connection() {
    return this.client?.connection ?? 'connecting';
  }

  /** True while the screen must not show its data as current: "Connecting…", "Reconnecting…" or signed out. */
  get stale() {
    return this.connection !== 'live';
  }

  /**
   * True once the server ended this device's session or revoked its token (close code 4401): the
   * client has stopped reconnecting, and the screen should say "This device was signed out" rather
   * than "Reconnecting…" forever.
   */
  get signedOut() {
    return this.connection === 'signed_out';
  }

  hostConnected(): void {
    const options = this.options();
    if (!options) return;
    this.client = new LiveClient(options);
    this.unsubscribe = this.client.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.client?.close();
    this.client = null;
  }

  /** Reconnects with new options (e.g. after sign-in). */
  restart(): void {
    this.hostDisconnected();
    this.hostConnected();
    this.host.requestUpdate();
  }
}
