/**
 * Closing the business day: tickets still waiting, called or being served from an earlier day are
 * cancelled, so that yesterday's leftovers never stand ahead of this morning's customers.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { businessDay } from '../domain/business-day.js';
import { toBranch } from '../repositories/mappers.js';
import type { RunInBranch } from './branch-transaction.js';

export function createDayCloseService({ db, runInBranch }: { db: Kysely<Database>; runInBranch: RunInBranch }) {
  return {
    /** Cancels the branch's active tickets of earlier business days; returns how many. */
    async closePastDays(branchId: string): Promise<number> {
      const { result } = await runInBranch(branchId, null, async (trx, emit, now) => {
        const branch = await trx.selectFrom('branches').selectAll().where('id', '=', branchId).executeTakeFirstOrThrow();
        const today = businessDay(now, toBranch(branch).timeZone);
        const leftovers = await trx
          .selectFrom('tickets')
          .select(['id', 'counter_id'])
          .where('branch_id', '=', branchId)
          .where('business_day', '<', today)
          .where('status', 'in', ['waiting', 'called', 'serving'])
          .execute();
        if (leftovers.length === 0) return 0;
        const at = now.toISOString();
        await trx
          .updateTable('tickets')
          .set({ status: 'cancelled', ended_at: at })
          .where('id', 'in', leftovers.map((t) => t.id))
          .execute();
        await trx
          .updateTable('counters')
          .set({ current_ticket_id: null })
          .where('current_ticket_id', 'in', leftovers.map((t) => t.id))
          .execute();
        for (const ticket of leftovers) emit({ type: 'ticket.cancelled', ticketId: ticket.id, counterId: ticket.counter_id ?? undefined });
        return leftovers.length;
      });
      return result;
    },

    /** Runs `closePastDays` for every branch. */
    async closePastDaysEverywhere(): Promise<number> {
      const branches = await db.selectFrom('branches').select('id').execute();
      let closed = 0;
      for (const { id } of branches) closed += await this.closePastDays(id);
      return closed;
    },
  };
}
