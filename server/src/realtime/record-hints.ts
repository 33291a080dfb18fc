/**
 * `records.changed` hints (protocol/messages.ts): a record changed, so the staff screens that may
 * read it fetch it again. Hints say which kind of record and its id, never what it holds, and go
 * only to sockets whose person may read that record: the branch's managers and admins, and an
 * account manager for the referrals made to them. They are not stored and carry no sequence number.
 */
import type { RecordsChangedMessage } from '../../../protocol/messages.js';
import type { RecordHintKind } from '../../../protocol/record-kinds.js';
import type { Actor } from '../domain/actor.js';

export interface RecordHint {
  record: RecordHintKind;
  id?: string;
  /** People besides the branch's managers and admins who may hear it (the account manager of a referral). */
  alsoFor?: readonly string[];
}

type HintListener = (hint: RecordHint) => void;

/** Whether `actor`'s screen hears `hint`: managers and admins hear every hint of their branch. */
export function hearsHint(actor: Actor, hint: RecordHint): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'manager' || actor.role === 'admin') return true;
  return hint.alsoFor?.includes(actor.id) ?? false;
}

export const hintMessage = (hint: RecordHint): RecordsChangedMessage =>
  hint.id === undefined ? { type: 'records.changed', record: hint.record } : { type: 'records.changed', record: hint.record, id: hint.id };

export function createRecordHints() {
  const rooms = new Map<string, Set<HintListener>>();
  return {
    /** Tells the branch's listening screens that a record changed. */
    publish(branchId: string, hint: RecordHint): void {
      for (const listener of rooms.get(branchId) ?? []) listener(hint);
    },

    /** Listens to a branch's hints; returns the function that stops listening. */
    listen(branchId: string, listener: HintListener): () => void {
      let room = rooms.get(branchId);
      if (!room) rooms.set(branchId, (room = new Set()));
      room.add(listener);
      const joined = room;
      return () => {
        joined.delete(listener);
        if (joined.size === 0 && rooms.get(branchId) === joined) rooms.delete(branchId);
      };
    },
  };
}

export type RecordHints = ReturnType<typeof createRecordHints>;
