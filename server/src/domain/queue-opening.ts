/**
 * The queue summaries as every screen reads them: each service's `opening` from the calendar and
 * the counters, the self-service suggestion, and the public screens' copy without VIP waits.
 * Pure; one function per audience, so the kiosk, the phone page, the wall display, triage and
 * the what-if all read the same figures.
 */
import type { BranchSettings, MachineKind, QueueSummary, ServiceOpening } from '../../../protocol/schemas.js';
import type { ServiceIssuing } from './service-opening.js';

export interface OpeningContext {
  nowMs: number;
  /** The calendar's side per service id (service-opening.ts `serviceIssuing`). */
  issuing: ReadonlyMap<string, ServiceIssuing>;
  /** Each service's self-service machine kind, if it has one. */
  selfServiceKind: ReadonlyMap<string, MachineKind | null>;
  /** Kinds of machine in service in the hall now. */
  machinesInService: ReadonlySet<MachineKind>;
  settings: Pick<BranchSettings, 'selfServiceMinSavingSeconds'>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A service's opening: what the calendar says about issuing first; then, while it issues, whether
 * a counter serves it now (open), is planned to later today (opens_later: before opening, at
 * lunch), or neither (no_counter).
 */
export function openingOf(issuing: ServiceIssuing, openCounters: number): ServiceOpening {
  if (issuing.issuing !== 'open') return issuing.issuing;
  if (openCounters > 0) return 'open';
  if (!issuing.servingNow && issuing.servingFromMs !== null) return 'opens_later';
  return 'no_counter';
}

/** The summaries with `opening` and its companions filled in (staff and public alike). */
export function withOpenings(queues: readonly QueueSummary[], context: OpeningContext): QueueSummary[] {
  return queues.map((queue) => {
    const issuing = context.issuing.get(queue.serviceId);
    if (!issuing) return queue;
    const opening = openingOf(issuing, queue.openCounters);
    const kind = context.selfServiceKind.get(queue.serviceId) ?? null;
    const issuingNow = opening === 'open' || opening === 'opens_later' || opening === 'no_counter';
    return {
      ...queue,
      // The estimate stays the estimator's even when the kiosk does not issue: staff may still issue
      // past a cut-off, and their ticket is promised the same figure. Screens show the opening instead.
      opening,
      servedFrom: opening === 'opens_later' ? iso(issuing.servingFromMs) : null,
      nextOpeningAt: issuingNow ? null : iso(issuing.nextOpeningMs),
      cutOffAt: iso(issuing.cutOffMs),
      quotaLeft: issuing.quotaLeft,
      suggestSelfService:
        issuingNow && kind !== null && context.machinesInService.has(kind) && queue.estimatedWaitSeconds >= context.settings.selfServiceMinSavingSeconds,
    };
  });
}

/**
 * The summaries for the hall's screens: a service only VIP counters serve (`vipOnly`) keeps its
 * opening and count, but its waits are 0: VIP waits are not shown in public.
 */
export function publicQueues(queues: readonly QueueSummary[]): QueueSummary[] {
  if (!queues.some((q) => q.vipOnly)) return queues as QueueSummary[];
  return queues.map((queue) => (queue.vipOnly ? { ...queue, estimatedWaitSeconds: 0, longestWaitSeconds: 0, suggestSelfService: false } : queue));
}
