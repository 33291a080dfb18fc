/**
 * A framework-free client for the live socket: it keeps a branch's state current.
 * Snapshot on connect, events applied in sequence order, a fresh snapshot on any gap,
 * and reconnect with exponential backoff. Works in browsers and in Node (pass `WebSocket`).
 */
import { RECENT_CALLS_KEPT, type DomainEvent, type ServerMessage } from './messages.js';
import type { Counter, Snapshot, Ticket } from './schemas.js';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

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

const ACTIVE = new Set(['waiting', 'called', 'serving']);

/** Applies one event to a snapshot: pure, so UIs and tests share it. */
export function applyEvent(state: Snapshot, event: DomainEvent): Snapshot {
  const next: Snapshot = { ...state, seq: event.seq, at: event.at, queues: event.queues };
  if (event.ticket) next.tickets = upsertTicket(state.tickets, event.ticket);
  if (event.counter) next.counters = state.counters.map((c) => (c.id === event.counter!.id ? (event.counter as Counter) : c));
  if ((event.type === 'ticket.called' || event.type === 'ticket.recalled') && event.ticket?.counterId) {
    const counter = next.counters.find((c) => c.id === event.ticket!.counterId);
    const call = {
      ticketId: event.ticket.id,
      number: event.ticket.number,
      serviceId: event.ticket.serviceId,
      counterId: event.ticket.counterId,
      counterNumber: counter?.number ?? 0,
      at: event.at,
      recall: event.type === 'ticket.recalled',
    };
    next.recentCalls = [call, ...state.recentCalls].slice(0, RECENT_CALLS_KEPT);
  }
  return next;
}

function upsertTicket(tickets: Ticket[], ticket: Ticket): Ticket[] {
  const rest = tickets.filter((t) => t.id !== ticket.id);
  if (!ACTIVE.has(ticket.status)) return rest;
  return [...rest, ticket].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
}

export class LiveClient {
  state: Snapshot | null = null;
  connection: ConnectionState = 'connecting';
  /** How many snapshots were received (connects and resyncs); useful for diagnostics and tests. */
  snapshots = 0;

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
    socket.onclose = () => this.scheduleReconnect(socket);
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
    if (!this.state || message.seq <= this.state.seq) return;
    if (message.seq !== this.state.seq + 1) return this.resync();
    this.state = applyEvent(this.state, message);
    this.notify(message);
    // Configuration is not carried by events: take it whole.
    if (message.type === 'branch.configured') this.resync();
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
