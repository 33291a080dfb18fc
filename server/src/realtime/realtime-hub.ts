/**
 * The live sockets of each branch, fed from the event bus: every event is serialised once and the
 * same frame goes to every socket of the branch, however many screens are watching.
 */
import type { EventBus } from './event-bus.js';

/** One event as it goes on the wire. */
export interface EventFrame {
  seq: number;
  frame: string;
}

/** A socket's side of the hub: it receives a branch's frames in sequence order. */
export type FrameListener = (frames: readonly EventFrame[]) => void;

export function createRealtimeHub(bus: EventBus) {
  const rooms = new Map<string, { listeners: Set<FrameListener>; leave: () => void }>();

  return {
    /** Listens to a branch's frames; returns the function that stops listening. */
    join(branchId: string, listener: FrameListener): () => void {
      let room = rooms.get(branchId);
      if (!room) {
        const listeners = new Set<FrameListener>();
        const leave = bus.subscribe(branchId, (events) => {
          const frames = events.map((event) => ({ seq: event.seq, frame: JSON.stringify(event) }));
          for (const deliver of listeners) deliver(frames);
        });
        rooms.set(branchId, (room = { listeners, leave }));
      }
      const joined = room;
      joined.listeners.add(listener);
      return () => {
        joined.listeners.delete(listener);
        if (joined.listeners.size === 0 && rooms.get(branchId) === joined) {
          joined.leave();
          rooms.delete(branchId);
        }
      };
    },

    /** How many sockets watch a branch. */
    watching: (branchId: string) => rooms.get(branchId)?.listeners.size ?? 0,
  };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;
