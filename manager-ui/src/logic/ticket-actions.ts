/**
 * Which buttons to enable for a ticket or counter. This only mirrors the server's rules so that
 * staff are not offered what will be refused; the server remains the judge.
 */
import type { Counter, CounterStatus, Ticket, TicketStatus, Tier } from '../../../protocol/schemas.js';

export type TellerAction = 'recall' | 'start' | 'complete' | 'no_show' | 'transfer' | 'cancel';

const TELLER_ACTIONS: Partial<Record<TicketStatus, readonly TellerAction[]>> = {
  called: ['recall', 'start', 'no_show', 'transfer', 'cancel'],
  serving: ['complete', 'transfer'],
};

/** The teller actions that make sense for the current ticket's status (none without a ticket). */
export function tellerActionsFor(status: TicketStatus | null | undefined): ReadonlySet<TellerAction> {
  return new Set(status ? (TELLER_ACTIONS[status] ?? []) : []);
}

/** A counter may call the next ticket when it is open and nobody is called to it or being served there. */
export function canCallNext(counter: Pick<Counter, 'status'>, current: Pick<Ticket, 'status'> | null | undefined): boolean {
  if (counter.status !== 'open') return false;
  return !current || (current.status !== 'called' && current.status !== 'serving');
}

export type CounterAction = 'open' | 'pause' | 'close';

const COUNTER_ACTIONS: Record<CounterStatus, readonly CounterAction[]> = {
  open: ['pause', 'close'],
  paused: ['open', 'close'],
  closed: ['open'],
};

/** open from closed or paused (resume), pause when open, close when open or paused. */
export function counterActionsFor(status: CounterStatus): ReadonlySet<CounterAction> {
  return new Set(COUNTER_ACTIONS[status]);
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
  const waiting = ticket.status === 'waiting';
  const allTiers: Tier[] = ['vip', 'priority', 'regular'];
  return {
    divert: waiting,
    tiers: waiting ? allTiers.filter((t) => t !== ticket.tier) : [],
    transfer: waiting || ticket.status === 'called' || ticket.status === 'serving',
    cancel: waiting || ticket.status === 'called',
  };
}
