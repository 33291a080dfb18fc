import { describe, expect, it } from 'vitest';
import {
  addDays,
  collectQueueTimeEvidence,
  DEFAULT_NO_SHOW_SECONDS,
  learnNoShowShare,
  learnQueueTimes,
  learnServiceTime,
  median,
  winsorisedMean,
  type FinishedTicket,
} from '../../server/src/domain/service-time';

const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

describe('learnServiceTime', () => {
  it.each([
    {
      name: 'uses the configured time before anything is known',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: [] },
      mean: 300,
      basis: 'configured',
    },
    {
      name: 'moves toward recent days, the configured time weighing as 5 services',
      evidence: { configuredSeconds: 300, recentSeconds: repeat(400, 20), todaySeconds: [] },
      mean: (5 * 300 + 20 * 400) / 25,
      basis: 'recent',
    },
    {
      name: 'moves only a little after one long service today',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: [600] },
      mean: (10 * 300 + 600) / 11,
      basis: 'today',
    },
    {
      name: 'follows a busy day: 100 quick services outweigh the prior',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: repeat(200, 100) },
      mean: (10 * 300 + 100 * 200) / 110,
      basis: 'today',
    },
    {
      name: 'clips a ticket left open over lunch to 4 × the median',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: [300, 300, 300, 300, 5400] },
      // The 90-minute ticket counts as 20 minutes: (4 × 300 + 1200) / 5 = 480.
      mean: (10 * 300 + 5 * 480) / 15,
      basis: 'today',
    },
    {
      name: 'clips an outlier against the prior while there are too few services for a median',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: [5400] },
      mean: (10 * 300 + 1200) / 11,
      basis: 'today',
    },
    {
      name: 'raises a service completed by mistake to a tenth of the median',
      evidence: { configuredSeconds: 300, recentSeconds: [], todaySeconds: [300, 300, 300, 300, 2] },
      mean: (10 * 300 + (4 * 300 + 30)) / 15,
      basis: 'today',
    },
    {
      name: 'chains the levels: today is pulled toward the recent-days prior, not the configured time',
      evidence: { configuredSeconds: 300, recentSeconds: repeat(600, 995), todaySeconds: repeat(500, 10) },
      mean: (10 * ((5 * 300 + 995 * 600) / 1000) + 10 * 500) / 20,
      basis: 'today',
    },
    {
      name: 'ignores durations that cannot be real',
      evidence: { configuredSeconds: 300, recentSeconds: [Number.NaN, -5], todaySeconds: [Number.POSITIVE_INFINITY] },
      mean: 300,
      basis: 'configured',
    },
    {
      name: 'plans with at least one second when the configured time is zero',
      evidence: { configuredSeconds: 0, recentSeconds: [], todaySeconds: [] },
      mean: 1,
      basis: 'configured',
    },
  ])('$name', ({ evidence, mean, basis }) => {
    const learned = learnServiceTime(evidence);
    expect(learned.meanSeconds).toBeCloseTo(mean, 9);
    expect(learned.basis).toBe(basis);
  });

  it('counts the samples behind the figure', () => {
    expect(learnServiceTime({ configuredSeconds: 300, recentSeconds: [200, 300], todaySeconds: [250] }).samples).toBe(3);
  });
});

describe('median and winsorisedMean', () => {
  it.each([
    { values: [], median: Number.NaN },
    { values: [5], median: 5 },
    { values: [9, 1, 5], median: 5 },
    { values: [4, 1, 3, 2], median: 2.5 },
  ])('median of $values is $median', ({ values, median: expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves ordinary samples alone', () => {
    expect(winsorisedMean([200, 300, 400, 250, 350], 1000)).toBe(300);
  });

  it('is NaN without usable samples', () => {
    expect(winsorisedMean([Number.NaN], 300)).toBeNaN();
  });
});

describe('learnNoShowShare', () => {
  it.each([
    { name: 'starts from 1 in 20', evidence: { recentCalls: 0, recentNoShows: 0, todayCalls: 0, todayNoShows: 0 }, share: 0.05 },
    { name: 'learns a branch where nobody leaves', evidence: { recentCalls: 990, recentNoShows: 0, todayCalls: 0, todayNoShows: 0 }, share: 0.5 / 1000 },
    {
      name: 'moves with today: 20 of 80 calls found nobody',
      evidence: { recentCalls: 990, recentNoShows: 0, todayCalls: 80, todayNoShows: 20 },
      share: (20 * (0.5 / 1000) + 20) / 100,
    },
  ])('$name', ({ evidence, share }) => {
    expect(learnNoShowShare(evidence)).toBeCloseTo(share, 9);
  });
});

describe('learnQueueTimes', () => {
  const finished = (serviceId: string, businessDay: string, minutes: number, status: 'done' | 'no_show' = 'done'): FinishedTicket => {
    const calledAt = `${businessDay}T02:00:00.000Z`;
    return {
      serviceId,
      businessDay,
      status,
      calledAt,
      startedAt: status === 'done' ? calledAt : null,
      endedAt: new Date(Date.parse(calledAt) + minutes * 60_000).toISOString(),
    };
  };

  it('sorts finished tickets into service times and no-shows per service', () => {
    const evidence = collectQueueTimeEvidence([finished('A', '2026-11-23', 5), finished('A', '2026-11-23', 2, 'no_show'), finished('B', '2026-11-23', 1)]);
    expect(evidence.get('A')).toEqual({ serviceSeconds: [300], noShows: 1, noShowSeconds: [120] });
    expect(evidence.get('B')).toEqual({ serviceSeconds: [60], noShows: 0, noShowSeconds: [] });
  });

  it('learns each service from today, with the recent days as its prior', () => {
    const learned = learnQueueTimes(
      [
        { id: 'A', configuredSeconds: 240 },
        { id: 'B', configuredSeconds: 360 },
      ],
      collectQueueTimeEvidence([finished('A', '2026-11-20', 3)]),
      collectQueueTimeEvidence([finished('A', '2026-11-23', 5), finished('X', '2026-11-23', 99), finished('A', '2026-11-23', 2, 'no_show')]),
    );
    const recentPrior = (5 * 240 + 180) / 6;
    const a = learned.services.get('A')!;
    expect(a.meanSeconds).toBeCloseTo((10 * recentPrior + 300) / 11, 9);
    expect(a.samples).toBe(2);
    expect(a.noShowShare).toBeCloseTo(learnNoShowShare({ recentCalls: 1, recentNoShows: 0, todayCalls: 2, todayNoShows: 1 }), 12);
    expect(learned.services.get('B')).toEqual({ meanSeconds: 360, basis: 'configured', samples: 0, noShowShare: 0.05 });
    expect(learned.services.has('X')).toBe(false);
  });

  it('measures how long a no-show holds a counter once five are known', () => {
    const noShows = [1, 1, 2, 2, 3].map((m) => finished('A', '2026-11-23', m, 'no_show'));
    const learn = (tickets: FinishedTicket[]) => learnQueueTimes([{ id: 'A', configuredSeconds: 240 }], new Map(), collectQueueTimeEvidence(tickets));
    expect(learn(noShows.slice(0, 4)).noShowSeconds).toBe(DEFAULT_NO_SHOW_SECONDS);
    expect(learn(noShows).noShowSeconds).toBe(120);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-23', -7, '2026-11-16'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s %d days is %s', (day, days, expected) => {
    expect(addDays(day as string, days as number)).toBe(expected);
  });
});
