/**
 * The words of the lobby manager's records (shared/DOMAIN.md, "Records the lobby manager keeps"):
 * the kinds, states and categories each record takes, shared by the database types, the server's
 * rules and the console. Each record's routes and bodies live in its own protocol file.
 */
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';

type Literals<T extends readonly string[]> = TUnion<{ -readonly [K in keyof T]: TLiteral<T[K] & string> }>;

/** A union of string literals from a list of values, typed as the list. */
const literals = <const T extends readonly string[]>(values: T, description?: string): Literals<T> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    description ? { description } : {},
  ) as unknown as Literals<T>;

// ── complaints (客戶投訴記錄表) ──

export const COMPLAINT_CHANNELS = ['hall', 'phone', 'letter', 'online', 'regulator'] as const;
export const ComplaintChannel = literals(COMPLAINT_CHANNELS, 'How the complaint reached the branch: in the hall, by phone, letter, online, or through the regulator');
export type ComplaintChannel = Static<typeof ComplaintChannel>;

export const COMPLAINT_CATEGORIES = ['waiting_time', 'staff_attitude', 'product', 'fees', 'equipment', 'environment', 'other'] as const;
export const ComplaintCategory = literals(COMPLAINT_CATEGORIES);
export type ComplaintCategory = Static<typeof ComplaintCategory>;

/** open → replied → closed; a closed complaint may be reopened. */
export const COMPLAINT_STATUSES = ['open', 'replied', 'closed', 'reopened'] as const;
export const ComplaintStatus = literals(COMPLAINT_STATUSES);
export type ComplaintStatus = Static<typeof ComplaintStatus>;

// ── the customer resource sheet (客戶資源信息表) ──

export const CUSTOMER_TIERS = ['vip', 'valued', 'potential'] as const;
export const CustomerTier = literals(CUSTOMER_TIERS, 'vip: the VIP lane; valued: an existing valued customer; potential: one the branch hopes to win');
export type CustomerTier = Static<typeof CustomerTier>;

export const CUSTOMER_SOURCES = ['manual', 'ticket', 'import'] as const;
export const CustomerSource = literals(CUSTOMER_SOURCES, 'Added by hand, noted from a ticket in the hall, or imported from the core banking system');
export type CustomerSource = Static<typeof CustomerSource>;

// ── referrals (轉介理財經理) ──

export const REFERRAL_STATUSES = ['referred', 'contacted', 'converted', 'declined'] as const;
export const ReferralStatus = literals(REFERRAL_STATUSES);
export type ReferralStatus = Static<typeof ReferralStatus>;

export const REFERRAL_URGENCIES = ['now', 'today', 'this_week', 'no_rush'] as const;
export const ReferralUrgency = literals(REFERRAL_URGENCIES, 'now: the customer is in the hall; today; this week; no rush');
export type ReferralUrgency = Static<typeof ReferralUrgency>;

// ── opening and closing checks, device health ──

export const CHECK_KINDS = ['opening', 'closing'] as const;
export const CheckKind = literals(CHECK_KINDS, 'opening: 營業前 before the doors open; closing: 營業後 after they close');
export type CheckKind = Static<typeof CheckKind>;

export const DEVICE_FAULT_KINDS = ['print_failed', 'paper_out'] as const;
export const DeviceFaultKind = literals(DEVICE_FAULT_KINDS);
export type DeviceFaultKind = Static<typeof DeviceFaultKind>;

// ── ratings (評價器) ──

export const RATING_SOURCES = ['counter', 'mobile'] as const;
export const RatingSource = literals(RATING_SOURCES, "counter: the counter's customer-facing display; mobile: the ticket page on the customer's phone");
export type RatingSource = Static<typeof RatingSource>;

// ── the audit log ──

/** The records that hold personal data, as the audit log names them. */
/** webhook: an admin's change to the branch's webhooks (notifications to the bank's gateway), not personal data but audited like it. */
export const RECORD_TYPES = ['complaint', 'customer', 'referral', 'diary', 'rating', 'survey_answer', 'webhook'] as const;
export const RecordType = literals(RECORD_TYPES);
export type RecordType = Static<typeof RecordType>;

/** read: a list or one record was shown; export: a list left the system (CSV). */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export'] as const;
export const AuditAction = literals(AUDIT_ACTIONS);
export type AuditAction = Static<typeof AuditAction>;

// ── live hints ──

/**
 * What a `records.changed` hint on the live socket is about. Hints carry no personal data and no
 * sequence number: they tell a staff screen that may read the record to fetch it again.
 */
export const RECORD_HINT_KINDS = ['complaint', 'customer', 'referral', 'diary', 'check', 'device', 'rating', 'survey'] as const;
export type RecordHintKind = (typeof RECORD_HINT_KINDS)[number];
