/**
 * The lobby manager's work diary (大堂經理工作日誌) as one route table: a month of entries, the day's
 * figures computed from what happened in the hall, and the signed-in manager's own entry for a day.
 * Diary text is personal data: managers and admins of the branch read it; only its author writes it,
 * until the end of the next business day.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { IsoDate, LocalizedName } from './schemas.js';

/** Limits shared by the server's schema and the console's form. */
export const DIARY_LIMITS = { textLength: 2000 } as const;

const strict = { additionalProperties: false } as const;
const DiaryText = (description: string) => Type.String({ maxLength: DIARY_LIMITS.textLength, description });

/** The four free-text fields a manager writes; each may be left empty. */
export const DiaryEntryBody = Type.Object(
  {
    focus: DiaryText("The day's focus"),
    conversations: DiaryText('Conversations with customers'),
    potentialCustomers: DiaryText('Potential valued customers found'),
    problems: DiaryText('Problems noticed'),
  },
  strict,
);
export type DiaryEntryBody = Static<typeof DiaryEntryBody>;

/** The free-text fields, in the order the form shows them. */
export const DIARY_TEXT_FIELDS = ['focus', 'conversations', 'potentialCustomers', 'problems'] as const;
export type DiaryTextField = (typeof DIARY_TEXT_FIELDS)[number];

export const DiaryEntry = Type.Object(
  {
    id: Id,
    branchId: Id,
    businessDay: IsoDate,
    authorId: Id,
    authorName: Type.String(),
    ...DiaryEntryBody.properties,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** The last business day on which its author may still change it (the next business day after its own). */
    editableUntil: IsoDate,
    /** True once that day has ended in the branch's time zone: nobody may change it any more. */
    locked: Type.Boolean(),
  },
  strict,
);
export type DiaryEntry = Static<typeof DiaryEntry>;

/** A month of entries, every manager's, newest day first; `today` is the branch's business day by the server's clock. */
export const DiaryMonth = Type.Object({ month: Type.String(), today: IsoDate, entries: Type.Array(DiaryEntry) }, strict);
export type DiaryMonth = Static<typeof DiaryMonth>;

const Seconds = Nullable(Type.Integer({ minimum: 0 }));
/** Share of called customers called within the service's target wait (0–1); null when nobody was called. */
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

/** Waits of the customers called that day: longest and mean (called − issued), and how many within the target. */
export const DiaryWaits = Type.Object(
  { served: Type.Integer(), called: Type.Integer(), withinTarget: Type.Integer(), longestWaitSeconds: Seconds, meanWaitSeconds: Seconds, serviceLevel: Share },
  strict,
);
export type DiaryWaits = Static<typeof DiaryWaits>;

/** The day's figures that prefill a diary entry: counts only, never a name or number. */
export const DiaryFigures = Type.Object(
  {
    businessDay: IsoDate,
    services: Type.Array(Type.Object({ serviceId: Id, prefix: Type.String(), name: LocalizedName, ...DiaryWaits.properties }, strict)),
    totals: DiaryWaits,
    /** Waiting tickets sent to a machine, and customers the kiosk sent there before they took one. */
    diversions: Type.Object({ fromQueue: Type.Integer(), beforeTicket: Type.Integer() }, strict),
    /** VIP tickets, and tickets of customers recognised from the resource sheet. */
    vip: Type.Object({ vipTickets: Type.Integer(), registeredCustomers: Type.Integer() }, strict),
    complaints: Type.Object({ received: Type.Integer(), closed: Type.Integer() }, strict),
    referrals: Type.Integer(),
    /** Machines marked faulty, kiosk print failures, and faulty items in the day's checks. */
    faults: Type.Object({ machines: Type.Integer(), devices: Type.Integer(), checkItems: Type.Integer() }, strict),
  },
  strict,
);
export type DiaryFigures = Static<typeof DiaryFigures>;

export const DiaryMonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
  strict,
);
export const DiaryFiguresQuery = Type.Object({ day: IsoDate }, strict);
export const DiaryDayParams = Type.Object({ branchId: Id, day: IsoDate }, strict);
export const DiaryEntryParams = Type.Object({ branchId: Id, day: IsoDate, authorId: Id }, strict);
const BranchOnly = Type.Object({ branchId: Id }, strict);

export const diaryRoutes = {
  month: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/diary',
    summary: "Every manager's diary entries of a month, with their authors (managers and admins; the read is audited)",
    tags: ['records'],
    params: BranchOnly,
    querystring: DiaryMonthQuery,
    response: { 200: DiaryMonth },
  }),
  figures: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/diary/figures',
    summary: "A business day's figures from the tickets and records: served, waits, service level, diversions, VIPs, complaints, referrals, faults",
    tags: ['records'],
    params: BranchOnly,
    querystring: DiaryFiguresQuery,
    response: { 200: DiaryFigures },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/branches/:branchId/diary/:day',
    summary: "Creates or updates the signed-in manager's own entry for a day; RECORD_LOCKED after the next business day, 400 for a future day",
    tags: ['records'],
    params: DiaryDayParams,
    body: DiaryEntryBody,
    response: { 200: DiaryEntry },
  }),
  entry: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/diary/:day/:authorId',
    summary: "One manager's entry for a day (managers and admins; the read is audited)",
    tags: ['records'],
    params: DiaryEntryParams,
    response: { 200: DiaryEntry },
  }),
} as const;
