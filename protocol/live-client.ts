/**
 * A framework-free client for the live socket: it keeps a branch's state current.
 * Snapshot on connect, events applied in sequence order, a fresh snapshot on any gap,
 * and reconnect with exponential backoff. Works in browsers and in Node (pass `WebSocket`).
 */
import { isActive, isAtCounter } from './actions.js';
import { isTicketEvent, LIVE_CLOSE, RECENT_CALLS_KEPT, type DomainEvent, type ServerMessage } from './messages.js';
import type { RecordHintKind } from './record-kinds.js';
import type { Snapshot, Ticket } from './schemas.js';
import { withThrottleAlert } from './throttle-alerts.js';
import { callsAfterChange } from './recent-calls.js';
import { byQueuePlace, NO_SHOWS_KEPT } from './late-arrival.js';

/** `signed_out`: the server ended this device's session or revoked its token; the client stops reconnecting. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'signed_out' | 'closed';

export interface LiveClientOptions {
  /** ws:// or wss:// URL of `/api/branches/:branchId/live`, with `?token=` where a cookie is not used. */
  url: string;
  /** The WebSocket class (the browser's, or `ws` in Node). */
  WebSocketImpl?: typeof WebSocket;
  /** First reconnect delay; it doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export type LiveListener = (client: LiveClient, event?: DomainEvent) => void;


/** Applies one event to a snapshot: pure, so UIs and tests share it. */
export function applyEvent(state: Snapshot, event: DomainEvent): Snapshot {
  const next: Snapshot = { ...state, seq: event.seq, at: event.at, queues: event.queues };
  if (isTicketEvent(event)) next.tickets = upsertTicket(state, event.ticket);
  if (isTicketEvent(event) && state.noShows) next.noShows = withNoShow(state.noShows, event.ticket);
  if ('counter' in event && event.counter) {
    const changed = event.counter;
    next.counters = state.counters.map((c) => (c.id === changed.id ? changed : c));
  }
  const counterId = isTicketEvent(event) ? event.ticket.counterId : null;
  if ((event.type === 'ticket.called' || event.type === 'ticket.recalled') && counterId) {
    const { ticket } = event;
    const counter = next.counters.find((c) => c.id === counterId);
    const call = {
      ticketId: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      counterId,
      counterNumber: counter?.number ?? 0,
      at: event.at,
      recall: event.type === 'ticket.recalled',
    };
    next.recentCalls = [call, ...state.recentCalls].slice(0, RECENT_CALLS_KEPT);
  }
  // The server's rule: a ticket that left the counter unserved leaves the hall's screens.
  if (isTicketEvent(event)) next.recentCalls = callsAfterChange(next.recentCalls, event.ticket);
  // Staff keep the kiosk's alert; the hall's screens get the event without it.
  if (event.type === 'device.throttled' && event.alert) next.throttleAlerts = withThrottleAlert(state.throttleAlerts ?? [], event.alert);
  return next;
}

/** Keeps the snapshot's ticket list to what its audience sees: active tickets for staff, tickets at a counter for the hall. */
function upsertTicket(state: Snapshot, ticket: Ticket): Ticket[] {
  const rest = state.tickets.filter((t) => t.id !== ticket.id);
  const kept = state.audience === 'public' ? isAtCounter(ticket.status) : isActive(ticket.status);
  if (!kept) return rest;
  return [...rest, ticket].sort(byQueuePlace);
}

/** Staff keep today's no-shows (newest first) for re-queueing a late customer: a ticket joins on its no-show and leaves when it is re-queued or undone. */
function withNoShow(noShows: readonly Ticket[], ticket: Ticket): Ticket[] {
  const rest = noShows.filter((t) => t.id !== ticket.id);
  return ticket.status === 'no_show' ? [ticket, ...rest].slice(0, NO_SHOWS_KEPT) : rest;
}

export class LiveClient {
  state: Snapshot | null = null;
  connection: ConnectionState = 'connecting';
  /** How many snapshots were received (connects and resyncs); useful for diagnostics and tests. */
  snapshots = 0;
  /**
   * How many `records.changed` hints arrived per kind of record: a page that shows complaints
   * fetches them again when `recordHints.complaint` moves. Starts empty on every client.
   */
  recordHints: Readonly<Partial<Record<RecordHintKind, number>>> = {};

  private socket: WebSocket | null = null;
  private listeners = new Set<LiveListener>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly WS: typeof WebSocket;

  constructor(private readonly options: LiveClientOptions) {
    this.WS = options.WebSocketImpl ?? globalThis.WebSocket;
    this.open();
  }

  /** Calls `listener` after every change of state or connection; returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the server for a fresh snapshot (done automatically on a gap). */
  resync(): void {
    if (this.socket?.readyState === this.WS.OPEN) this.socket.send(JSON.stringify({ type: 'snapshot.request' }));
  }

  close(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.setConnection('closed');
  }

  private open(): void {
    const socket = new this.WS(this.options.url);
    this.socket = socket;
    socket.onmessage = (message) => this.receive(JSON.parse(String(message.data)) as ServerMessage);
    socket.onclose = (event) => {
      if (event.code === LIVE_CLOSE.UNAUTHORIZED && socket === this.socket) return this.signOut();
      this.scheduleReconnect(socket);
    };
    socket.onerror = () => socket.close();
  }

  private receive(message: ServerMessage): void {
    if (message.type === 'snapshot') {
      const { type: _type, ...snapshot } = message;
      this.state = snapshot;
      this.snapshots++;
      this.attempt = 0;
      this.connection = 'live';
      return this.notify();
    }
    if (message.type === 'error' || message.type === 'pong') return;
    if (message.type === 'records.changed') {
      this.recordHints = { ...this.recordHints, [message.record]: (this.recordHints[message.record] ?? 0) + 1 };
      return this.notify();
    }
    if (!this.state || message.seq <= this.state.seq) return;
    if (message.seq !== this.state.seq + 1) return this.resync();
    this.state = applyEvent(this.state, message);
    this.notify(message);
    // Configuration is not carried by events: take it whole.
    if (message.type === 'branch.configured') this.resync();
  }

  /** Reconnecting cannot help a revoked token or an ended session: stop and say so. */
  private signOut(): void {
    this.stopped = true;
    this.setConnection('signed_out');
  }

  private scheduleReconnect(socket: WebSocket): void {
    if (this.stopped || socket !== this.socket) return;
    this.setConnection('reconnecting');
    const min = this.options.minBackoffMs ?? 500;
    const delay = Math.min(this.options.maxBackoffMs ?? 15_000, min * 2 ** this.attempt++);
    // Jitter, so that every screen in the hall does not reconnect in the same millisecond.
    this.retryTimer = setTimeout(() => this.open(), delay * (0.75 + Math.random() * 0.5));
  }

  private setConnection(connection: ConnectionState): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.notify();
  }

  private notify(event?: DomainEvent): void {
    for (const listener of this.listeners) listener(this, event);
  }
}
