/** The hall's notice board and interest-rate board, one row per line. */
import type { NewNotice, NoticeRow } from '../../../db/schema.js';
import type { NoticeBoard } from '../../../protocol/notice-schemas.js';
import type { LocalizedName } from '../../../protocol/schemas.js';
import type { Db } from './db.js';

export type NoticeKind = 'notice' | 'rate';

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

/** The branch's notice and rate lines, in board order. */
export const listNotices = (db: Db, branchId: string) =>
  db.selectFrom('notices').selectAll().where('branch_id', '=', branchId).orderBy('kind').orderBy('position').execute();

/** Replaces every line of the branch's boards (call inside a transaction). */
export async function replaceNotices(db: Db, branchId: string, rows: NewNotice[]): Promise<void> {
  await db.deleteFrom('notices').where('branch_id', '=', branchId).execute();
  if (rows.length > 0) await db.insertInto('notices').values(rows).execute();
}

/** Both of the branch's boards, in the order they are shown. */
async function findBoard(db: Db, branchId: string): Promise<NoticeBoard> {
  const rows = await listNotices(db, branchId);
  return {
    notices: rows.filter((r) => r.kind === 'notice').map(textOf),
    rates: rows.filter((r) => r.kind === 'rate').map((r) => ({ label: textOf(r), value: r.value ?? '' })),
  };
}

/** Replaces both of the branch's boards (call inside a transaction). */
async function replaceBoard(db: Db, branchId: string, board: NoticeBoard, updatedAt: string): Promise<void> {
  await replaceNotices(db, branchId, toNoticeRows(branchId, board, updatedAt));
}

export const noticeRepository = Object.freeze({ findBoard, replaceBoard, listRows: listNotices, replaceRows: replaceNotices });
