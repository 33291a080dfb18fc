/** The work diary's entries: one per manager per business day, with the author's name for the month's list. */
import type { Selectable } from 'kysely';
import type { DiaryEntryTable } from '../../../db/schema.js';
import type { Db } from './db.js';

/** An entry as stored, with its author's display name. */
export interface StoredDiaryEntry {
  id: string;
  branchId: string;
  businessDay: string;
  authorId: string;
  authorName: string;
  focus: string;
  conversations: string;
  potentialCustomers: string;
  problems: string;
  createdAt: string;
  updatedAt: string;
}

export type DiaryText = Pick<StoredDiaryEntry, 'focus' | 'conversations' | 'potentialCustomers' | 'problems'>;

const toEntry = (row: Selectable<DiaryEntryTable> & { author_name: string | null }): StoredDiaryEntry => ({
  id: row.id,
  branchId: row.branch_id,
  businessDay: row.business_day,
  authorId: row.author_id,
  // An author removed from the users table still wrote the entry.
  authorName: row.author_name ?? row.author_id,
  focus: row.focus,
  conversations: row.conversations,
  potentialCustomers: row.potential_customers,
  problems: row.problems,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const withAuthor = (db: Db) =>
  db
    .selectFrom('diary_entries')
    .leftJoin('users', 'users.id', 'diary_entries.author_id')
    .selectAll('diary_entries')
    .select('users.display_name as author_name');

/** One author's entry for a day, if written. */
async function find(db: Db, branchId: string, day: string, authorId: string): Promise<StoredDiaryEntry | undefined> {
  const row = await withAuthor(db)
    .where('diary_entries.branch_id', '=', branchId)
    .where('diary_entries.business_day', '=', day)
    .where('diary_entries.author_id', '=', authorId)
    .executeTakeFirst();
  return row && toEntry(row);
}

/** Every entry from day `first` to `last` (inclusive), newest day first, then by author. */
async function listBetween(db: Db, branchId: string, first: string, last: string): Promise<StoredDiaryEntry[]> {
  const rows = await withAuthor(db)
    .where('diary_entries.branch_id', '=', branchId)
    .where('diary_entries.business_day', '>=', first)
    .where('diary_entries.business_day', '<=', last)
    .orderBy('diary_entries.business_day', 'desc')
    .orderBy('users.display_name')
    .execute();
  return rows.map(toEntry);
}

async function insert(
  db: Db,
  entry: { id: string; branchId: string; businessDay: string; authorId: string; at: string } & DiaryText,
): Promise<void> {
  await db
    .insertInto('diary_entries')
    .values({
      id: entry.id,
      branch_id: entry.branchId,
      business_day: entry.businessDay,
      author_id: entry.authorId,
      focus: entry.focus,
      conversations: entry.conversations,
      potential_customers: entry.potentialCustomers,
      problems: entry.problems,
      created_at: entry.at,
      updated_at: entry.at,
    })
    .execute();
}

async function updateText(db: Db, id: string, text: DiaryText, at: string): Promise<void> {
  await db
    .updateTable('diary_entries')
    .set({ focus: text.focus, conversations: text.conversations, potential_customers: text.potentialCustomers, problems: text.problems, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export const diaryRepository = Object.freeze({ find, listBetween, insert, updateText });
