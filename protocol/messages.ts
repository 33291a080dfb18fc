/**
 * Messages on the live socket (`GET /api/branches/:branchId/live`).
 * The server sends a snapshot on connect, then one message per domain event,
 * each with the branch's next sequence number.
 */
import type { Counter, MachineKind, QueueSummary, Snapshot, ThrottleAlert, Ticket } from './schemas.js';
import type { ErrorCode } from './errors.js';
import type { RecordHintKind } from './record-kinds.js';

/** How many recent calls a snapshot carries and a live client keeps: enough for every counter's last call on the wall display. */
export const RECENT_CALLS_KEPT = 30;

export const TICKET_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.no_show_undone',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.diverted',
  'ticket.tier_changed',
  /** A divert, transfer, tier change or cancel undone: the ticket waits again exactly where it was (protocol/triage-undo.ts). */
  'ticket.restored',
  /** 過號重排: a no-show's late customer waits again, after N others of their lane or at the end (ticket.queuedAt). */
  'ticket.requeued',
  /** The customer said on their phone that they are on their way (ticket.onMyWayAt). */
  'ticket.on_my_way',
] as const;
export const COUNTER_EVENT_TYPES = ['counter.opened', 'counter.paused', 'counter.closed'] as const;
/**
 * customer.diverted: a customer sent to a self-service machine before taking a ticket (kiosk "take me there").
 * branch.configured: an admin changed services, counters, machines or branch settings; clients take a fresh snapshot.
 * branch.hours_changed: the branch's calendar moved on by itself (an opening, lunch, a cut-off, closing):
 * the queues' openings and waits after it, so a kiosk stops saying "opens at 9:00" at 9:00.
 */
export const LOBBY_EVENT_TYPES = ['customer.diverted', 'branch.configured', 'branch.hours_changed'] as const;

export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];
export type CounterEventType = (typeof COUNTER_EVENT_TYPES)[number];
/**
 * device.throttled: a kiosk was refused tickets for issuing too fast. For staff only: the hall's
 * kiosks and displays get it without its alert, which keeps their sequence without a resync.
 */
export const STAFF_EVENT_TYPES = ['device.throttled'] as const;

export type LobbyEventType = (typeof LOBBY_EVENT_TYPES)[number];
export type StaffEventType = (typeof STAFF_EVENT_TYPES)[number];
export type DomainEventType = TicketEventType | CounterEventType | LobbyEventType | StaffEventType;

interface EventBase {
  branchId: string;
  seq: number;
  at: string;
  /** Staff user who acted, or null for a kiosk device or the server itself (day close). */
  actorId: string | null;
  /** Every service's queue figures after the change, so screens never compute them. */
  queues: QueueSummary[];
}

/** A ticket changed: the ticket after the change, and the counter it is at or just left when that changed too. */
export interface TicketEvent extends EventBase {
  type: TicketEventType;
  ticket: Ticket;
  counter?: Counter;
  /** ticket.called: the teller called this number by choice (指定叫號), not the next in line. */
  calledDirectly?: boolean;
}

/** A counter opened, paused or closed: the counter after the change. */
export interface CounterEvent extends EventBase {
  type: CounterEventType;
  counter: Counter;
}

/** A customer sent to a self-service machine before taking a ticket (kiosk "take me there"). */
export interface CustomerDivertedEvent extends EventBase {
  type: 'customer.diverted';
  diversion: { serviceId: string; machineKind: MachineKind };
}

/** An admin changed services, counters, machines, notices or settings: clients take a fresh snapshot. */
export interface BranchConfiguredEvent extends EventBase {
  type: 'branch.configured';
}

/** The calendar moved on (an opening, lunch, a cut-off): only the queue figures change. */
export interface BranchHoursChangedEvent extends EventBase {
  type: 'branch.hours_changed';
}

/** A kiosk was refused tickets for issuing too fast: its alert after the refusals (absent on the hall's screens). */
export interface DeviceThrottledEvent extends EventBase {
  type: 'device.throttled';
  alert?: ThrottleAlert;
}

/** One change in a branch, as stored in the event log and pushed to every screen; `type` tells which. */
export type DomainEvent = TicketEvent | CounterEvent | CustomerDivertedEvent | BranchConfiguredEvent | BranchHoursChangedEvent | DeviceThrottledEvent;

export const isTicketEvent = (event: DomainEvent): event is TicketEvent => event.type.startsWith('ticket.');
export const isCounterEvent = (event: DomainEvent): event is CounterEvent => event.type.startsWith('counter.');
/** Whether only staff screens are told what the event says. */
export const isStaffEvent = (event: DomainEvent): event is DeviceThrottledEvent => (STAFF_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * Close codes of the live socket. UNAUTHORIZED: the session ended or the device token was revoked,
 * so reconnecting cannot help (the client stops). TOO_MANY_REQUESTS: the client asked for snapshots
 * without pause; it may reconnect later and resync. SERVICE_RESTART (the standard 1012): the server
 * is stopping or restarting; the client reconnects with backoff until it is back. (A socket that
 * stops reading is dropped without a close frame: it would not read that either.)
 */
export const LIVE_CLOSE = { UNAUTHORIZED: 4401, TOO_MANY_REQUESTS: 4429, SERVICE_RESTART: 1012 } as const;

export type SnapshotMessage = { type: 'snapshot' } & Snapshot;

/**
 * A record changed (a complaint logged, a referral made, a check done, a device gone offline): a
 * hint to staff screens that may read it to fetch it again. Not part of the event sequence and not
 * kept: a screen that reconnects fetches its records anyway. Carries no personal data; a referral's
 * hint reaches only managers and the account manager it is for.
 */
export interface RecordsChangedMessage {
  type: 'records.changed';
  record: RecordHintKind;
  /** The record changed, where there is one. */
  id?: string;
}
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
}
export type ServerMessage = SnapshotMessage | DomainEvent | ErrorMessage | RecordsChangedMessage | { type: 'pong' };

/** What a client may send: ask for a fresh snapshot (after a gap), or a ping. */
export type ClientMessage = { type: 'snapshot.request' } | { type: 'ping' };
