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

  /** 'connecting' until the first snapshot; 'reconnecting' while data may be stale. */
  get connection() {
    return this.client?.connection ?? 'connecting';
  }

  /** True while the screen must show "Reconnecting…" and dim its data. */
  get stale() {
    return this.connection !== 'live';
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
