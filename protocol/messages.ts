/**
 * Messages on the live socket (`GET /api/branches/:branchId/live`).
 * The server sends a snapshot on connect, then one message per domain event,
 * each with the branch's next sequence number.
 */
import type { Counter, MachineKind, QueueSummary, Snapshot, Ticket } from './schemas.js';
import type { ErrorCode } from './errors.js';

/** How many recent calls a snapshot carries and a live client keeps: enough for every counter's last call on the wall display. */
export const RECENT_CALLS_KEPT = 30;

export const TICKET_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.diverted',
  'ticket.tier_changed',
] as const;
export const COUNTER_EVENT_TYPES = ['counter.opened', 'counter.paused', 'counter.closed'] as const;
/**
 * customer.diverted: a customer sent to a self-service machine before taking a ticket (kiosk "take me there").
 * branch.configured: an admin changed services, counters, machines or branch settings; clients take a fresh snapshot.
 */
export const LOBBY_EVENT_TYPES = ['customer.diverted', 'branch.configured'] as const;

export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];
export type CounterEventType = (typeof COUNTER_EVENT_TYPES)[number];
export type LobbyEventType = (typeof LOBBY_EVENT_TYPES)[number];
export type DomainEventType = TicketEventType | CounterEventType | LobbyEventType;

/** One change in a branch, as stored in the event log and pushed to every screen. */
export interface DomainEvent {
  type: DomainEventType;
  branchId: string;
  seq: number;
  at: string;
  /** Staff user who acted, or null for a kiosk device. */
  actorId: string | null;
  /** The ticket after the change (ticket events). */
  ticket?: Ticket;
  /** The counter after the change (counter events, and calls that change its current ticket). */
  counter?: Counter;
  /** customer.diverted: which service the customer wanted and where they were sent. */
  diversion?: { serviceId: string; machineKind: MachineKind };
  /** Every service's queue figures after the change, so screens never compute them. */
  queues: QueueSummary[];
}

export type SnapshotMessage = { type: 'snapshot' } & Snapshot;
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
}
export type ServerMessage = SnapshotMessage | DomainEvent | ErrorMessage | { type: 'pong' };

/** What a client may send: ask for a fresh snapshot (after a gap), or a ping. */
export type ClientMessage = { type: 'snapshot.request' } | { type: 'ping' };
