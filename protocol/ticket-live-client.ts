/**
 * A framework-free client of one ticket's live channel (protocol/ticket-live.ts), for the phone
 * page: the latest view of the ticket, reconnecting with backoff, and stopping for good when the
 * server says the ticket ended or never existed. Works in browsers and in Node (pass `WebSocket`).
 */
import type { PublicTicket } from './schemas.js';
import { isFinalTicketClose, TICKET_LIVE_CLOSE, type TicketLiveMessage } from './ticket-live.js';

/** `ended`: the ticket finished (its last view is kept); `not_found`: no such ticket. Both are final. */
export type TicketConnection = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'not_found' | 'closed';

export interface TicketLiveClientOptions {
  /** ws:// or wss:// URL of `/api/public/tickets/:ticketId/live` (ticketLiveUrl). */
  url: string;
  WebSocketImpl?: typeof WebSocket;
  /** First reconnect delay; it doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * How often to ping the server; a socket that stays silent for another such period is closed
   * and reopened. A phone that changed networks may never see a close event otherwise.
   */
  heartbeatMs?: number;
}

export type TicketLiveListener = (client: TicketLiveClient) => void;

export class TicketLiveClient {
  ticket: PublicTicket | null = null;
  connection: TicketConnection = 'connecting';

  private socket: WebSocket | null = null;
  private readonly listeners = new Set<TicketLiveListener>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private heardAt = 0;
  private readonly WS: typeof WebSocket;

  constructor(private readonly options: TicketLiveClientOptions) {
    this.WS = options.WebSocketImpl ?? globalThis.WebSocket;
    this.open();
  }

  /** Calls `listener` after every new view or change of connection; returns the unsubscribe function. */
  subscribe(listener: TicketLiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reconnects at once when not live (the phone woke up, the page became visible again). */
  reconnectNow(): void {
    if (this.stopped || this.connection === 'live' || this.connection === 'connecting') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.open();
  }

  close(): void {
    this.stop('closed');
    this.socket?.close();
  }

  private open(): void {
    const socket = new this.WS(this.options.url);
    this.socket = socket;
    socket.onopen = () => this.beat(socket);
    socket.onmessage = (message) => {
      if (socket !== this.socket) return;
      this.heardAt = Date.now();
      const data = JSON.parse(String(message.data)) as TicketLiveMessage;
      if (data.type !== 'ticket') return;
      this.ticket = data.ticket;
      this.attempt = 0;
      this.connection = 'live';
      this.notify();
    };
    socket.onclose = (event) => {
      if (socket !== this.socket || this.stopped) return;
      this.stopBeat();
      if (isFinalTicketClose(event.code)) return this.stop(event.code === TICKET_LIVE_CLOSE.FINISHED ? 'ended' : 'not_found');
      // Too many sockets for this ticket (other tabs): wait long before trying again.
      if (event.code === TICKET_LIVE_CLOSE.TOO_MANY) this.attempt = Math.max(this.attempt, 6);
      this.scheduleReconnect();
    };
    socket.onerror = () => socket.close();
  }

  /** Pings while the socket is open; closes it when nothing (not even a pong) came back since the last ping. */
  private beat(socket: WebSocket): void {
    this.stopBeat();
    this.heardAt = Date.now();
    const every = this.options.heartbeatMs ?? 25_000;
    this.heartbeat = setInterval(() => {
      if (socket !== this.socket || socket.readyState !== this.WS.OPEN) return this.stopBeat();
      if (Date.now() - this.heardAt > 2 * every) return socket.close();
      socket.send(JSON.stringify({ type: 'ping' }));
    }, every);
  }

  private stopBeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private scheduleReconnect(): void {
    this.setConnection('reconnecting');
    const min = this.options.minBackoffMs ?? 500;
    const delay = Math.min(this.options.maxBackoffMs ?? 15_000, min * 2 ** this.attempt++);
    // Jitter: a hall full of phones on one Wi-Fi does not reconnect in the same millisecond.
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay * (0.75 + Math.random() * 0.5));
  }

  private stop(connection: TicketConnection): void {
    this.stopped = true;
    this.stopBeat();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.setConnection(connection);
  }

  private setConnection(connection: TicketConnection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this);
  }
}
