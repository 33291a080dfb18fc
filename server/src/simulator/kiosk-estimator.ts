/**
 * The wait estimator as the server runs it, inside a simulated day: the same service-time and
 * no-show learners fed with the day's finished tickets so far, and the same replay of the call rules.
 */
import type { WaitingTicket } from '../domain/call-order.js';
import { DEFAULT_NO_SHOW_SECONDS, learnNoShowShare, learnServiceTime, median } from '../domain/service-time.js';
import { estimateWaits, type EstimateCounter, type WaitEstimateInput } from '../domain/wait-estimate.js';
import type { SimulatedService } from './branch-profile.js';

export class KioskEstimator {
  private readonly today = new Map<string, { serviceSeconds: number[]; noShows: number }>();
  private readonly configured = new Map<string, number>();
  private readonly targets: Map<string, number>;
  private readonly meanServiceSeconds = new Map<string, number>();
  private readonly noShowShare = new Map<string, number>();
  private readonly noShowSeconds: number[] = [];

  constructor(
    services: readonly SimulatedService[],
    private readonly settings: WaitEstimateInput['settings'],
    private readonly noShowMs = 60_000,
  ) {
    this.targets = new Map(services.map((s) => [s.id, s.targetWaitSeconds]));
    for (const s of services) {
      this.today.set(s.id, { serviceSeconds: [], noShows: 0 });
      // The branch plans with its configured time until it has seen better.
      this.configured.set(s.id, s.configuredServiceSeconds ?? s.meanServiceSeconds);
      this.relearn(s.id);
    }
  }

  /** A customer of `serviceId` was served for `seconds`. */
  served(serviceId: string, seconds: number): void {
    this.today.get(serviceId)?.serviceSeconds.push(seconds);
    this.relearn(serviceId);
  }

  /** A customer of `serviceId` had gone when called. */
  noShow(serviceId: string): void {
    const seen = this.today.get(serviceId);
    if (!seen) return;
    seen.noShows++;
    this.noShowSeconds.push(this.noShowMs / 1000);
    this.relearn(serviceId);
  }

  /** The wait promised to ticket `ticketId` (one of `waiting`) at `nowMs`, as issueTicket records it. */
  promise(ticketId: string, nowMs: number, waiting: readonly WaitingTicket[], counters: readonly EstimateCounter[]): number {
    return estimateWaits({
      now: new Date(nowMs),
      waiting,
      counters,
      meanServiceSeconds: this.meanServiceSeconds,
      noShowShare: this.noShowShare,
      noShowSeconds: this.noShowSeconds.length >= 5 ? median(this.noShowSeconds) : DEFAULT_NO_SHOW_SECONDS,
      targetWaitSeconds: this.targets,
      settings: this.settings,
    }).waitSeconds.get(ticketId)!;
  }

  private relearn(serviceId: string): void {
    const seen = this.today.get(serviceId)!;
    const configuredSeconds = this.configured.get(serviceId)!;
    this.meanServiceSeconds.set(serviceId, learnServiceTime({ configuredSeconds, recentSeconds: [], todaySeconds: seen.serviceSeconds }).meanSeconds);
    const todayCalls = seen.serviceSeconds.length + seen.noShows;
    this.noShowShare.set(serviceId, learnNoShowShare({ recentCalls: 0, recentNoShows: 0, todayCalls, todayNoShows: seen.noShows }));
  }
}
