/**
 * The branch head's figures (docs/reports.md defines each one): the queue's figures for a period,
 * overall and broken down by day, hour, service, counter or teller, with the ratings of the tickets;
 * and the period's records in numbers: complaints, referrals and equipment faults.
 *
 * Two routes, because their readers differ: a teller reads the figures of their own tickets, while
 * the records are the branch's (a complaint is about the branch, not a teller's ticket) and only
 * managers and admins read them. The records have no breakdown either.
 */
import { Type, type Static } from '@sinclair/typebox';
import { COMPLAINT_CATEGORIES, REFERRAL_STATUSES } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable } from './schema-kit.js';
import { BranchParams, PauseReason } from './schemas.js';
import { BusinessDayString } from './forecast-schemas.js';

export const FIGURES_BREAKDOWNS = ['day', 'hour', 'service', 'counter', 'teller'] as const;
export type FiguresBreakdown = (typeof FIGURES_BREAKDOWNS)[number];
const breakdownOptions = {
  enum: [...FIGURES_BREAKDOWNS],
  description: 'day: business day; hour: hour of the day the ticket was issued (branch time); service; counter; teller',
};
// A string enum rather than a union of literals: a wrong value is refused in one line naming the allowed ones.
export const FiguresBreakdown = Type.Unsafe<FiguresBreakdown>(Type.String(breakdownOptions));

const period = {
  from: Type.Optional(BusinessDayString),
  to: Type.Optional(BusinessDayString),
};

export const FiguresQuery = Type.Object(
  {
    ...period,
    by: Type.Optional(Type.Unsafe<FiguresBreakdown>(Type.String({ ...breakdownOptions, default: 'day' }))),
    tellerId: Type.Optional(Id),
  },
  {
    additionalProperties: false,
    description:
      'Inclusive business days (by default the last 28 up to today, at most 366); by: the breakdown (default day); tellerId: one teller\'s tickets only (a teller always gets their own)',
  },
);
export type FiguresQuery = Static<typeof FiguresQuery>;

export const RecordFiguresQuery = Type.Object(period, {
  additionalProperties: false,
  description: 'Inclusive business days; by default the last 28 up to today, at most 366',
});
export type RecordFiguresQuery = Static<typeof RecordFiguresQuery>;

const Seconds = Nullable(Type.Number({ minimum: 0 }));
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const WaitFiguresSchema = Type.Object({
  called: Type.Integer({ description: 'Tickets called at least once: the waits measured' }),
  meanSeconds: Seconds,
  medianSeconds: Seconds,
  p90Seconds: Seconds,
  maxSeconds: Seconds,
});

export const TierFigures = Type.Object({
  tickets: Type.Integer(),
  share: Share,
  meanWaitSeconds: Seconds,
});

export const RatingFigures = Type.Object({
  count: Type.Integer({ description: 'Served tickets rated' }),
  satisfied: Type.Integer({ description: 'Rated 4 or 5' }),
  satisfiedShare: Share,
  meanScore: Nullable(Type.Number({ minimum: 1, maximum: 5 })),
  notRatedShare: Share,
});

export const QueueFigures = Type.Object({
  issued: Type.Integer(),
  served: Type.Integer(),
  noShows: Type.Integer(),
  cancelled: Type.Integer(),
  stillOpen: Type.Integer({ description: 'Waiting, called or serving when the figures were read' }),
  divertedAtKiosk: Type.Integer({ description: 'Sent to a self-service machine by the kiosk, before a ticket' }),
  divertedByManager: Type.Integer({ description: 'Waiting tickets the lobby manager sent to a machine' }),
  transferred: Type.Integer({ description: 'Tickets transferred to another service, each once' }),
  wait: WaitFiguresSchema,
  serviceTime: Type.Object({ timed: Type.Integer(), medianSeconds: Seconds, p90Seconds: Seconds }),
  serviceLevel: Type.Object({
    called: Type.Integer(),
    withinTarget: Type.Integer({ description: "First called within the service's target wait" }),
    share: Share,
  }),
  priority: TierFigures,
  vip: TierFigures,
  ratings: RatingFigures,
});
export type QueueFigures = Static<typeof QueueFigures>;

export const FiguresRow = Type.Composite([
  Type.Object({
    key: Nullable(Type.String({ description: 'The day, the hour (00–23), or the service, counter or teller id; null: tickets with none (never called to a counter)' })),
    label: Nullable(Type.String({ description: "The day; 09:00; the service's prefix; the counter's number; the teller's name" })),
  }),
  QueueFigures,
]);
export type FiguresRow = Static<typeof FiguresRow>;

export const FiguresReport = Type.Object({
  from: BusinessDayString,
  to: BusinessDayString,
  timeZone: Type.String(),
  by: FiguresBreakdown,
  tellerId: Nullable(Id),
  total: QueueFigures,
  rows: Type.Array(FiguresRow, { description: 'Only keys with something to count; the counts of the rows add up to the total' }),
});
export type FiguresReport = Static<typeof FiguresReport>;

export const RecordFiguresReport = Type.Object({
  from: BusinessDayString,
  to: BusinessDayString,
  timeZone: Type.String(),
  complaints: Type.Object({
    received: Type.Integer(),
    repliedInTime: Type.Integer(),
    repliedLate: Type.Integer(),
    awaitingReply: Type.Integer({ description: 'Not replied yet, deadline not passed' }),
    overdue: Type.Integer({ description: 'Not replied, deadline passed' }),
    byCategory: Type.Array(
      Type.Object({
        category: Type.Union(COMPLAINT_CATEGORIES.map((c) => Type.Literal(c))),
        received: Type.Integer(),
        repliedInTime: Type.Integer(),
        repliedLate: Type.Integer(),
        awaitingReply: Type.Integer(),
        overdue: Type.Integer(),
      }),
    ),
  }),
  referrals: Type.Object({
    made: Type.Integer(),
    byOutcome: Type.Array(Type.Object({ status: Type.Union(REFERRAL_STATUSES.map((s) => Type.Literal(s))), referrals: Type.Integer() })),
  }),
  faults: Type.Object({
    machines: Type.Integer({ description: 'Self-service machines whose current fault was found in the period' }),
    devices: Type.Integer({ description: "Kiosks' failed prints and paper outs" }),
    checkItems: Type.Integer({ description: 'Faulty items of the opening and closing checks, machines left out' }),
  }),
  pauses: Type.Object({
    pauses: Type.Integer({ description: "Counters' pauses begun in the period" }),
    seconds: Type.Number({ minimum: 0, description: 'Their length in all: each until its counter opened, paused again or closed (now, if still paused)' }),
    byReason: Type.Array(Type.Object({ reason: PauseReason, pauses: Type.Integer(), seconds: Type.Number({ minimum: 0 }) })),
  }),
});
export type RecordFiguresReport = Static<typeof RecordFiguresReport>;

export const reportRoutes = {
  figures: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/reports/figures',
    summary: "The queue's figures for a period, overall and by day, hour, service, counter or teller (managers; a teller their own)",
    tags: ['reports'],
    params: BranchParams,
    querystring: FiguresQuery,
    response: { 200: FiguresReport },
  }),
  recordFigures: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/reports/records',
    summary: "The period's complaints by category and reply, referrals by outcome, equipment faults and counters' pauses by reason (managers)",
    tags: ['reports'],
    params: BranchParams,
    querystring: RecordFiguresQuery,
    response: { 200: RecordFiguresReport },
  }),
} as const;
