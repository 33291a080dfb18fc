/** The hall's notice board and interest-rate board (利率牌), which the wall display scrolls. */
import type { Kysely } from 'kysely';
import type { Database, NewNotice, NoticeRow } from '../../../db/schema.js';
import type { NoticeBoard } from '../../../protocol/notice-schemas.js';
import type { LocalizedName } from '../../../protocol/schemas.js';
import { notFound } from '../errors.js';
import { findBranch } from '../repositories/branch-repository.js';
import { listNotices, replaceNotices, type NoticeKind } from '../repositories/notice-repository.js';
import { assertCanRead, assertStaff, type Actor } from '../domain/actor.js';
import type { RunInBranch } from './branch-transaction.js';

export type { NoticeBoard } from '../../../protocol/notice-schemas.js';

const textOf = (row: NoticeRow): LocalizedName => ({ en: row.text_en, zhHant: row.text_zh_hant, zhHans: row.text_zh_hans });

/** Board lines to rows: position is the index, so the board keeps the order it was given. */
export function toNoticeRows(branchId: string, board: NoticeBoard, updatedAt: string): NewNotice[] {
  const row = (kind: NoticeKind, position: number, text: LocalizedName, value: string | null): NewNotice => ({
    branch_id: branchId,
    kind,
    position,
    text_en: text.en,
    text_zh_hant: text.zhHant,
    text_zh_hans: text.zhHans,
    value,
    updated_at: updatedAt,
  });
  return [
    ...board.notices.map((text, i) => row('notice', i, text, null)),
    ...board.rates.map((rate, i) => row('rate', i, rate.label, rate.value)),
  ];
}

export interface NoticeServiceDeps {
  db: Kysely<Database>;
  /** The branch's unit of work, so a new board reaches the hall's screens as `branch.configured`. */
  runInBranch: RunInBranch;
}

export function createNoticeService({ db, runInBranch }: NoticeServiceDeps) {
  async function requireBranch(branchId: string): Promise<void> {
    if (!(await findBranch(db, branchId))) throw notFound('branch', branchId);
  }

  async function board(actor: Actor, branchId: string): Promise<NoticeBoard> {
    assertCanRead(actor, branchId);
    await requireBranch(branchId);
    const rows = await listNotices(db, branchId);
    return {
      notices: rows.filter((r) => r.kind === 'notice').map(textOf),
      rates: rows.filter((r) => r.kind === 'rate').map((r) => ({ label: textOf(r), value: r.value ?? '' })),
    };
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
        await replaceNotices(trx, branchId, toNoticeRows(branchId, next, now.toISOString()));
        emit({ type: 'branch.configured' });
      });
      return board(actor, branchId);
    },
  };
}
