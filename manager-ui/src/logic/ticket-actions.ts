/**
 * Which buttons to enable for a ticket or counter, read from the protocol's action tables
 * (protocol/actions.ts), so that staff are not offered what the server will refuse; the server remains the judge.
 */
import { canApplyCounterAction, canApplyTicketAction, isAtCounter, type CounterAction, type TicketAction } from '../../../protocol/actions.js';
import type { CounterStatus, Ticket, TicketStatus, Tier } from '../../../protocol/schemas.js';

/** What a teller does to the ticket at their counter (calling the next one is the counter's action). */
export type TellerAction = Extract<TicketAction, 'recall' | 'start' | 'complete' | 'no_show' | 'transfer' | 'cancel'>;

const TELLER_ACTIONS: readonly TellerAction[] = ['recall', 'start', 'complete', 'no_show', 'transfer', 'cancel'];
const COUNTER_ACTIONS: readonly CounterAction[] = ['open', 'pause', 'close'];

/** The teller actions that make sense for the counter's current ticket: none unless it is at the counter (called or serving). */
export function tellerActionsFor(status: TicketStatus | null | undefined): ReadonlySet<TellerAction> {
  if (!status || !isAtCounter(status)) return new Set();
  return new Set(TELLER_ACTIONS.filter((action) => canApplyTicketAction(action, status)));
}

/** open from closed or paused (resume), pause when open, close when open or paused. */
export function counterActionsFor(status: CounterStatus): ReadonlySet<CounterAction> {
  return new Set(COUNTER_ACTIONS.filter((action) => canApplyCounterAction(action, status)));
}

/** What the lobby manager may do to a ticket from the triage sheet. */
export interface TriageActions {
  divert: boolean;
  /** Tiers the ticket can be moved to (not the one it has). */
  tiers: Tier[];
  transfer: boolean;
  cancel: boolean;
}

/** Only waiting tickets can be diverted or re-tiered; a called one can still be transferred or cancelled. */
export function triageActionsFor(ticket: Pick<Ticket, 'status' | 'tier'>): TriageActions {
  const allTiers: Tier[] = ['vip', 'priority', 'regular'];
  return {
    divert: canApplyTicketAction('divert', ticket.status),
    tiers: canApplyTicketAction('change_tier', ticket.status) ? allTiers.filter((t) => t !== ticket.tier) : [],
    transfer: canApplyTicketAction('transfer', ticket.status),
    cancel: canApplyTicketAction('cancel', ticket.status),
  };
}
