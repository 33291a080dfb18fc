/**
 * The audit log of personal data: append-only. This module can add rows and read them; nothing in
 * lobbyflow updates or deletes one.
 */
import type { AuditAction, RecordType } from '../../../protocol/record-kinds.js';
import type { Role } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

/** One read or change of personal data: who, when, what, and which fields (never their values). */
export interface AuditRecord {
  id: number;
  branchId: string;
  at: string;
  actorId: string;
  actorRole: Role;
  action: AuditAction;
  recordType: RecordType;
  recordId: string | null;
  fields: string[];
}

export type NewAuditRecord = Omit<AuditRecord, 'id'>;

export interface AuditFilter {
  actorId?: string;
  recordType?: RecordType;
  recordId?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Rows older than this id (the next page of a newest-first list). */
  beforeId?: number;
  limit: number;
}

async function append(db: Db, records: readonly NewAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      records.map((r) => ({
        branch_id: r.branchId,
        at: r.at,
        actor_id: r.actorId,
        actor_role: r.actorRole,
        action: r.action,
        record_type: r.recordType,
        record_id: r.recordId,
        fields: JSON.stringify(r.fields),
      })),
    )
    .execute();
}

/** A branch's audit rows, newest first. */
async function list(db: Db, branchId: string, filter: AuditFilter): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().where('branch_id', '=', branchId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    branchId: row.branch_id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    fields: JSON.parse(row.fields) as string[],
  }));
}

export const auditRepository = Object.freeze({ append, list });
