/**
 * Referrals to an account or wealth manager (轉介理財經理), as one route table: the lobby manager
 * refers a customer from a ticket or the customer resource sheet, and the account manager moves the
 * referral referred → contacted → converted or declined. The server registers these routes from it
 * (server/src/routes/records/referrals.ts) and the console calls them through `ApiClient.call`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ReferralStatus, ReferralUrgency, type ReferralStatus as Status } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams } from './schemas.js';

const strict = { additionalProperties: false } as const;

/** Limits shared by the server's schemas and the console's form. */
export const REFERRAL_LIMITS = {
  needLength: 500,
  productInterestLength: 120,
  customerNameLength: 80,
  customerPhonePattern: '^\\+?[0-9 ()-]{3,24}$',
  noteLength: 1000,
  /** A list holds at most this many referrals, newest first. */
  listLimit: 500,
} as const;

/**
 * Where a referral may move next: referred → contacted → converted | declined, and straight from
 * referred to declined (the customer said no at once). Converted and declined are final.
 */
export const REFERRAL_MOVES: Readonly<Record<Status, readonly Status[]>> = {
  referred: ['contacted', 'declined'],
  contacted: ['converted', 'declined'],
  converted: [],
  declined: [],
};

/** Whether a referral in `from` may move to `to`. */
export const canMoveReferral = (from: Status, to: Status): boolean => REFERRAL_MOVES[from].includes(to);

/** A month as the branch's calendar writes it. */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, branch time' });

export const Referral = Type.Object({
  id: Id,
  branchId: Id,
  /** The customer resource sheet's customer, when the referral came from it (or the ticket was recognised). */
  customerId: Nullable(Id),
  ticketId: Nullable(Id),
  /** The number the customer held, kept when the referral was made from a ticket: A031. */
  ticketNumber: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  customerPhone: Nullable(Type.String()),
  need: Type.String(),
  productInterest: Nullable(Type.String()),
  urgency: ReferralUrgency,
  /** The account manager it is made to, and their name. */
  referredTo: Id,
  referredToName: Type.String(),
  referredBy: Id,
  referredByName: Type.String(),
  status: ReferralStatus,
  /** The note of the last move (why it was declined, what was agreed). */
  note: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Referral = Static<typeof Referral>;

const Optional = Type.Optional;

export const CreateReferralBody = Type.Object(
  {
    referredTo: Id,
    need: Type.String({ minLength: 1, maxLength: REFERRAL_LIMITS.needLength, description: 'What the customer needs, in the manager’s words' }),
    productInterest: Optional(Type.String({ maxLength: REFERRAL_LIMITS.productInterestLength })),
    urgency: ReferralUrgency,
    /** The ticket the customer holds; its number is kept with the referral. */
    ticketId: Optional(Id),
    customerId: Optional(Id),
    customerName: Optional(Type.String({ maxLength: REFERRAL_LIMITS.customerNameLength })),
    customerPhone: Optional(Type.String({ pattern: REFERRAL_LIMITS.customerPhonePattern, description: 'Digits, spaces, + ( ) -' })),
  },
  strict,
);
export type CreateReferralBody = Static<typeof CreateReferralBody>;

export const MoveReferralBody = Type.Object(
  {
    status: ReferralStatus,
    /** Required when declining: why. */
    note: Optional(Type.String({ maxLength: REFERRAL_LIMITS.noteLength })),
  },
  strict,
);
export type MoveReferralBody = Static<typeof MoveReferralBody>;

export const ReferralQuery = Type.Object(
  {
    status: Optional(ReferralStatus),
    /** The account manager's user id. */
    to: Optional(Id),
    month: Optional(Month),
  },
  strict,
);
export type ReferralQuery = Static<typeof ReferralQuery>;

export const ReferralSummaryQuery = Type.Object({ month: Optional(Month) }, strict);

const Counts = Type.Object({
  referred: Type.Integer(),
  contacted: Type.Integer(),
  converted: Type.Integer(),
  declined: Type.Integer(),
  total: Type.Integer(),
});
export type ReferralCounts = Static<typeof Counts>;

/** Referrals made in a month, counted by account manager and where each stands now. */
export const ReferralSummary = Type.Object({
  month: Month,
  byAccountManager: Type.Array(Type.Composite([Type.Object({ accountManagerId: Id, displayName: Type.String() }), Counts])),
  totals: Counts,
});
export type ReferralSummary = Static<typeof ReferralSummary>;

export const AccountManager = Type.Object({ id: Id, displayName: Type.String() });
export type AccountManager = Static<typeof AccountManager>;

export const ReferralParams = Type.Object({ branchId: Id, referralId: Id });

export const referralRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/referrals',
    summary: 'Referrals of the branch, newest first (managers: all; an account manager: those made to them)',
    tags: ['records'],
    params: BranchParams,
    querystring: ReferralQuery,
    response: { 200: Type.Array(Referral) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/referrals',
    summary: 'Refer a customer to an account manager, from a ticket or the customer resource sheet (managers)',
    tags: ['records'],
    params: BranchParams,
    body: CreateReferralBody,
    response: { 201: Referral },
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/referrals/summary',
    summary: 'Referrals made in a month, counted by account manager and outcome (managers)',
    tags: ['records'],
    params: BranchParams,
    querystring: ReferralSummaryQuery,
    response: { 200: ReferralSummary },
  }),
  one: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/referrals/:referralId',
    summary: 'One referral (managers; the account manager it was made to)',
    tags: ['records'],
    params: ReferralParams,
    response: { 200: Referral },
  }),
  move: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/referrals/:referralId/status',
    summary: 'Move a referral: referred → contacted → converted or declined (a note is required to decline)',
    tags: ['records'],
    params: ReferralParams,
    body: MoveReferralBody,
    response: { 200: Referral },
  }),
  accountManagers: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/account-managers',
    summary: "The branch's active account managers, to refer customers to (managers)",
    tags: ['records'],
    params: BranchParams,
    response: { 200: Type.Array(AccountManager) },
  }),
} as const;
