/**
 * The lobby manager's work diary (大堂經理工作日誌): one entry per manager per business day,
 * prefilled with the day's figures; its author may change it until the end of the next business
 * day. Diary text is personal data: managers and admins of the branch read it, and every read and
 * change leaves an audit row.
 */
import { DIARY_TEXT_FIELDS, type DiaryEntry, type DiaryEntryBody, type DiaryFigures, type DiaryMonth } from '../../../../protocol/diary-routes.js';
import { assertSeesPersonalData, type Actor } from '../../domain/actor.js';
import { businessDay } from '../../domain/business-day.js';
import { decideDiarySave, editableUntil, isCalendarDay, isLocked, monthDays } from '../../domain/diary-rules.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { findBranch } from '../../repositories/branch-repository.js';
import { inTransaction } from '../../repositories/db.js';
import { diaryFiguresRepository } from '../../repositories/diary-figures-repository.js';
import { diaryRepository, type StoredDiaryEntry } from '../../repositories/diary-repository.js';
import { toBranch } from '../../repositories/mappers.js';
import { changedFields } from './audit-trail.js';
import type { RecordDeps } from './record-deps.js';

export function createDiaryService({ db, clock, audit, hints }: RecordDeps) {
  /** Checks who asks, then gives the branch's calendar: its time zone, holidays and today. */
  async function open(actor: Actor, branchId: string) {
    assertSeesPersonalData(actor, branchId);
    const row = await findBranch(db, branchId);
    if (!row) throw notFound('branch', branchId);
    const branch = toBranch(row);
    return { actor, timeZone: branch.timeZone, holidays: branch.settings.holidays, today: businessDay(clock.now(), branch.timeZone) };
  }

  type Calendar = Awaited<ReturnType<typeof open>>;

  const toWire = (entry: StoredDiaryEntry, { today, holidays }: Calendar): DiaryEntry => ({
    ...entry,
    editableUntil: editableUntil(entry.businessDay, holidays),
    locked: isLocked(entry.businessDay, today, holidays),
  });

  function assertPastOrToday(day: string, today: string, where: string): void {
    if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `${where}: ${day} is not a calendar day (YYYY-MM-DD)`);
    if (day > today) throw new AppError('VALIDATION_FAILED', `${where}: ${day} has not come yet (today is ${today})`);
  }

  return {
    /** Every manager's entries of a month, newest day first. */
    async month(actor: Actor, branchId: string, month: string): Promise<DiaryMonth> {
      const calendar = await open(actor, branchId);
      const { first, last } = monthDays(month);
      const entries = await diaryRepository.listBetween(db, branchId, first, last);
      await audit.write(db, calendar.actor, branchId, { action: 'read', recordType: 'diary', fields: DIARY_TEXT_FIELDS });
      return { month, today: calendar.today, entries: entries.map((e) => toWire(e, calendar)) };
    },

    /** One manager's entry for a day. */
    async entry(actor: Actor, branchId: string, day: string, authorId: string): Promise<DiaryEntry> {
      const calendar = await open(actor, branchId);
      if (!isCalendarDay(day)) throw new AppError('VALIDATION_FAILED', `params/day: ${day} is not a calendar day (YYYY-MM-DD)`);
      const entry = await diaryRepository.find(db, branchId, day, authorId);
      if (!entry) throw notFound('diary entry of', `${day} by ${authorId}`);
      await audit.write(db, calendar.actor, branchId, { action: 'read', recordType: 'diary', recordId: entry.id, fields: DIARY_TEXT_FIELDS });
      return toWire(entry, calendar);
    },

    /** The day's figures (counts, no personal data), up to today. */
    async figures(actor: Actor, branchId: string, day: string): Promise<DiaryFigures> {
      const { timeZone, today } = await open(actor, branchId);
      assertPastOrToday(day, today, 'querystring/day');
      return diaryFiguresRepository.dayFigures(db, branchId, day, timeZone);
    },

    /**
     * Creates or updates the signed-in manager's own entry for `day`. The rules (diary-rules.ts)
     * refuse a future day, a writer who is not a manager, and a day past its editing window.
     */
    async save(actor: Actor, branchId: string, day: string, text: DiaryEntryBody): Promise<DiaryEntry> {
      const calendar = await open(actor, branchId);
      const writer = calendar.actor;
      const saved = await inTransaction(db, async (trx) => {
        const existing = await diaryRepository.find(trx, branchId, day, writer.id);
        const decision = decideDiarySave({ day, today: calendar.today, holidays: calendar.holidays, writer, existing: existing ?? null });
        if ('refused' in decision) throw new AppError(decision.refused, decision.message);
        const at = clock.now().toISOString();
        if (!existing) {
          const id = newId();
          await diaryRepository.insert(trx, { id, branchId, businessDay: day, authorId: writer.id, at, ...text });
          await audit.write(trx, writer, branchId, { action: 'create', recordType: 'diary', recordId: id, fields: DIARY_TEXT_FIELDS });
          return { id, changed: true };
        }
        const fields = changedFields(existing, text);
        // Saving the same text again changes nothing, so it leaves no audit row.
        if (fields.length === 0) return { id: existing.id, changed: false };
        await diaryRepository.updateText(trx, existing.id, text, at);
        await audit.write(trx, writer, branchId, { action: 'update', recordType: 'diary', recordId: existing.id, fields });
        return { id: existing.id, changed: true };
      });
      if (saved.changed) hints.publish(branchId, { record: 'diary', id: saved.id });
      const entry = await diaryRepository.find(db, branchId, day, writer.id);
      return toWire(entry!, calendar);
    },
  };
}

export type DiaryService = ReturnType<typeof createDiaryService>;
