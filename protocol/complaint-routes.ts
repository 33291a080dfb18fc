/**
 * The complaint log (客戶投訴記錄表) as one route table: managers and admins log, list, edit, reply
 * to, close and reopen complaints; a teller may log one about a ticket at their own counter. The
 * server registers these routes from it (server/src/routes/records/complaints.ts) and the console
 * calls them through `ApiClient.call`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams } from './schemas.js';

const strict = { additionalProperties: false } as const;
const Optional = Type.Optional;

/** Limits shared by the server's schemas and the console's forms. */
export const COMPLAINT_LIMITS = {
  contentLength: 2000,
  customerNameLength: 80,
  customerPhonePattern: '^\\+?[0-9 ()-]{3,24}$',
  replyLength: 2000,
  noteLength: 1000,
  /** A list holds at most this many complaints, newest first. */
  listLimit: 500,
  /** A summary spans at most this many months. */
  summaryMonths: 24,
} as const;

const L = COMPLAINT_LIMITS;

/** A month as the branch's calendar writes it. */
export const ComplaintMonth = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, branch time' });

/** One complaint as managers and admins read it: personal data included. */
export const Complaint = Type.Object({
  id: Id,
  branchId: Id,
  receivedAt: Timestamp,
  channel: ComplaintChannel,
  category: ComplaintCategory,
  content: Type.String(),
  customerName: Nullable(Type.String()),
  customerPhone: Nullable(Type.String()),
  ticketId: Nullable(Id),
  /** The number the customer held: A031. */
  ticketNumber: Nullable(Type.String()),
  counterId: Nullable(Id),
  counterNumber: Nullable(Type.Integer()),
  tellerId: Nullable(Id),
  tellerName: Nullable(Type.String()),
  receivedBy: Id,
  receivedByName: Type.String(),
  handlerId: Nullable(Id),
  handlerName: Nullable(Type.String()),
  status: ComplaintStatus,
  /** The end of the last working day the reply may be given on. */
  replyDueAt: Timestamp,
  reply: Nullable(Type.String()),
  repliedAt: Nullable(Timestamp),
  outcome: Nullable(Type.String()),
  rootCause: Nullable(Type.String()),
  fix: Nullable(Type.String()),
  closedAt: Nullable(Timestamp),
  updatedAt: Timestamp,
});
export type Complaint = Static<typeof Complaint>;

/**
 * What logging a complaint answers, the same for everyone who may log one: a teller who logs a
 * complaint at their counter gets no personal data back, and a manager's screen fetches the log again.
 */
export const ComplaintReceipt = Type.Object({ id: Id, status: ComplaintStatus, replyDueAt: Timestamp });
export type ComplaintReceipt = Static<typeof ComplaintReceipt>;

const Content = Type.String({ minLength: 1, maxLength: L.contentLength, description: 'What the customer complained of' });
const CustomerName = Type.String({ maxLength: L.customerNameLength });
const CustomerPhone = Type.String({ pattern: L.customerPhonePattern, description: 'Digits, spaces, + ( ) -' });
const Note = Type.String({ maxLength: L.noteLength });

export const CreateComplaintBody = Type.Object(
  {
    channel: Optional(ComplaintChannel),
    category: ComplaintCategory,
    content: Content,
    /** The ticket the customer held: its number, counter and teller are taken from it. */
    ticketId: Optional(Id),
    /** A counter and teller named by hand (a phone complaint about yesterday); a ticket's own win. */
    counterId: Optional(Id),
    tellerId: Optional(Id),
    customerName: Optional(CustomerName),
    customerPhone: Optional(CustomerPhone),
    /** When it reached the branch (a letter opened today, dated earlier); now when absent; never in the future. */
    receivedAt: Optional(Timestamp),
  },
  strict,
);
export type CreateComplaintBody = Static<typeof CreateComplaintBody>;

/** A manager's edit: the fields given change; null empties an optional one. What each state allows is the server's rule. */
export const UpdateComplaintBody = Type.Object(
  {
    channel: Optional(ComplaintChannel),
    category: Optional(ComplaintCategory),
    content: Optional(Content),
    customerName: Optional(Nullable(CustomerName)),
    customerPhone: Optional(Nullable(CustomerPhone)),
    handlerId: Optional(Nullable(Id)),
    reply: Optional(Type.String({ minLength: 1, maxLength: L.replyLength })),
    outcome: Optional(Nullable(Note)),
    rootCause: Optional(Nullable(Note)),
    fix: Optional(Nullable(Note)),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateComplaintBody = Static<typeof UpdateComplaintBody>;

export const ReplyComplaintBody = Type.Object(
  { reply: Type.String({ minLength: 1, maxLength: L.replyLength, description: 'What the customer was told' }) },
  strict,
);
export type ReplyComplaintBody = Static<typeof ReplyComplaintBody>;

export const CloseComplaintBody = Type.Object(
  {
    outcome: Type.String({ minLength: 1, maxLength: L.noteLength }),
    rootCause: Optional(Note),
    fix: Optional(Note),
  },
  strict,
);
export type CloseComplaintBody = Static<typeof CloseComplaintBody>;

export const ComplaintQuery = Type.Object(
  {
    status: Optional(ComplaintStatus),
    category: Optional(ComplaintCategory),
    month: Optional(ComplaintMonth),
    /** Only those past their reply deadline without a reply. */
    overdue: Optional(Type.Boolean()),
  },
  strict,
);
export type ComplaintQuery = Static<typeof ComplaintQuery>;

export const ComplaintSummaryQuery = Type.Object(
  {
    /** First month (YYYY-MM); the summary ends with `to`, or with this month when absent. */
    from: Optional(ComplaintMonth),
    to: Optional(ComplaintMonth),
  },
  strict,
);
export type ComplaintSummaryQuery = Static<typeof ComplaintSummaryQuery>;

/** Complaints received in a range of months, counted by category and by month: no personal data. */
export const ComplaintSummary = Type.Object({
  from: ComplaintMonth,
  to: ComplaintMonth,
  byCategory: Type.Array(Type.Object({ category: ComplaintCategory, count: Type.Integer() })),
  byMonth: Type.Array(Type.Object({ month: ComplaintMonth, count: Type.Integer() })),
  total: Type.Integer(),
  /** Waiting for a reply past their deadline now. */
  overdue: Type.Integer(),
});
export type ComplaintSummary = Static<typeof ComplaintSummary>;

export const ComplaintParams = Type.Object({ branchId: Id, complaintId: Id });

const one = '/api/branches/:branchId/complaints/:complaintId';

export const complaintRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/complaints',
    summary: 'The complaint log, newest first, filtered by state, category, month or overdue (managers)',
    tags: ['records'],
    params: BranchParams,
    querystring: ComplaintQuery,
    response: { 200: Type.Array(Complaint) },
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/complaints/summary',
    summary: 'Complaints counted by category and by month over a range of months (managers)',
    tags: ['records'],
    params: BranchParams,
    querystring: ComplaintSummaryQuery,
    response: { 200: ComplaintSummary },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/complaints',
    summary: 'Logs a complaint (managers; a teller about a ticket at their own counter); answers its id, state and reply deadline',
    tags: ['records'],
    params: BranchParams,
    body: CreateComplaintBody,
    response: { 201: ComplaintReceipt },
  }),
  get: defineRoute({
    method: 'GET',
    path: one,
    summary: 'One complaint (managers)',
    tags: ['records'],
    params: ComplaintParams,
    response: { 200: Complaint },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: one,
    summary: 'Edits a complaint as its state allows; a closed one is locked (managers)',
    tags: ['records'],
    params: ComplaintParams,
    body: UpdateComplaintBody,
    response: { 200: Complaint },
  }),
  reply: defineRoute({
    method: 'POST',
    path: `${one}/reply`,
    summary: 'Records the reply given to the customer, and when (managers)',
    tags: ['records'],
    params: ComplaintParams,
    body: ReplyComplaintBody,
    response: { 200: Complaint },
  }),
  close: defineRoute({
    method: 'POST',
    path: `${one}/close`,
    summary: 'Closes a replied complaint with its outcome, root cause and fix (managers)',
    tags: ['records'],
    params: ComplaintParams,
    body: CloseComplaintBody,
    response: { 200: Complaint },
  }),
  reopen: defineRoute({
    method: 'POST',
    path: `${one}/reopen`,
    summary: 'Reopens a closed complaint, with a new reply deadline from now (managers)',
    tags: ['records'],
    params: ComplaintParams,
    response: { 200: Complaint },
  }),
} as const;
