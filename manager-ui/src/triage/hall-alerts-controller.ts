/**
 * The triage screen's hall alerts (GET hall-alerts), kept fresh: fetched when the hints of the records
 * they count move (complaint, check, device, customer), when the machines change (a branch.configured
 * resync), when a VIP ticket starts or stops waiting, and every 30 s (offline minutes grow without events).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../../protocol/api-client.js';
import { checkRoutes, type HallAlerts } from '../../../protocol/check-routes.js';
import { deviceHealthRoutes } from '../../../protocol/device-health-routes.js';
import type { LiveState } from '../app-context.js';

const EVERY_MS = 30_000;

/** What the alerts depend on besides the clock; a change of it fetches them again. */
export function hallAlertsKey(live: LiveState): string {
  const snapshot = live.snapshot;
  if (!snapshot) return '';
  const { complaint = 0, check = 0, device = 0, customer = 0 } = live.recordHints;
  const machines = snapshot.machines.map((m) => `${m.id}:${m.inService}:${m.faultNote ?? ''}`).join(',');
  const vip = snapshot.tickets
    .filter((t) => t.status === 'waiting' && t.tier === 'vip')
    .map((t) => t.id)
    .join(',');
  return [snapshot.branch.id, complaint, check, device, customer, machines, vip].join('|');
}

export class HallAlertsController implements ReactiveController {
  /** The latest alerts; null until the first answer. */
  alerts: HallAlerts | null = null;

  private _key = '';
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ApiClient,
    private readonly live: () => LiveState,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._timer = setInterval(() => void this.refresh(), EVERY_MS);
  }

  hostDisconnected(): void {
    clearInterval(this._timer);
  }

  /** Called before each render: fetches again when what the alerts depend on moved. */
  hostUpdate(): void {
    const key = hallAlertsKey(this.live());
    if (key === this._key) return;
    this._key = key;
    void this.refresh();
  }

  /** Fetches the alerts; a failure keeps the last ones (shown again on the next change or tick). */
  async refresh(): Promise<void> {
    const branchId = this.live().snapshot?.branch.id;
    if (!branchId) return;
    try {
      this.alerts = await this.api().call(checkRoutes.hallAlerts, { branchId });
      this.host.requestUpdate();
    } catch {
      // The queues matter more than a retry message.
    }
  }

  /** The manager saw to a kiosk's printer. */
  async resolveDeviceFault(faultId: string): Promise<void> {
    const branchId = this.live().snapshot?.branch.id;
    if (!branchId) return;
    await this.api().call(deviceHealthRoutes.resolveFault, { branchId, faultId });
    await this.refresh();
  }
}
