/** Colouring queues by the branch's wait thresholds, and the alerts with their suggested remedies (疏導). */
import type { BranchSettings, Counter, MachineKind, Service, Snapshot } from '../../../protocol/schemas.js';
import { longestWaitNow } from './wait-time.js';
import { waitingTicketsOf } from './snapshot-views.js';

export type QueueLevel = 'green' | 'amber' | 'red';

/** The longest waits that turn a queue amber and red. */
export type WaitThresholds = Pick<BranchSettings, 'amberWaitSeconds' | 'redWaitSeconds'>;

/**
 * One service's thresholds: the branch's, raised for a service whose own target wait is longer than
 * the branch's red threshold (a 20-minute loan queue is not late at 15). Then red is the target, and
 * amber keeps the branch's proportion of red.
 */
export function serviceThresholds(settings: WaitThresholds, service: Pick<Service, 'targetWaitSeconds'>): WaitThresholds {
  const red = Math.max(settings.redWaitSeconds, service.targetWaitSeconds);
  if (red === settings.redWaitSeconds) return { amberWaitSeconds: settings.amberWaitSeconds, redWaitSeconds: red };
  return { amberWaitSeconds: Math.round((settings.amberWaitSeconds * red) / settings.redWaitSeconds), redWaitSeconds: red };
}

/** green below the amber threshold, amber from it, red from the red threshold; an empty queue is green. */
export function queueLevel(longestWaitSeconds: number, waitingCount: number, thresholds: WaitThresholds): QueueLevel {
  if (waitingCount === 0) return 'green';
  if (longestWaitSeconds >= thresholds.redWaitSeconds) return 'red';
  if (longestWaitSeconds >= thresholds.amberWaitSeconds) return 'amber';
  return 'green';
}

/** A queue past the red threshold, with what the lobby manager can do about it. */
export interface QueueAlert {
  serviceId: string;
  longestWaitSeconds: number;
  thresholdSeconds: number;
  waitingCount: number;
  /** A closed or paused counter that serves this queue, to open. */
  counterToOpen: Counter | null;
  /** The self-service machine kind that does this business, when one is in service. */
  divertTo: MachineKind | null;
  /** The customer who has waited longest: the one to offer the machine to. */
  oldestTicketId: string | null;
}

/** Closed counters first (a paused one has a teller who chose to pause), ordinary before VIP, then by number. */
function counterToOpen(counters: Counter[], serviceId: string, vipService: boolean): Counter | null {
  const rank = (c: Counter) => (c.status === 'closed' ? 0 : 2) + (c.vip && !vipService ? 1 : 0);
  const candidates = counters
    .filter((c) => c.status !== 'open' && c.serviceIds.includes(serviceId))
    .sort((a, b) => rank(a) - rank(b) || a.number - b.number);
  return candidates[0] ?? null;
}

/** The red queues (each by its own service's thresholds), longest wait first. */
export function queueAlerts(snapshot: Snapshot, nowMs: number): QueueAlert[] {
  const { settings } = snapshot.branch;
  const alerts: QueueAlert[] = [];
  for (const queue of snapshot.queues) {
    const longest = longestWaitNow(queue, snapshot.at, nowMs);
    const service = snapshot.services.find((s) => s.id === queue.serviceId);
    if (!service) continue;
    const thresholds = serviceThresholds(settings, service);
    if (queueLevel(longest, queue.waitingCount, thresholds) !== 'red') continue;
    const kind = service.selfServiceKind;
    const machineWorks = kind !== null && snapshot.machines.some((m) => m.kind === kind && m.inService);
    alerts.push({
      serviceId: service.id,
      longestWaitSeconds: longest,
      thresholdSeconds: thresholds.redWaitSeconds,
      waitingCount: queue.waitingCount,
      counterToOpen: counterToOpen(snapshot.counters, service.id, vipOnly(snapshot.counters, service.id)),
      divertTo: machineWorks ? kind : null,
      oldestTicketId: waitingTicketsOf(snapshot, service.id)[0]?.id ?? null,
    });
  }
  return alerts.sort((a, b) => b.longestWaitSeconds - a.longestWaitSeconds);
}

/** A service that only VIP counters serve is a VIP service, whatever its prefix. */
function vipOnly(counters: Counter[], serviceId: string): boolean {
  const serving = counters.filter((c) => c.serviceIds.includes(serviceId));
  return serving.length > 0 && serving.every((c) => c.vip);
}
