/** The hall's notice board and interest-rate board (利率牌), which the wall display scrolls. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { NoticeBoard } from '../../../protocol/notice-schemas.js';
import { notFound } from '../errors.js';
import { branchRepository } from '../repositories/branch-repository.js';
import { noticeRepository } from '../repositories/notice-repository.js';
import { assertCanRead, assertStaff, type Actor } from '../domain/actor.js';
import type { RunInBranch } from './branch-transaction.js';

export type { NoticeBoard } from '../../../protocol/notice-schemas.js';
// Its home is the repository; the demo seed still imports it from here.
export { toNoticeRows } from '../repositories/notice-repository.js';

export interface NoticeServiceDeps {
  db: Kysely<Database>;
  /** The branch's unit of work, so a new board reaches the hall's screens as `branch.configured`. */
  runInBranch: RunInBranch;
}

export function createNoticeService({ db, runInBranch }: NoticeServiceDeps) {
  async function requireBranch(branchId: string): Promise<void> {
    if (!(await branchRepository.exists(db, branchId))) throw notFound('branch', branchId);
  }

  async function board(actor: Actor, branchId: string): Promise<NoticeBoard> {
    assertCanRead(actor, branchId);
    await requireBranch(branchId);
    return noticeRepository.findBoard(db, branchId);
  }

  return {
    board,

    /**
     * Managers and admins replace the whole board; it is short, so there is no per-line editing.
     * Live screens resync on the event and fetch the new board at once.
     */
    async replaceBoard(actor: Actor, branchId: string, next: NoticeBoard): Promise<NoticeBoard> {
      assertStaff(actor, branchId, ['admin', 'manager']);
      await requireBranch(branchId);
      await runInBranch(branchId, actor.id, async (trx, emit, now) => {
        await noticeRepository.replaceBoard(trx, branchId, next, now.toISOString());
        emit({ type: 'branch.configured' });
      });
      return board(actor, branchId);
    },
  };
}
