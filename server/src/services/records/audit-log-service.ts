/**
 * The admins' view of the audit log of personal data: a branch's rows, filtered by person, record
 * and branch days, newest first, a page at a time, or the whole filter as CSV. Managers may not read
 * it: it is how admins check what managers did. Reading or exporting the log is not itself audited:
 * its rows name people, records and fields, never the personal data they hold.
 */
import { stringify } from 'csv-stringify/sync';
import type { AuditLogFilter, AuditLogPage, AuditLogQuery, AuditLogRow } from '../../../../protocol/audit-routes.js';
import { AUDIT_PAGE } from '../../../../protocol/audit-routes.js';
import { assertStaff, type Actor } from '../../domain/actor.js';
import { auditPeriod } from '../../domain/audit-period.js';
import { AppError, notFound } from '../../errors.js';
import { auditRepository, type AuditFilter, type AuditRecord } from '../../repositories/audit-repository.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import type { Db } from '../../repositories/db.js';
import { userRepository } from '../../repositories/user-repository.js';
import type { RecordDeps } from './record-deps.js';

/** Rows read per query while a CSV export walks the log. */
const EXPORT_BATCH = 1000;

type Person = { name: string; username: string } | null;

/** The display name and username of each actor, read once per id. */
function peopleLookup(db: Db) {
  const known = new Map<string, Promise<Person>>();
  return (actorId: string): Promise<Person> => {
    let person = known.get(actorId);
    if (!person) {
      person = userRepository.findById(db, actorId).then((u) => (u ? { name: u.display_name, username: u.username } : null));
      known.set(actorId, person);
    }
    return person;
  };
}

const CSV_COLUMNS = ['id', 'at_utc', 'branch_time', 'actor_username', 'actor_name', 'actor_role', 'action', 'record_type', 'record_id', 'fields'];

/** A text cell that a spreadsheet would run as a formula (=, +, -, @) is quoted with an apostrophe. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** `2026-11-23 10:04:05` on the branch's wall clock. */
const branchClock = (timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function createAuditLogService({ db }: RecordDeps) {
  /** Admins of the branch or of every branch only; the branch must exist; the days become instants. */
  async function open(actor: Actor, branchId: string, query: AuditLogFilter) {
    assertStaff(actor, branchId, ['admin']);
    const branch = await branchRepository.findById(db, branchId);
    if (!branch) throw notFound('branch', branchId);
    const period = auditPeriod(query, branch.timeZone);
    if (!period.ok) throw new AppError('VALIDATION_FAILED', `querystring/${period.field}: ${period.problem}`);
    const filter: Omit<AuditFilter, 'limit'> = {
      actorId: query.actorId,
      recordType: query.recordType,
      recordId: query.recordId,
      from: period.from,
      to: period.to,
    };
    return { branch, filter };
  }

  async function withPeople(records: AuditRecord[], personOf: (id: string) => Promise<Person>): Promise<AuditLogRow[]> {
    return Promise.all(
      records.map(async (r) => {
        const person = await personOf(r.actorId);
        return {
          id: r.id,
          at: r.at,
          actorId: r.actorId,
          actorName: person?.name ?? null,
          actorUsername: person?.username ?? null,
          actorRole: r.actorRole,
          action: r.action,
          recordType: r.recordType,
          recordId: r.recordId,
          fields: r.fields,
        };
      }),
    );
  }

  return {
    /** One page of the branch's audit rows, newest first; `nextBeforeId` continues it. */
    async list(actor: Actor, branchId: string, query: AuditLogQuery): Promise<AuditLogPage> {
      const { branch, filter } = await open(actor, branchId, query);
      const limit = query.limit ?? AUDIT_PAGE.default;
      // One row more than asked tells whether another page follows.
      const records = await auditRepository.list(db, branchId, { ...filter, beforeId: query.beforeId, limit: limit + 1 });
      const page = records.slice(0, limit);
      return {
        rows: await withPeople(page, peopleLookup(db)),
        nextBeforeId: records.length > limit ? page[page.length - 1]!.id : null,
        timeZone: branch.timeZone,
      };
    },

    /** Every row of the filter as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese names). */
    async exportCsv(actor: Actor, branchId: string, query: AuditLogFilter): Promise<string> {
      const { branch, filter } = await open(actor, branchId, query);
      const personOf = peopleLookup(db);
      const clock = branchClock(branch.timeZone);
      const lines: string[][] = [];
      let beforeId: number | undefined;
      for (;;) {
        const records = await auditRepository.list(db, branchId, { ...filter, beforeId, limit: EXPORT_BATCH });
        for (const row of await withPeople(records, personOf)) {
          lines.push([
            String(row.id),
            row.at,
            clock.format(new Date(row.at)),
            safeCell(row.actorUsername ?? ''),
            safeCell(row.actorName ?? ''),
            row.actorRole,
            row.action,
            row.recordType,
            safeCell(row.recordId ?? ''),
            row.fields.join(' '),
          ]);
        }
        if (records.length < EXPORT_BATCH) break;
        beforeId = records[records.length - 1]!.id;
      }
      return stringify(lines, { header: true, columns: CSV_COLUMNS, bom: true, record_delimiter: 'windows' });
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
