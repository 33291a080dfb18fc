/**
 * Writes the audit rows of personal data (complaints, the customer resource sheet, referrals, the
 * diary, survey answers). Every service that shows or changes such a record writes its row here: a
 * change in the same transaction as the change, a read once the record was read. Rows name the
 * fields, never their values.
 */
import type { AuditAction, RecordType } from '../../../../protocol/record-kinds.js';
import type { StaffActor } from '../../domain/actor.js';
import type { Clock } from '../../lib/clock.js';
import { auditRepository } from '../../repositories/audit-repository.js';
import type { Db } from '../../repositories/db.js';

export interface AuditEntry {
  action: AuditAction;
  recordType: RecordType;
  /** Null or absent for the read of a list. */
  recordId?: string | null;
  /** The fields read or changed (for a change: only those whose value changed). */
  fields?: readonly string[];
}

export function createAuditTrail({ clock }: { clock: Clock }) {
  return {
    /** Appends one row per entry, as `actor` in `branchId`, on `db` (the change's transaction, where there is one). */
    async write(db: Db, actor: StaffActor, branchId: string, ...entries: AuditEntry[]): Promise<void> {
      const at = clock.now().toISOString();
      await auditRepository.append(
        db,
        entries.map((entry) => ({
          branchId,
          at,
          actorId: actor.id,
          actorRole: actor.role,
          action: entry.action,
          recordType: entry.recordType,
          recordId: entry.recordId ?? null,
          fields: [...(entry.fields ?? [])],
        })),
      );
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;

/** The names of the fields whose value differs between `before` and `after` (for an update's audit row). */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => {
    const value = after[key as keyof T];
    return value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key as keyof T]);
  });
}
