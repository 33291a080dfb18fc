/**
 * The customer resource sheet (客戶資源信息表): the branch's valued and potential customers, for its
 * managers and admins only. Every read and change is audited (recordType 'customer'): a list or a
 * search is one 'read' with no record id, an import one 'import' row for the whole file. Numbers
 * arrive in clear once and are kept as their HMAC and last four digits.
 */
import type {
  CreateCustomerBody,
  Customer,
  CustomerList,
  CustomerManager,
  CustomerQuery,
  ImportCustomersBody,
  ImportReport,
  UpdateCustomerBody,
} from '../../../../protocol/customer-routes.js';
import { CUSTOMER_LIMITS } from '../../../../protocol/customer-routes.js';
import { assertSeesPersonalData, type Actor, type StaffActor } from '../../domain/actor.js';
import { checkImportRows, importedHashes, markOnSheet, parseCustomerCsv, IMPORT_COLUMNS } from '../../domain/customer-import.js';
import { customerNumberHash, customerNumberHint, normaliseCustomerNumber, numberProblem } from '../../domain/customer-number.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { customerRepository, type CustomerChanges, type NewCustomerRow } from '../../repositories/customer-repository.js';
import { inTransaction, type Db } from '../../repositories/db.js';
import { findTicket } from '../../repositories/ticket-repository.js';
import { changedFields } from './audit-trail.js';
import type { RecordDeps } from './record-deps.js';

/** What a list shows of each customer: the audit row of a list names these. */
const LISTED_FIELDS = ['name', 'numberHint', 'tier', 'phone', 'needs', 'notes', 'managerId', 'lastVisitAt'] as const;

const invalid = (field: string, problem: string) => new AppError('VALIDATION_FAILED', `body/${field}: ${problem}`);
const duplicate = () => new AppError('DUPLICATE_CUSTOMER', "this card or customer number is already on the branch's customer sheet");

/** A unique constraint broken by a concurrent insert of the same number. */
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Empty text is no value: the sheet keeps null rather than "". */
const orNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim());

export function createCustomerService(deps: RecordDeps) {
  const { db, clock, audit, hints, customerKey } = deps;

  async function personalData(actor: Actor, branchId: string): Promise<StaffActor> {
    assertSeesPersonalData(actor, branchId);
    if (!(await branchRepository.exists(db, branchId))) throw notFound('branch', branchId);
    return actor;
  }

  async function requireCustomer(d: Db, branchId: string, customerId: string): Promise<Customer> {
    const customer = await customerRepository.find(d, branchId, customerId);
    if (!customer) throw notFound('customer', customerId);
    return customer;
  }

  async function assertManagerOf(d: Db, branchId: string, managerId: string | null | undefined): Promise<void> {
    if (managerId === undefined || managerId === null) return;
    if (!(await customerRepository.managers(d, branchId)).some((m) => m.id === managerId)) {
      throw invalid('managerId', "must be an active account manager or manager of the branch");
    }
  }

  /** The number's HMAC and hint, or a 400 naming `field`. */
  function hashNumber(field: string, number: string): { hash: string; hint: string } {
    const result = normaliseCustomerNumber(number);
    if (!result.ok) throw invalid(field, numberProblem(result.reason));
    return { hash: customerNumberHash(customerKey, result.digits), hint: customerNumberHint(result.digits) };
  }

  return {
    /** The sheet, searched by part of a name or a whole number, and filtered by tier. */
    async list(actorIn: Actor, branchId: string, query: CustomerQuery): Promise<CustomerList> {
      const actor = await personalData(actorIn, branchId);
      const q = query.q?.trim();
      const number = q ? normaliseCustomerNumber(q) : undefined;
      const search = !q ? {} : number?.ok ? { numberHash: customerNumberHash(customerKey, number.digits) } : { nameLike: q };
      const customers = await customerRepository.list(db, branchId, { ...search, tier: query.tier, limit: CUSTOMER_LIMITS.listLimit + 1 });
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'customer', fields: LISTED_FIELDS });
      return { customers: customers.slice(0, CUSTOMER_LIMITS.listLimit), truncated: customers.length > CUSTOMER_LIMITS.listLimit };
    },

    async get(actorIn: Actor, branchId: string, customerId: string): Promise<Customer> {
      const actor = await personalData(actorIn, branchId);
      const customer = await requireCustomer(db, branchId, customerId);
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'customer', recordId: customerId, fields: LISTED_FIELDS });
      return customer;
    },

    /**
     * Adds a customer by hand (a number is needed), or notes one from a ticket in the hall: then the
     * number is optional (the ticket's, when it was given at the kiosk) and the ticket is linked.
     */
    async create(actorIn: Actor, branchId: string, body: CreateCustomerBody): Promise<Customer> {
      const actor = await personalData(actorIn, branchId);
      const id = newId();
      const at = clock.now().toISOString();
      const customer = await inTransaction(db, async (trx) => {
        const ticket = body.ticketId === undefined ? undefined : await findTicket(trx, body.ticketId);
        if (body.ticketId !== undefined && (!ticket || ticket.branch_id !== branchId)) throw notFound('ticket', body.ticketId);
        if (ticket?.customer_id) throw new AppError('DUPLICATE_CUSTOMER', `the customer of ticket ${ticket.number} is already on the branch's customer sheet`);
        let number: { hash: string; hint: string };
        if (body.number !== undefined) number = hashNumber('number', body.number);
        else if (ticket) number = ticket.customer_ref ? { hash: ticket.customer_ref, hint: '' } : { hash: `unnumbered:${id}`, hint: '' };
        else throw invalid('number', 'a card or customer number is needed (only a customer noted from a ticket may have none)');
        if (await customerRepository.hasNumber(trx, branchId, number.hash)) throw duplicate();
        await assertManagerOf(trx, branchId, body.managerId);
        const row: NewCustomerRow = {
          id,
          branch_id: branchId,
          name: body.name.trim(),
          number_hash: number.hash,
          number_hint: number.hint,
          tier: body.tier ?? (ticket ? 'potential' : 'valued'),
          phone: orNull(body.phone) ?? null,
          needs: orNull(body.needs) ?? null,
          notes: orNull(body.notes) ?? null,
          manager_id: body.managerId ?? null,
          source: ticket ? 'ticket' : 'manual',
          last_visit_at: ticket ? ticket.issued_at : null,
          created_at: at,
          updated_at: at,
        };
        await customerRepository.insert(trx, [row]);
        if (ticket) await customerRepository.linkTicket(trx, branchId, ticket.id, id);
        const fields = Object.keys(body).filter((key) => body[key as keyof CreateCustomerBody] !== undefined);
        await audit.write(trx, actor, branchId, { action: 'create', recordType: 'customer', recordId: id, fields });
        return requireCustomer(trx, branchId, id);
      }).catch((err: unknown) => {
        throw isUniqueViolation(err) ? duplicate() : err;
      });
      hints.publish(branchId, { record: 'customer', id });
      return customer;
    },

    /** Edits what may change; the number may not (delete the customer and add them again). */
    async update(actorIn: Actor, branchId: string, customerId: string, body: UpdateCustomerBody): Promise<Customer> {
      const actor = await personalData(actorIn, branchId);
      const after = {
        name: body.name?.trim(),
        tier: body.tier,
        phone: orNull(body.phone),
        needs: orNull(body.needs),
        notes: orNull(body.notes),
        managerId: body.managerId,
      };
      const { customer, fields } = await inTransaction(db, async (trx) => {
        const before = await requireCustomer(trx, branchId, customerId);
        const fields = changedFields(before, after);
        if (fields.length === 0) return { customer: before, fields };
        if (fields.includes('managerId')) await assertManagerOf(trx, branchId, after.managerId);
        const changes: CustomerChanges = {
          name: after.name,
          tier: after.tier,
          phone: after.phone,
          needs: after.needs,
          notes: after.notes,
          manager_id: after.managerId,
        };
        await customerRepository.update(trx, branchId, customerId, changes, clock.now().toISOString());
        await audit.write(trx, actor, branchId, { action: 'update', recordType: 'customer', recordId: customerId, fields });
        return { customer: await requireCustomer(trx, branchId, customerId), fields };
      });
      // Nothing changed: the reply still shows the record, so that is a read.
      if (fields.length === 0) await audit.write(db, actor, branchId, { action: 'read', recordType: 'customer', recordId: customerId, fields: LISTED_FIELDS });
      else hints.publish(branchId, { record: 'customer', id: customerId });
      return customer;
    },

    async remove(actorIn: Actor, branchId: string, customerId: string): Promise<null> {
      const actor = await personalData(actorIn, branchId);
      await inTransaction(db, async (trx) => {
        if (!(await customerRepository.remove(trx, branchId, customerId))) throw notFound('customer', customerId);
        await audit.write(trx, actor, branchId, { action: 'delete', recordType: 'customer', recordId: customerId });
      });
      hints.publish(branchId, { record: 'customer', id: customerId });
      return null;
    },

    /**
     * Checks a CSV from the core banking system row by row and, unless `dryRun`, imports the rows
     * with no problem in one transaction. Rows with a problem (a duplicate number among them) are
     * reported and skipped. Audited as one row: 'read' for a check, 'import' for an import.
     */
    async importCsv(actorIn: Actor, branchId: string, body: ImportCustomersBody): Promise<ImportReport> {
      const actor = await personalData(actorIn, branchId);
      const parsed = parseCustomerCsv(body.csv);
      if (!parsed.ok) return { rows: [], imported: 0, skipped: 0, fileProblem: parsed.problem };
      const at = clock.now().toISOString();
      const check = async (d: Db) => {
        const rows = checkImportRows(parsed.records, { key: customerKey, managers: await customerRepository.managersByUsername(d, branchId) });
        return markOnSheet(rows, await customerRepository.numbersOnSheet(d, branchId, importedHashes(rows)));
      };
      const importing = !body.dryRun;
      const { rows, imported } = await inTransaction(db, async (trx) => {
        const rows = await check(trx);
        const good = rows.filter((row) => row.problems.length === 0);
        if (importing && good.length > 0) {
          await customerRepository.insert(
            trx,
            good.map((row) => ({
              id: newId(),
              branch_id: branchId,
              name: row.name,
              number_hash: row.numberHash!,
              number_hint: row.numberHint,
              tier: row.tier!,
              phone: row.phone,
              needs: row.needs,
              notes: null,
              manager_id: row.manager?.id ?? null,
              source: 'import' as const,
              last_visit_at: null,
              created_at: at,
              updated_at: at,
            })),
          );
        }
        const action = importing ? ('import' as const) : ('read' as const);
        await audit.write(trx, actor, branchId, { action, recordType: 'customer', fields: IMPORT_COLUMNS });
        return { rows, imported: importing ? good.length : 0 };
      }).catch((err: unknown) => {
        throw isUniqueViolation(err) ? duplicate() : err;
      });
      if (imported > 0) hints.publish(branchId, { record: 'customer' });
      return {
        rows: rows.map((row) => ({ line: row.line, name: row.name, numberHint: row.numberHint, tier: row.tier, managerName: row.manager?.displayName ?? null, problems: row.problems })),
        imported,
        skipped: rows.filter((row) => row.problems.length > 0).length,
        fileProblem: null,
      };
    },

    /** Who may look after a customer: the branch's active account managers and managers. */
    async managers(actorIn: Actor, branchId: string): Promise<CustomerManager[]> {
      await personalData(actorIn, branchId);
      return customerRepository.managers(db, branchId);
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
