/**
 * Planning and forecasting API: the Erlang C staffing calculator (`/api/tools/...`), the reports
 * the staffing page plans from (`/api/branches/:branchId/reports/...`) and the what-if forecast
 * of the triage screen (`POST /api/branches/:branchId/what-if`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './schema-kit.js';

/** Arrivals above this per hour, or services longer than a day, are typing mistakes, not branches. */
const MAX_ARRIVALS_PER_HOUR = 100_000;
const MAX_SECONDS = 86_400;

// ── Erlang C ───────────────────────────────────────────────────────────

export const ErlangCQuery = Type.Object(
  {
    arrivalsPerHour: Type.Number({ minimum: 0, maximum: MAX_ARRIVALS_PER_HOUR }),
    meanServiceSeconds: Type.Number({ exclusiveMinimum: 0, maximum: MAX_SECONDS }),
    counters: Type.Integer({ minimum: 1, maximum: 1000 }),
    targetSeconds: Type.Number({ minimum: 0, maximum: MAX_SECONDS, description: 'Service level target: called within this many seconds' }),
  },
  { additionalProperties: false },
);
export type ErlangCQuery = Static<typeof ErlangCQuery>;

export const ErlangCFigures = Type.Object({
  probabilityOfWaiting: Type.Number({ description: 'Share of customers who wait at all' }),
  meanWaitSeconds: Type.Number({ description: 'Mean wait over all customers' }),
  serviceLevel: Type.Number({ description: 'Share called within targetSeconds' }),
  occupancy: Type.Number({ description: 'Share of counter time spent serving' }),
  trafficErlangs: Type.Number({ description: 'Offered load: arrivals per second × mean service seconds' }),
});
export type ErlangCFigures = Static<typeof ErlangCFigures>;

export const StaffingQuery = Type.Object(
  {
    arrivalsPerHour: Type.Number({ minimum: 0, maximum: MAX_ARRIVALS_PER_HOUR }),
    meanServiceSeconds: Type.Number({ exclusiveMinimum: 0, maximum: MAX_SECONDS }),
    targetSeconds: Type.Number({ minimum: 0, maximum: MAX_SECONDS }),
    serviceLevel: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'e.g. 0.8 for 80% called within targetSeconds' }),
  },
  { additionalProperties: false },
);
export type StaffingQuery = Static<typeof StaffingQuery>;

export const StaffingPlan = Type.Composite([Type.Object({ counters: Type.Integer({ description: 'Fewest counters meeting the target' }) }), ErlangCFigures]);
export type StaffingPlan = Static<typeof StaffingPlan>;

// ── reports ────────────────────────────────────────────────────────────

export const BusinessDayString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Business day, YYYY-MM-DD' });

export const ReportQuery = Type.Object(
  {
    from: Type.Optional(BusinessDayString),
    to: Type.Optional(BusinessDayString),
  },
  { additionalProperties: false, description: 'Inclusive business days; by default the last 28 days up to today' },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const EstimateAccuracy = Type.Object({
  tickets: Type.Integer({ description: 'Called tickets with a promised wait (no-shows and cancellations excluded)' }),
  meanAbsoluteErrorSeconds: Nullable(Type.Number()),
  withinFiveMinutesShare: Nullable(Type.Number({ description: 'Share called within ±5 minutes of the promise' })),
  meanSignedErrorSeconds: Nullable(Type.Number({ description: 'Actual − promised; positive: customers waited longer than promised' })),
});
export type EstimateAccuracy = Static<typeof EstimateAccuracy>;

export const EstimateAccuracyReport = Type.Object({
  from: BusinessDayString,
  to: BusinessDayString,
  overall: EstimateAccuracy,
  services: Type.Array(Type.Composite([Type.Object({ serviceId: Id }), EstimateAccuracy])),
});
export type EstimateAccuracyReport = Static<typeof EstimateAccuracyReport>;

export const ArrivalsReport = Type.Object({
  from: BusinessDayString,
  to: BusinessDayString,
  timeZone: Type.String(),
  days: Type.Integer({ description: 'Business days in the period with at least one ticket' }),
  services: Type.Array(
    Type.Object({
      serviceId: Id,
      tickets: Type.Integer(),
      ticketsByHour: Type.Array(Type.Integer(), { minItems: 24, maxItems: 24, description: 'Index = hour of day, branch time' }),
      arrivalsPerHour: Type.Array(Type.Number(), { minItems: 24, maxItems: 24, description: 'ticketsByHour / days' }),
      meanServiceSeconds: Type.Number({ description: 'Robust mean (outliers clipped, blended with the configured time)' }),
      completedTickets: Type.Integer(),
    }),
  ),
});
export type ArrivalsReport = Static<typeof ArrivalsReport>;

// ── what-if ────────────────────────────────────────────────────────────

export const WHAT_IF_ACTIONS = ['open-counter', 'close-counter', 'divert', 'reassign-counter'] as const;

/**
 * The most a what-if may simulate. The work grows with runs × minutes (and with the crowd in the
 * hall); at these maxima a crowded hall is forecast in about a second on a 2-core server, well
 * inside the server's time budget.
 */
export const WHAT_IF_MAX_RUNS = 500;
export const WHAT_IF_MAX_HORIZON_MINUTES = 120;

export const WhatIfBody = Type.Object(
  {
    action: Type.Union([Type.Literal('open-counter'), Type.Literal('close-counter'), Type.Literal('divert'), Type.Literal('reassign-counter')]),
    counterId: Type.Optional(Id),
    serviceId: Type.Optional(Id),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'divert: customers sent to self-service' })),
    serviceIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20, description: 'reassign-counter: the services it will serve' })),
    runs: Type.Optional(Type.Integer({ minimum: 20, maximum: WHAT_IF_MAX_RUNS, default: 200 })),
    horizonMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: WHAT_IF_MAX_HORIZON_MINUTES, default: 60 })),
  },
  {
    additionalProperties: false,
    description:
      'open-counter {counterId}; close-counter {counterId}; divert {serviceId, count}; reassign-counter {counterId, serviceIds}',
  },
);
export type WhatIfBody = Static<typeof WhatIfBody>;

export const WaitRange = Type.Object({ median: Type.Number(), p10: Type.Number(), p90: Type.Number() });
export type WaitRange = Static<typeof WaitRange>;

/** A wait range with what it measures. */
const Measured = (description: string) => Type.Object(WaitRange.properties, { description });

export const ScenarioForecast = Type.Object({
  longestWaitSeconds: Measured('The longest wait of anyone in the hall during the period (called, or still waiting at its end)'),
  meanWaitSeconds: Measured('Mean wait of those customers'),
  waitingAtEnd: Measured('Customers still waiting when the period ends'),
});
export type ScenarioForecast = Static<typeof ScenarioForecast>;

/**
 * A ticket taken now, per service: the same estimate the kiosk promises and triage shows (the
 * queue summaries' `estimatedWaitSeconds`), as the hall is and with the action done now. The
 * simulated figures above are of the next hour's customers, cut at its end.
 */
export const TicketNowWait = Type.Object({
  serviceId: Id,
  baselineSeconds: Type.Integer(),
  withActionSeconds: Type.Integer(),
});
export type TicketNowWait = Static<typeof TicketNowWait>;

export const WhatIfForecast = Type.Object({
  horizonMinutes: Type.Integer(),
  runs: Type.Integer(),
  baseline: ScenarioForecast,
  withAction: ScenarioForecast,
  ticketNow: Type.Optional(Type.Array(TicketNowWait)),
});
export type WhatIfForecast = Static<typeof WhatIfForecast>;
