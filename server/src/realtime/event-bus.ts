/**
 * Domain events leave a server through this interface. The first implementation is in-process;
 * several instances behind a load balancer would use one over PostgreSQL LISTEN/NOTIFY or Redis.
 */
import { EventEmitter } from 'node:events';
import type { DomainEvent } from '../../../protocol/messages.js';

export type EventListener = (events: readonly DomainEvent[]) => void;

export interface EventBus {
  /** Publishes committed events of one branch, in sequence order. */
  publish(branchId: string, events: readonly DomainEvent[]): void;
  /** Listens to one branch; returns the unsubscribe function. */
  subscribe(branchId: string, listener: EventListener): () => void;
}

export function createInProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(branchId, events) {
      if (events.length > 0) emitter.emit(branchId, events);
    },
    subscribe(branchId, listener) {
      emitter.on(branchId, listener);
      return () => emitter.off(branchId, listener);
    },
  };
}
