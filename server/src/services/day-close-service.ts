/**
 * Closing the business day: tickets still waiting, called or being served from an earlier day are
 * cancelled, so that yesterday's leftovers never stand ahead of this morning's customers. The
 * branch engine holds every active ticket, so finding them reads nothing from the database.
 */
import type { Db } from '../repositories/db.js';
import { listBranchIds } from '../repositories/branch-repository.js';
import type { BranchEngine } from './branch-engine.js';

export function createDayCloseService({ db, engine }: { db: Db; engine: BranchEngine }) {
  /** Cancels the branch's active tickets of earlier business days; returns how many. */
  async function closePastDays(branchId: string): Promise<number> {
    const { result } = await engine.run(branchId, { type: 'close_past_days' });
    return result.count ?? 0;
  }

  return {
    closePastDays,

    /** Runs `closePastDays` for every branch. */
    async closePastDaysEverywhere(): Promise<number> {
      let closed = 0;
      for (const id of await listBranchIds(db)) closed += await closePastDays(id);
      return closed;
    },
  };
}
