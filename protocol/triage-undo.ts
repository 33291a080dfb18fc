/**
 * Undo of the lobby manager's triage actions, written once: the server restores a ticket only
 * within this window (UNDO_EXPIRED after it), and the triage screen offers "Undo" for as long.
 */
import type { TicketEventType } from './messages.js';

/** How long (seconds) a divert, transfer, tier change or cancel can be undone after it was made. */
export const TRIAGE_UNDO_SECONDS = 120;

/** The events of the triage actions that can be undone: each changed a waiting ticket and nothing else. */
export const UNDOABLE_TRIAGE_EVENTS = ['ticket.diverted', 'ticket.transferred', 'ticket.tier_changed', 'ticket.cancelled'] as const satisfies readonly TicketEventType[];

export type UndoableTriageEvent = (typeof UNDOABLE_TRIAGE_EVENTS)[number];

/** Whether `type` is the event of a triage action that can be undone. */
export function isUndoableTriageEvent(type: string): type is UndoableTriageEvent {
  return (UNDOABLE_TRIAGE_EVENTS as readonly string[]).includes(type);
}

/** Whether a triage action made at `at` can still be undone at `nowMs`. */
export function canUndoTriage(at: string, nowMs: number): boolean {
  return nowMs - Date.parse(at) < TRIAGE_UNDO_SECONDS * 1000;
}
