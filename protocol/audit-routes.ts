/**
 * The audit log of personal data, as admins read it: a branch's rows filtered by person, record and
 * branch days, newest first, a page at a time, and the same filter as a CSV file. Read-only: the
 * API has no route that changes or removes an audit row.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AuditAction, RecordType } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams, IsoDate, Role } from './schemas.js';

/** Rows per page: 50 unless asked, at most 200. */
export const AUDIT_PAGE = { default: 50, max: 200 } as const;

/** What both the list and the CSV filter by; days are the branch's calendar days, both inclusive. */
const filter = {
  actorId: Type.Optional(Id),
  recordType: Type.Optional(RecordType),
  recordId: Type.Optional(Id),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
};

export const AuditLogFilter = Type.Object(filter, { additionalProperties: false });
export type AuditLogFilter = Static<typeof AuditLogFilter>;

export const AuditLogQuery = Type.Object(
  {
    ...filter,
    beforeId: Type.Optional(Type.Integer({ minimum: 1, description: 'The next page: rows older than this id (the previous page\'s nextBeforeId)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE.max, description: `Rows per page (1–${AUDIT_PAGE.max}, default ${AUDIT_PAGE.default})` })),
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuery>;

/** One read or change of personal data: who, when, what, and which fields (never their values). */
export const AuditLogRow = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actorId: Id,
  /** The account's display name and username now; null when the account no longer exists. */
  actorName: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  /** The role the person had when they acted. */
  actorRole: Role,
  action: AuditAction,
  recordType: RecordType,
  recordId: Nullable(Type.String({ description: 'Null for the read of a list' })),
  fields: Type.Array(Type.String()),
});
export type AuditLogRow = Static<typeof AuditLogRow>;

export const AuditLogPage = Type.Object({
  rows: Type.Array(AuditLogRow),
  /** Pass as `beforeId` for the next page; null on the last page. */
  nextBeforeId: Nullable(Type.Integer()),
  /** The branch's time zone, in which `from`, `to` and the times shown are read. */
  timeZone: Type.String(),
});
export type AuditLogPage = Static<typeof AuditLogPage>;

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/admin/audit-log',
    summary: 'The audit log of personal data, newest first, filtered by person, record and branch days (admins)',
    tags: ['audit'],
    params: BranchParams,
    querystring: AuditLogQuery,
    response: { 200: AuditLogPage },
  }),
  csv: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/admin/audit-log.csv',
    summary: 'The audit log with the same filter as a CSV file (UTF-8 with BOM), newest first (admins)',
    tags: ['audit'],
    params: BranchParams,
    querystring: AuditLogFilter,
    response: { 200: Type.String({ description: 'text/csv' }) },
  }),
} as const;
