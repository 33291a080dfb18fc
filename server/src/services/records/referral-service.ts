/**
 * Referrals to account managers (轉介理財經理). The lobby manager refers a customer from a ticket or
 * the customer resource sheet; the account manager it is made to sees it live and moves it along.
 * Referrals hold personal data: every read and change writes an audit row, and the live hint after a
 * change reaches the branch's managers and that account manager only.
 */
import type { ReferralStatus } from '../../../../protocol/record-kinds.js';
import { REFERRAL_LIMITS, type CreateReferralBody, type Referral, type ReferralQuery, type ReferralSummary } from '../../../../protocol/referral-routes.js';
import { assertSeesPersonalData, assertStaff, type Actor, type StaffActor } from '../../domain/actor.js';
import { businessDay } from '../../domain/business-day.js';
import { canSeeReferral, decideMove, isRefusal, listScope, monthOf, monthWindow, summariseReferrals } from '../../domain/referral-rules.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { inTransaction } from '../../repositories/db.js';
import { referralRepository } from '../../repositories/referral-repository.js';
import { findTicket } from '../../repositories/ticket-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import type { RecordDeps } from './record-deps.js';

/** The fields of a referral that are personal data, as its audit rows name them. */
const PERSONAL_FIELDS = ['customerName', 'customerPhone', 'ticketNumber', 'need', 'productInterest', 'note'] as const;

const invalid = (field: string, problem: string) => new AppError('VALIDATION_FAILED', `body/${field}: ${problem}`);

/** Text as stored: trimmed, and null when nothing is left. */
const text = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function createReferralService({ db, clock, hints, audit }: RecordDeps) {
  async function branchOf(branchId: string) {
    const branch = await branchRepository.findById(db, branchId);
    if (!branch) throw notFound('branch', branchId);
    return branch;
  }

  /** Managers and admins of the branch, and its account managers; nobody else reads referrals. */
  function assertReader(actor: Actor, branchId: string): asserts actor is StaffActor {
    assertStaff(actor, branchId, ['admin', 'manager', 'account_manager']);
  }

  /** Tells the screens that may read it: the branch's managers and the account manager it is made to. */
  const publish = (referral: Referral) => hints.publish(referral.branchId, { record: 'referral', id: referral.id, alsoFor: [referral.referredTo] });

  /** The month's referrals as UTC bounds plus the branch-time check that narrows them. */
  async function inMonth(branchId: string, month: string | undefined) {
    if (!month) return { window: {}, keep: () => true };
    const { timeZone } = await branchOf(branchId);
    const { from, to } = monthWindow(month);
    return {
      window: { createdFrom: from, createdTo: to },
      keep: (r: Referral) => monthOf(businessDay(new Date(r.createdAt), timeZone)) === month,
    };
  }

  return {
    /** Managers: every referral of the branch; an account manager: those made to them. Newest first. */
    async list(actor: Actor, branchId: string, query: ReferralQuery): Promise<Referral[]> {
      assertReader(actor, branchId);
      const scope = listScope(actor);
      if (scope === 'refused') throw forbidden('referrals are for managers and account managers');
      await branchOf(branchId);
      // An account manager's list holds only their own, whatever `to` asks for.
      const referredTo = scope.referredTo ?? query.to ?? null;
      const othersAsked = scope.referredTo !== null && query.to !== undefined && query.to !== scope.referredTo;
      const month = await inMonth(branchId, query.month);
      const referrals = othersAsked
        ? []
        : (await referralRepository.list(db, branchId, { referredTo, status: query.status, ...month.window, limit: REFERRAL_LIMITS.listLimit })).filter(
            month.keep,
          );
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'referral', recordId: null, fields: PERSONAL_FIELDS });
      return referrals;
    },

    /** One referral: managers, or the account manager it was made to. */
    async get(actor: Actor, branchId: string, referralId: string): Promise<Referral> {
      assertReader(actor, branchId);
      await branchOf(branchId);
      const referral = await referralRepository.find(db, branchId, referralId);
      if (!referral) throw notFound('referral', referralId);
      if (!canSeeReferral(actor, referral)) throw forbidden('this referral was made to another account manager');
      await audit.write(db, actor, branchId, { action: 'read', recordType: 'referral', recordId: referral.id, fields: PERSONAL_FIELDS });
      return referral;
    },

    /** The lobby manager refers a customer; the ticket's number and the sheet's name and phone are kept with it. */
    async create(actor: Actor, branchId: string, body: CreateReferralBody): Promise<Referral> {
      assertSeesPersonalData(actor, branchId);
      await branchOf(branchId);
      const need = text(body.need);
      if (!need) throw invalid('need', 'say what the customer needs');
      const to = await userRepository.findInBranch(db, branchId, body.referredTo);
      if (!to || to.role !== 'account_manager' || !to.active) {
        throw invalid('referredTo', `${body.referredTo} is not an active account manager of branch ${branchId}`);
      }
      let ticket: { id: string; number: string; customerId: string | null } | null = null;
      if (body.ticketId) {
        const row = await findTicket(db, body.ticketId);
        if (!row || row.branch_id !== branchId) throw invalid('ticketId', `ticket ${body.ticketId} is not a ticket of branch ${branchId}`);
        ticket = { id: row.id, number: row.number, customerId: row.customer_id };
      }
      const customerId = body.customerId ?? ticket?.customerId ?? null;
      const customer = customerId ? await referralRepository.findCustomerContact(db, branchId, customerId) : undefined;
      if (body.customerId && !customer) throw invalid('customerId', `customer ${body.customerId} is not on the branch's customer sheet`);
      const now = clock.now().toISOString();
      const fresh = {
        id: newId(),
        branchId,
        customerId: customer?.id ?? null,
        ticketId: ticket?.id ?? null,
        ticketNumber: ticket?.number ?? null,
        customerName: text(body.customerName) ?? customer?.name ?? null,
        customerPhone: text(body.customerPhone) ?? customer?.phone ?? null,
        need,
        productInterest: text(body.productInterest),
        urgency: body.urgency,
        referredTo: to.id,
        referredBy: actor.id,
        createdAt: now,
      };
      const referral = await inTransaction(db, async (trx) => {
        await referralRepository.insert(trx, fresh);
        const fields = Object.entries(fresh)
          .filter(([name, value]) => value !== null && !['id', 'branchId', 'createdAt'].includes(name))
          .map(([name]) => name);
        await audit.write(trx, actor, branchId, { action: 'create', recordType: 'referral', recordId: fresh.id, fields });
        return (await referralRepository.find(trx, branchId, fresh.id))!;
      });
      publish(referral);
      return referral;
    },

    /** Moves a referral along (referred → contacted → converted or declined), with a note. */
    async move(actor: Actor, branchId: string, referralId: string, to: ReferralStatus, note?: string): Promise<Referral> {
      assertReader(actor, branchId);
      await branchOf(branchId);
      const referral = await inTransaction(db, async (trx) => {
        const current = await referralRepository.find(trx, branchId, referralId);
        if (!current) throw notFound('referral', referralId);
        const decision = decideMove(actor, current, to, note);
        if (isRefusal(decision)) {
          if (decision.refused === 'not_yours') throw forbidden(decision.message);
          if (decision.refused === 'note_required') throw invalid('note', decision.message);
          throw new AppError('INVALID_TRANSITION', decision.message);
        }
        const at = clock.now().toISOString();
        if (!(await referralRepository.move(trx, referralId, current.status, decision.changes, at))) {
          throw new AppError('CONFLICT', 'the referral moved meanwhile: look again');
        }
        const fields = ['status', ...(decision.changes.note !== undefined && decision.changes.note !== current.note ? ['note'] : [])];
        await audit.write(trx, actor, branchId, { action: 'update', recordType: 'referral', recordId: referralId, fields });
        return (await referralRepository.find(trx, branchId, referralId))!;
      });
      publish(referral);
      return referral;
    },

    /** A month's referrals (this month by default, branch time) counted by account manager and outcome. */
    async summary(actor: Actor, branchId: string, query: { month?: string }): Promise<ReferralSummary> {
      assertSeesPersonalData(actor, branchId);
      const branch = await branchOf(branchId);
      const month = query.month ?? monthOf(businessDay(clock.now(), branch.timeZone));
      const scope = await inMonth(branchId, month);
      const referrals = (await referralRepository.list(db, branchId, scope.window)).filter(scope.keep);
      const managers = await referralRepository.listAccountManagers(db, branchId);
      const names = new Map(referrals.map((r) => [r.referredTo, r.referredToName]));
      return { month, ...summariseReferrals(referrals, managers, (id) => names.get(id) ?? id) };
    },

    /** The branch's active account managers, for the referral form. */
    async accountManagers(actor: Actor, branchId: string): Promise<{ id: string; displayName: string }[]> {
      assertSeesPersonalData(actor, branchId);
      await branchOf(branchId);
      return referralRepository.listAccountManagers(db, branchId);
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
