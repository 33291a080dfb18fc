/**
 * How long a service takes, learned from what actually happened. Pure.
 *
 * The estimate is a two-level shrinkage (a Bayesian blend with pseudo-observations): recent days
 * are pulled toward the service's configured time, and today is pulled toward that prior. A few
 * services today move the figure a little; a busy morning moves it a lot. Each sample is
 * winsorised around the median first, so one ticket left open over lunch cannot double the mean.
 */

export interface ServiceTimeEvidence {
  /** The service's configured time (`default_service_seconds`). */
  configuredSeconds: number;
  /** Completed service durations (started → ended) of recent business days, seconds. */
  recentSeconds: readonly number[];
  /** Completed service durations of today, seconds. */
  todaySeconds: readonly number[];
}

export interface LearnedServiceTime {
  meanSeconds: number;
  /** The newest evidence that shaped the figure. */
  basis: 'configured' | 'recent' | 'today';
  /** Samples behind the figure (recent and today). */
  samples: number;
}

export interface ServiceTimeOptions {
  /** How many observations the configured time is worth against recent days. */
  configuredWeight: number;
  /** How many observations the recent-days prior is worth against today. */
  priorWeight: number;
  /** Samples above this multiple of the reference (median) are clipped to it. */
  upperClip: number;
  /** Samples below this fraction of the reference are raised to it (a ticket completed by mistake). */
  lowerClip: number;
  /** Below this many samples the median is too shaky to be the reference: the prior is used. */
  minSamplesForMedian: number;
}

export const SERVICE_TIME_DEFAULTS: ServiceTimeOptions = {
  configuredWeight: 5,
  priorWeight: 10,
  upperClip: 4,
  lowerClip: 0.1,
  minSamplesForMedian: 5,
};

/** The median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Mean of `samples` after clipping each to [lowerClip, upperClip] × reference. The reference is the
 * samples' median when there are enough of them, otherwise `fallbackReference`.
 */
export function winsorisedMean(samples: readonly number[], fallbackReference: number, options = SERVICE_TIME_DEFAULTS): number {
  const usable = samples.filter((s) => Number.isFinite(s) && s >= 0);
  if (usable.length === 0) return Number.NaN;
  const reference = usable.length >= options.minSamplesForMedian ? median(usable) : fallbackReference;
  const low = reference * options.lowerClip;
  const high = reference * options.upperClip;
  let sum = 0;
  for (const s of usable) sum += Math.min(high, Math.max(low, s));
  return sum / usable.length;
}

const finiteCount = (samples: readonly number[]) => samples.filter((s) => Number.isFinite(s) && s >= 0).length;

/** Blends `prior` (worth `weight` observations) with the mean of `count` observations. */
const shrink = (prior: number, weight: number, mean: number, count: number) =>
  count === 0 ? prior : (weight * prior + count * mean) / (weight + count);

/** The mean service time to plan with, from today's services, recent days and the configured time. */
export function learnServiceTime(evidence: ServiceTimeEvidence, options: ServiceTimeOptions = SERVICE_TIME_DEFAULTS): LearnedServiceTime {
  // A service configured at 0 s would make every queue look empty; one second is the floor.
  const configured = Math.max(1, evidence.configuredSeconds);
  const recentCount = finiteCount(evidence.recentSeconds);
  const todayCount = finiteCount(evidence.todaySeconds);

  const recentMean = recentCount ? winsorisedMean(evidence.recentSeconds, configured, options) : configured;
  const prior = shrink(configured, options.configuredWeight, recentMean, recentCount);
  const todayMean = todayCount ? winsorisedMean(evidence.todaySeconds, prior, options) : prior;
  const meanSeconds = shrink(prior, options.priorWeight, todayMean, todayCount);

  return {
    meanSeconds,
    basis: todayCount ? 'today' : recentCount ? 'recent' : 'configured',
    samples: recentCount + todayCount,
  };
}

/** A ticket that left a counter: served (`done`) or not there when called (`no_show`). */
export interface FinishedTicket {
  serviceId: string;
  businessDay: string;
  status: 'done' | 'no_show';
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string;
}

/** Business days before today that form the prior. */
export const RECENT_DAYS = 7;

/** A counter's time on a customer who does not come (call, recall, mark no-show), before any is measured. */
export const DEFAULT_NO_SHOW_SECONDS = 90;

/** Before any evidence, 1 ticket in 20 is a no-show, worth 10 tickets against recent days. */
const NO_SHOW_PRIOR = { share: 0.05, weight: 10 };
/** The recent-days share is worth 20 of today's called tickets. */
const NO_SHOW_TODAY_WEIGHT = 20;

/** Share of called tickets whose customer had gone, shrunk like the service time. */
export function learnNoShowShare(evidence: { recentCalls: number; recentNoShows: number; todayCalls: number; todayNoShows: number }): number {
  const prior = shrink(NO_SHOW_PRIOR.share, NO_SHOW_PRIOR.weight, evidence.recentNoShows / Math.max(1, evidence.recentCalls), evidence.recentCalls);
  return shrink(prior, NO_SHOW_TODAY_WEIGHT, evidence.todayNoShows / Math.max(1, evidence.todayCalls), evidence.todayCalls);
}

/** The calendar day `days` after `day` (YYYY-MM-DD; negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What a period's finished tickets say about one service. */
export interface QueueTimeEvidence {
  /** Service durations (started → ended), seconds. */
  serviceSeconds: number[];
  noShows: number;
  /** Counter time on each no-show (called → marked), seconds. */
  noShowSeconds: number[];
}

/** Sorts a period's finished tickets into evidence per service id. */
export function collectQueueTimeEvidence(finished: readonly FinishedTicket[]): Map<string, QueueTimeEvidence> {
  const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
  const evidence = new Map<string, QueueTimeEvidence>();
  for (const t of finished) {
    let e = evidence.get(t.serviceId);
    if (!e) evidence.set(t.serviceId, (e = { serviceSeconds: [], noShows: 0, noShowSeconds: [] }));
    if (t.status === 'no_show') {
      e.noShows++;
      if (t.calledAt) e.noShowSeconds.push(seconds(t.calledAt, t.endedAt));
    } else if (t.startedAt) {
      e.serviceSeconds.push(seconds(t.startedAt, t.endedAt));
    }
  }
  return evidence;
}

export interface LearnedQueueTimes {
  services: Map<string, LearnedServiceTime & { noShowShare: number }>;
  /** Median counter time on a no-show (called → marked), branch-wide. */
  noShowSeconds: number;
}

const NO_EVIDENCE: QueueTimeEvidence = { serviceSeconds: [], noShows: 0, noShowSeconds: [] };

/** What the estimator plans with, per service, from today's evidence and that of the days before. */
export function learnQueueTimes(
  services: readonly { id: string; configuredSeconds: number }[],
  recent: ReadonlyMap<string, QueueTimeEvidence>,
  today: ReadonlyMap<string, QueueTimeEvidence>,
  options: ServiceTimeOptions = SERVICE_TIME_DEFAULTS,
): LearnedQueueTimes {
  const learned = new Map(
    services.map((s) => {
      const r = recent.get(s.id) ?? NO_EVIDENCE;
      const t = today.get(s.id) ?? NO_EVIDENCE;
      const time = learnServiceTime({ configuredSeconds: s.configuredSeconds, recentSeconds: r.serviceSeconds, todaySeconds: t.serviceSeconds }, options);
      const noShowShare = learnNoShowShare({
        recentCalls: r.serviceSeconds.length + r.noShows,
        recentNoShows: r.noShows,
        todayCalls: t.serviceSeconds.length + t.noShows,
        todayNoShows: t.noShows,
      });
      return [s.id, { ...time, noShowShare }];
    }),
  );
  const measured = [...recent.values(), ...today.values()].flatMap((e) => e.noShowSeconds).filter((x) => Number.isFinite(x) && x >= 0);
  return { services: learned, noShowSeconds: measured.length >= 5 ? median(measured) : DEFAULT_NO_SHOW_SECONDS };
}
