/**
 * Who watches which ticket, and the ticket as its phone shows it after each change of its branch.
 * One bus subscription per branch however many phones watch it; after each published batch the
 * watched tickets' views are computed once, from the branch engine's held state and its queue view
 * of that sequence number (never by reading the branch again). A batch arriving while one is being
 * computed is folded into one more computation, so a burst of calls gives each phone one update.
 */
import type { PublicTicket } from '../../../protocol/schemas.js';
import { activePublicTicket } from '../domain/public-ticket.js';
import type { BranchEngine } from '../services/branch-engine.js';
import type { EventBus } from './event-bus.js';

/** Receives the ticket's view after a change of its branch (possibly unchanged: the socket compares). */
export type TicketListener = (view: PublicTicket) => void;

export interface TicketWatchDeps {
  bus: EventBus;
  engine: Pick<BranchEngine, 'read'>;
  /** The ticket as stored, once the held state no longer has it (it ended); undefined: unknown. */
  storedView: (ticketId: string) => Promise<PublicTicket | undefined>;
  onError: (err: unknown) => void;
}

interface Room {
  tickets: Map<string, Set<TicketListener>>;
  leave: () => void;
  computing: boolean;
  again: boolean;
}

export function createTicketWatch({ bus, engine, storedView, onError }: TicketWatchDeps) {
  const rooms = new Map<string, Room>();

  /** Computes every watched ticket's view once and tells its listeners; folds batches that arrive meanwhile. */
  async function refresh(branchId: string, room: Room): Promise<void> {
    if (room.computing) {
      room.again = true;
      return;
    }
    room.computing = true;
    try {
      const watched = [...room.tickets.keys()];
      const views = await engine.read(branchId, (state, view) => {
        const found = new Map<string, PublicTicket>();
        if (state) for (const id of watched) {
          const current = activePublicTicket(state, view, id);
          if (current) found.set(id, current);
        }
        return found;
      });
      // Tickets no longer held have ended (or were never here): their last state is stored.
      for (const id of watched) {
        if (views.has(id) || !room.tickets.has(id)) continue;
        const stored = await storedView(id);
        if (stored) views.set(id, stored);
      }
      for (const [id, ticketView] of views) for (const listener of room.tickets.get(id) ?? []) listener(ticketView);
    } catch (err) {
      onError(err);
    } finally {
      room.computing = false;
      if (room.again && rooms.get(branchId) === room) {
        room.again = false;
        void refresh(branchId, room);
      }
    }
  }

  return {
    /** Tells `listener` the ticket's view after every change of the branch; returns the function that stops. */
    watch(branchId: string, ticketId: string, listener: TicketListener): () => void {
      let room = rooms.get(branchId);
      if (!room) {
        const created: Room = { tickets: new Map(), leave: () => {}, computing: false, again: false };
        created.leave = bus.subscribe(branchId, () => void refresh(branchId, created));
        rooms.set(branchId, (room = created));
      }
      const joined = room;
      let listeners = joined.tickets.get(ticketId);
      if (!listeners) joined.tickets.set(ticketId, (listeners = new Set()));
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) joined.tickets.delete(ticketId);
        if (joined.tickets.size === 0 && rooms.get(branchId) === joined) {
          joined.leave();
          rooms.delete(branchId);
        }
      };
    },

    /** How many tickets of a branch are watched. */
    watchedTickets: (branchId: string) => rooms.get(branchId)?.tickets.size ?? 0,
  };
}

export type TicketWatch = ReturnType<typeof createTicketWatch>;
