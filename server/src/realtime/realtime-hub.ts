/**
 * The live sockets of each branch, fed from the event bus: every event is serialised once per
 * audience and the same frame goes to every socket of that audience, however many screens are
 * watching. The hall's screens get a staff-only event without what it says, which keeps their
 * sequence unbroken.
 */
import { isStaffEvent, type DomainEvent } from '../../../protocol/messages.js';
import type { Audience } from '../../../protocol/schemas.js';
import type { EventBus } from './event-bus.js';
import { publicQueues } from '../domain/queue-opening.js';

/** One event as it goes on the wire. */
export interface EventFrame {
  seq: number;
  frame: string;
}

/** A socket's side of the hub: it receives a branch's frames in sequence order. */
export type FrameListener = (frames: readonly EventFrame[]) => void;

/** The event as an audience may see it: a staff-only event reaches the hall without its alert. */
function forAudience(event: DomainEvent, audience: Audience): DomainEvent {
  if (audience === 'staff') return event;
  // VIP waits are not shown in the hall (queue-opening.ts).
  const queues = publicQueues(event.queues);
  const shown = queues === event.queues ? event : { ...event, queues };
  if (!isStaffEvent(shown)) return shown;
  const { alert: _alert, ...rest } = shown;
  return rest;
}

const toFrame = (event: DomainEvent): EventFrame => ({ seq: event.seq, frame: JSON.stringify(event) });

export function createRealtimeHub(bus: EventBus) {
  type Listeners = Record<Audience, Set<FrameListener>>;
  const rooms = new Map<string, { listeners: Listeners; leave: () => void }>();
  const size = (listeners: Listeners) => listeners.staff.size + listeners.public.size;

  return {
    /** Listens to a branch's frames as `audience` sees them; returns the function that stops listening. */
    join(branchId: string, audience: Audience, listener: FrameListener): () => void {
      let room = rooms.get(branchId);
      if (!room) {
        const listeners: Listeners = { staff: new Set(), public: new Set() };
        const leave = bus.subscribe(branchId, (events) => {
          const staffFrames = events.map(toFrame);
          for (const deliver of listeners.staff) deliver(staffFrames);
          if (listeners.public.size === 0) return;
          const differs = events.some((event) => isStaffEvent(event) || event.queues.some((q) => q.vipOnly));
          const publicFrames = differs ? events.map((event) => toFrame(forAudience(event, 'public'))) : staffFrames;
          for (const deliver of listeners.public) deliver(publicFrames);
        });
        rooms.set(branchId, (room = { listeners, leave }));
      }
      const joined = room;
      joined.listeners[audience].add(listener);
      return () => {
        joined.listeners[audience].delete(listener);
        if (size(joined.listeners) === 0 && rooms.get(branchId) === joined) {
          joined.leave();
          rooms.delete(branchId);
        }
      };
    },

    /** How many sockets watch a branch. */
    watching: (branchId: string) => {
      const room = rooms.get(branchId);
      return room ? size(room.listeners) : 0;
    },
  };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;
