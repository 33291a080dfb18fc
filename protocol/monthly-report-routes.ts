/**
 * The monthly report (定期報告): the lobby manager's written report to the branch head, one per
 * branch and month. Its figures are computed when read, by the report-figures service
 * (docs/reports.md), against the previous month; its text (customer needs, opinions, market
 * information, proposals) is saved as a draft, prefilled from the month's diary notes, and then
 * submitted, after which nobody may change it. Managers and admins of the branch only.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ComplaintCategory, ComplaintStatus, ReferralStatus } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { IsoDate, LocalizedName } from './schemas.js';

/** Limits shared by the server's schema and the console's form. */
export const MONTHLY_REPORT_LIMITS = { textLength: 8000 } as const;

const strict = { additionalProperties: false } as const;

export const MONTHLY_REPORT_STATUSES = ['draft', 'submitted'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];

/** A calendar month, YYYY-MM. */
export const MonthString = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

const ReportText = (description: string) => Type.String({ maxLength: MONTHLY_REPORT_LIMITS.textLength, description });

/** The manager's own words; each may be left empty. */
export const MonthlyReportText = Type.Object(
  {
    customerNeeds: ReportText('Customer needs (客戶需求)'),
    opinions: ReportText("Customers' opinions of the branch's products and service (客戶意見)"),
    marketInfo: ReportText('Market and customer information (市場信息)'),
    proposals: ReportText('Proposals to the branch head (建議)'),
  },
  strict,
);
export type MonthlyReportText = Static<typeof MonthlyReportText>;

/** The text fields in the order the report shows them. */
export const MONTHLY_REPORT_TEXT_FIELDS = ['customerNeeds', 'opinions', 'marketInfo', 'proposals'] as const;

/** A saved report, without its figures: what the list shows. */
export const MonthlyReportSummary = Type.Object(
  {
    month: MonthString,
    status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
    authorId: Id,
    authorName: Type.String(),
    updatedAt: Timestamp,
    submittedAt: Nullable(Timestamp),
  },
  strict,
);
export type MonthlyReportSummary = Static<typeof MonthlyReportSummary>;

export const MonthlyReportList = Type.Object({ reports: Type.Array(MonthlyReportSummary, { description: 'Newest month first' }) }, strict);
export type MonthlyReportList = Static<typeof MonthlyReportList>;

const Num = Nullable(Type.Number());

/** The month at a glance: one month's headline figures (docs/reports.md defines each). */
export const MonthGlance = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    issued: Type.Integer(),
    served: Type.Integer(),
    meanWaitSeconds: Num,
    p90WaitSeconds: Num,
    serviceLevel: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    noShows: Type.Integer(),
    diversions: Type.Integer({ description: 'Diverted to self-service: at the kiosk and by the manager' }),
    meanRating: Num,
    ratedShare: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Served tickets rated, as a share of served' })),
    complaintsReceived: Type.Integer(),
    complaintsRepliedInTime: Type.Integer(),
  },
  strict,
);
export type MonthGlance = Static<typeof MonthGlance>;

export const StaffingTarget = Type.Object(
  { targetSeconds: Type.Integer(), serviceLevel: Type.Number() },
  { ...strict, description: 'The target the suggested counters meet: this share called within targetSeconds' },
);

export const BusyHour = Type.Object(
  {
    hour: Type.String({ description: '00–23, branch time' }),
    issued: Type.Integer(),
    arrivalsPerHour: Type.Number({ description: 'Issued in that hour, per business day with tickets' }),
    meanWaitSeconds: Num,
    serviceLevel: Nullable(Type.Number()),
    suggestedCounters: Nullable(Type.Integer({ description: 'Fewest counters meeting the staffing target (Erlang C); null without a service time' })),
  },
  strict,
);
export const BusyDay = Type.Object(
  { day: IsoDate, issued: Type.Integer(), served: Type.Integer(), meanWaitSeconds: Num, serviceLevel: Nullable(Type.Number()) },
  strict,
);

export const MonthComplaint = Type.Object(
  {
    id: Id,
    category: ComplaintCategory,
    receivedAt: Timestamp,
    status: ComplaintStatus,
    outcome: Nullable(Type.String()),
    repliedAt: Nullable(Timestamp),
    replyDueAt: Timestamp,
  },
  strict,
);

export const MonthlyReport = Type.Object(
  {
    branchId: Id,
    branchName: LocalizedName,
    month: MonthString,
    previousMonth: MonthString,
    /** none: nothing saved yet (the text is prefilled from the diary). */
    status: Type.Union([Type.Literal('none'), Type.Literal('draft'), Type.Literal('submitted')]),
    authorName: Nullable(Type.String()),
    updatedAt: Nullable(Timestamp),
    submittedAt: Nullable(Timestamp),
    current: MonthGlance,
    previous: MonthGlance,
    staffingTarget: StaffingTarget,
    busiestHours: Type.Array(BusyHour, { description: 'The three hours of the day with most tickets, busiest first' }),
    busiestDays: Type.Array(BusyDay, { description: 'The three business days with most tickets, busiest first' }),
    complaints: Type.Array(MonthComplaint, { description: 'Received in the month, oldest first' }),
    referrals: Type.Object({ made: Type.Integer(), byOutcome: Type.Array(Type.Object({ status: ReferralStatus, referrals: Type.Integer() })) }),
    faults: Type.Object({ machines: Type.Integer(), devices: Type.Integer(), checkItems: Type.Integer() }),
    text: MonthlyReportText,
    /** True when the text comes from the diary, not from a saved draft. */
    prefilled: Type.Boolean(),
    /** Milliseconds the server took to compute the report. */
    computeMs: Type.Number(),
  },
  strict,
);
export type MonthlyReport = Static<typeof MonthlyReport>;

const BranchOnly = Type.Object({ branchId: Id }, strict);
export const MonthlyReportParams = Type.Object({ branchId: Id, month: MonthString }, strict);

export const monthlyReportRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/monthly-reports',
    summary: "The branch's saved monthly reports, newest first: month, status, author (managers and admins)",
    tags: ['reports'],
    params: BranchOnly,
    response: { 200: MonthlyReportList },
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/monthly-reports/:month',
    summary: "A month's report: its figures against the previous month, busiest hours and days with staffing, complaints, referrals, faults, and the text (managers and admins; the complaints' read is audited)",
    tags: ['reports'],
    params: MonthlyReportParams,
    response: { 200: MonthlyReport },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/branches/:branchId/monthly-reports/:month',
    summary: "Saves the month's text as a draft; RECORD_LOCKED once submitted",
    tags: ['reports'],
    params: MonthlyReportParams,
    body: MonthlyReportText,
    response: { 200: MonthlyReportSummary },
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/monthly-reports/:month/submit',
    summary: 'Submits the saved draft to the branch head; read-only afterwards (RECORD_LOCKED)',
    tags: ['reports'],
    params: MonthlyReportParams,
    response: { 200: MonthlyReportSummary },
  }),
} as const;
