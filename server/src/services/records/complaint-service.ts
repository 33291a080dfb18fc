/**
 * The complaint log (客戶投訴記錄表). Managers and admins of the branch log, read, edit, reply to,
 * close and reopen complaints; a teller may log one about a ticket at their own counter (the counter
 * page's button) and gets back only its id, state and deadline. Complaints hold personal data: every
 * read and change writes an audit row naming the fields, and each change sends a `complaint` hint.
 */
import {
  COMPLAINT_LIMITS,
  type Complaint,
  type ComplaintQuery,
  type ComplaintReceipt,
  type ComplaintSummary,
  type ComplaintSummaryQuery,
  type CloseComplaintBody,
  type CreateComplaintBody,
  type UpdateComplaintBody,
} from '../../../../protocol/complaint-routes.js';
import { COMPLAINT_CATEGORIES } from '../../../../protocol/record-kinds.js';
import type { Branch } from '../../../../protocol/schemas.js';
import { assertSeesPersonalData, assertStaff, type Actor, type StaffActor } from '../../domain/actor.js';
import {
  checkEdit,
  monthOf,
  monthRange,
  monthsBefore,
  monthsBetween,
  replyDueAt,
  transition,
  type ComplaintAction,
  type Refusal,
} from '../../domain/complaint-rules.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { complaintRepository, type ComplaintChanges, type NewComplaint } from '../../repositories/complaint-repository.js';
import { findCounter } from '../../repositories/counter-repository.js';
import { inTransaction, type Db } from '../../repositories/db.js';
import { findTicket } from '../../repositories/ticket-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { changedFields } from './audit-trail.js';
import type { RecordDeps } from './record-deps.js';

/** The fields of a complaint that are personal data, as the audit rows of a read name them. */
const PERSONAL_FIELDS = ['content', 'customerName', 'customerPhone', 'ticketNumber', 'reply', 'outcome', 'rootCause', 'fix'] as const;

const invalid = (field: string, problem: string) => new AppError('VALIDATION_FAILED', `${field}: ${problem}`);
const refuse = (refusal: Refusal) => new AppError(refusal.refused, refusal.reason);

/** Text as stored: trimmed, and null when nothing is left. */
const text = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

const calendarOf = (branch: Branch) => ({ timeZone: branch.timeZone, holidays: branch.settings.holidays });

export function createComplaintService({ db, clock, hints, audit }: RecordDeps) {
  async function branchOf(branchId: string): Promise<Branch> {
    const branch = await branchRepository.findById(db, branchId);
    if (!branch) throw notFound('branch', branchId);
    return branch;
  }

  async function complaintOf(trx: Db, branchId: string, complaintId: string): Promise<Complaint> {
    const complaint = await complaintRepository.findById(trx, branchId, complaintId);
    if (!complaint) throw notFound('complaint', complaintId);
    return complaint;
  }

  const publish = (branchId: string, id: string) => hints.publish(branchId, { record: 'complaint', id });

  /** A manager or admin who may handle the branch's complaints. */
  async function assertHandler(branchId: string, userId: string): Promise<void> {
    const user = await userRepository.findSigningInTo(db, branchId, userId);
    if (!user || !user.active || (user.role !== 'manager' && user.role !== 'admin')) {
      throw invalid('body/handlerId', 'must be an active manager or admin of the branch');
    }
  }

  /**
   * The ticket, counter and teller a new complaint names. A ticket's own counter and teller win over
   * those named by hand; a teller may only name a ticket that is, or was last, at their own counter.
   */
  async function linksOf(actor: StaffActor, branchId: string, body: CreateComplaintBody) {
    if (actor.role === 'teller' && !body.ticketId) throw forbidden('a teller logs a complaint about a ticket at their own counter');
    if (body.counterId) {
      const counter = await findCounter(db, body.counterId);
      if (!counter || counter.branchId !== branchId) throw invalid('body/counterId', 'not a counter of this branch');
    }
    if (body.tellerId && !(await userRepository.findSigningInTo(db, branchId, body.tellerId))) {
      throw invalid('body/tellerId', 'not a member of staff of this branch');
    }
    const byHand = { ticketId: null, ticketNumber: null, counterId: body.counterId ?? null, tellerId: body.tellerId ?? null };
    if (!body.ticketId) return byHand;
    const ticket = await findTicket(db, body.ticketId);
    if (!ticket || ticket.branch_id !== branchId) throw notFound('ticket', body.ticketId);
    const counter = ticket.counter_id ? await findCounter(db, ticket.counter_id) : undefined;
    if (actor.role === 'teller' && counter?.tellerId !== actor.id) throw forbidden('this ticket is not at your counter');
    if (!counter) return { ...byHand, ticketId: ticket.id, ticketNumber: ticket.number };
    // The teller serving it now, or the one who last acted on it there once the counter moved on.
    const atCounterNow = counter.currentTicketId === ticket.id ? counter.tellerId : null;
    const teller = atCounterNow ?? (await complaintRepository.lastTellerOfTicket(db, ticket.id)) ?? byHand.tellerId;
    return { ticketId: ticket.id, ticketNumber: ticket.number, counterId: counter.id, tellerId: teller };
  }

  /** Runs an action that moves the complaint to another state, with its changes, audited and hinted. */
  async function move(
    actor: Actor,
    branchId: string,
    complaintId: string,
    action: ComplaintAction,
    changes: (before: Complaint, now: Date, branch: Branch) => Omit<ComplaintChanges, 'status' | 'updatedAt'>,
  ): Promise<Complaint> {
    assertSeesPersonalData(actor, branchId);
    const branch = await branchOf(branchId);
    const after = await inTransaction(db, async (trx) => {
      const before = await complaintOf(trx, branchId, complaintId);
      const next = transition(before.status, action);
      if ('refused' in next) throw refuse(next);
      const now = clock.now();
      const change: ComplaintChanges = { ...changes(before, now, branch), status: next.status, updatedAt: now.toISOString() };
      await complaintRepository.update(trx, complaintId, change);
      await audit.write(trx, actor, branchId, { action: 'update', recordType: 'complaint', recordId: complaintId, fields: changedFields(before, change).filter((f) => f !== 'updatedAt') });
      return complaintOf(trx, branchId, complaintId);
    });
    publish(branchId, complaintId);
    return after;
  }

  return {
    /** Logs a complaint; managers, admins, and a teller about a ticket at their counter. The same short receipt for all. */
    async create(actor: Actor, branchId: string, body: CreateComplaintBody): Promise<ComplaintReceipt> {
      assertStaff(actor, branchId, ['admin', 'manager', 'teller']);
      const branch = await branchOf(branchId);
      const now = clock.now();
      const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
      if (receivedAt > now) throw invalid('body/receivedAt', 'cannot be in the future');
      const links = await linksOf(actor, branchId, body);
      const content = text(body.content);
      if (!content) throw invalid('body/content', 'must not be blank');
      const complaint: NewComplaint = {
        id: newId(),
        branchId,
        receivedAt: receivedAt.toISOString(),
        channel: body.channel ?? 'hall',
        category: body.category,
        content,
        customerName: text(body.customerName),
        customerPhone: text(body.customerPhone),
        ...links,
        receivedBy: actor.id,
        // A manager who logs a complaint handles it until someone else takes it; a teller's waits for a manager.
        handlerId: actor.role === 'teller' ? null : actor.id,
        status: 'open',
        replyDueAt: replyDueAt(receivedAt, branch.settings.complaintReplyWorkingDays, calendarOf(branch)).toISOString(),
        reply: null,
        repliedAt: null,
        outcome: null,
        rootCause: null,
        fix: null,
        closedAt: null,
        updatedAt: now.toISOString(),
      };
      const fields = Object.entries(complaint)
        .filter(([key, value]) => value !== null && !['id', 'branchId', 'updatedAt'].includes(key))
        .map(([key]) => key);
      await inTransaction(db, async (trx) => {
        await complaintRepository.insert(trx, complaint);
        await audit.write(trx, actor, branchId, { action: 'create', recordType: 'complaint', recordId: complaint.id, fields });
      });
      publish(branchId, complaint.id);
      return { id: complaint.id, status: complaint.status, replyDueAt: complaint.replyDueAt };
    },

    /** The branch's complaints, newest first, as filtered; the read is audited. */
    async list(actor: Actor, branchId: string, query: ComplaintQuery): Promise<Complaint[]> {
      assertSeesPersonalData(actor, branchId);
      const branch = await branchOf(branchId);
      const month = query.month ? monthRange(query.month, query.month, branch.timeZone) : undefined;
      const complaints = await complaintRepository.list(db, branchId, {
        status: query.status,
        category: query.category,
        receivedFrom: month?.start.toISOString(),
        receivedBefore: month?.end.toISOString(),
        overdueAt: query.overdue ? clock.now().toISOString() : undefined,
        limit: COMPLAINT_LIMITS.listLimit,
      });
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'complaint', fields: PERSONAL_FIELDS });
      return complaints;
    },

    /** One complaint; the read is audited. */
    async get(actor: Actor, branchId: string, complaintId: string): Promise<Complaint> {
      assertSeesPersonalData(actor, branchId);
      await branchOf(branchId);
      const complaint = await complaintOf(db, branchId, complaintId);
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'complaint', recordId: complaintId, fields: PERSONAL_FIELDS });
      return complaint;
    },

    /** Complaints received over a range of months (default: the last twelve), by category and month. */
    async summary(actor: Actor, branchId: string, query: ComplaintSummaryQuery): Promise<ComplaintSummary> {
      assertSeesPersonalData(actor, branchId);
      const branch = await branchOf(branchId);
      const now = clock.now();
      const to = query.to ?? monthOf(now, branch.timeZone);
      const from = query.from ?? monthsBefore(to, 11);
      if (from > to) throw invalid('querystring/from', 'must not be after to');
      const months = monthsBetween(from, to);
      if (months.length > COMPLAINT_LIMITS.summaryMonths) throw invalid('querystring/from', `a summary spans at most ${COMPLAINT_LIMITS.summaryMonths} months`);
      const range = monthRange(from, to, branch.timeZone);
      const received = await complaintRepository.receivedBetween(db, branchId, range.start.toISOString(), range.end.toISOString());
      const byCategory = new Map<string, number>();
      const byMonth = new Map<string, number>();
      for (const { receivedAt, category } of received) {
        byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
        const month = monthOf(new Date(receivedAt), branch.timeZone);
        byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      }
      return {
        from,
        to,
        byCategory: COMPLAINT_CATEGORIES.map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
        byMonth: months.map((month) => ({ month, count: byMonth.get(month) ?? 0 })),
        total: received.length,
        overdue: await complaintRepository.countOverdue(db, branchId, now.toISOString()),
      };
    },

    /** Edits the fields given, as the complaint's state allows (a closed one is locked). */
    async update(actor: Actor, branchId: string, complaintId: string, body: UpdateComplaintBody): Promise<Complaint> {
      assertSeesPersonalData(actor, branchId);
      await branchOf(branchId);
      if (body.handlerId) await assertHandler(branchId, body.handlerId);
      let changed = false;
      const after = await inTransaction(db, async (trx) => {
        const before = await complaintOf(trx, branchId, complaintId);
        const given = Object.keys(body).filter((key) => body[key as keyof UpdateComplaintBody] !== undefined);
        const allowed = checkEdit(before.status, given);
        if ('refused' in allowed) throw refuse(allowed);
        const edit: Partial<Complaint> = {
          channel: body.channel,
          category: body.category,
          content: body.content === undefined ? undefined : (text(body.content) ?? undefined),
          customerName: body.customerName === undefined ? undefined : text(body.customerName),
          customerPhone: body.customerPhone === undefined ? undefined : text(body.customerPhone),
          handlerId: body.handlerId,
          reply: body.reply === undefined ? undefined : (text(body.reply) ?? undefined),
          outcome: body.outcome === undefined ? undefined : text(body.outcome),
          rootCause: body.rootCause === undefined ? undefined : text(body.rootCause),
          fix: body.fix === undefined ? undefined : text(body.fix),
        };
        if (body.content !== undefined && edit.content === undefined) throw invalid('body/content', 'must not be blank');
        if (body.reply !== undefined && edit.reply === undefined) throw invalid('body/reply', 'must not be blank');
        const fields = changedFields(before, edit);
        if (fields.length === 0) return before;
        const changes = Object.fromEntries(fields.map((field) => [field, edit[field as keyof Complaint]])) as Partial<ComplaintChanges>;
        await complaintRepository.update(trx, complaintId, { ...changes, updatedAt: clock.now().toISOString() });
        await audit.write(trx, actor, branchId, { action: 'update', recordType: 'complaint', recordId: complaintId, fields });
        changed = true;
        return complaintOf(trx, branchId, complaintId);
      });
      if (changed) publish(branchId, complaintId);
      return after;
    },

    /** Records the reply given to the customer and when; the one replying handles it if nobody did. */
    reply(actor: Actor, branchId: string, complaintId: string, body: { reply: string }): Promise<Complaint> {
      assertSeesPersonalData(actor, branchId);
      const reply = text(body.reply);
      if (!reply) throw invalid('body/reply', 'must not be blank');
      return move(actor, branchId, complaintId, 'reply', (before, now) => ({
        reply,
        repliedAt: now.toISOString(),
        handlerId: before.handlerId ?? actor.id,
      }));
    },

    /** Closes a replied complaint with its outcome, and the root cause and fix where known. */
    close(actor: Actor, branchId: string, complaintId: string, body: CloseComplaintBody): Promise<Complaint> {
      assertSeesPersonalData(actor, branchId);
      const outcome = text(body.outcome);
      if (!outcome) throw invalid('body/outcome', 'must not be blank');
      return move(actor, branchId, complaintId, 'close', (before, now) => ({
        outcome,
        rootCause: body.rootCause === undefined ? before.rootCause : text(body.rootCause),
        fix: body.fix === undefined ? before.fix : text(body.fix),
        closedAt: now.toISOString(),
      }));
    },

    /** Reopens a closed complaint: a new reply is due, counted from now. */
    reopen(actor: Actor, branchId: string, complaintId: string): Promise<Complaint> {
      return move(actor, branchId, complaintId, 'reopen', (_before, now, branch) => ({
        closedAt: null,
        replyDueAt: replyDueAt(now, branch.settings.complaintReplyWorkingDays, calendarOf(branch)).toISOString(),
      }));
    },
  };
}
